/**
 * exceljs, loaded with the one change to its internals that the workbook needs, checked
 * against the pinned version when it loads.
 *
 * exceljs 4.4.0 writes the children of a <font> in xl/styles.xml in the order of its own
 * lookup table (lib/xlsx/xform/style/font-xform.js: b, i, u, charset, color, …, sz, name).
 * CT_Font is a sequence in the schema Office validates against (b, i, strike, condense,
 * extend, outline, shadow, u, vertAlign, sz, color, name, family, charset, scheme): the Open
 * XML SDK rejects the workbook ("unexpected child element sz"), the kind of file Excel may
 * open with "We found a problem with some content". FontXform's render is replaced by one that
 * writes the same children, each with exceljs's own child writer, in the schema's order.
 */
import type ExcelJSModule from 'exceljs';

/** The exceljs version this patch was written against (package.json pins it). */
export const PINNED_EXCELJS = '4.4.0';

/** CT_Font's children in schema order; `name` stands for the writer's font-name tag. */
export const CT_FONT_ORDER = [
  'b',
  'i',
  'strike',
  'condense',
  'extend',
  'outline',
  'shadow',
  'u',
  'vertAlign',
  'sz',
  'color',
  'name',
  'family',
  'charset',
  'scheme',
] as const;

type FontXformClass = typeof import('exceljs/lib/xlsx/xform/style/font-xform.js');
type Render = FontXformClass['prototype']['render'];

/** exceljs's own render, kept for the differential test. */
export let exceljsFontRender: Render | undefined;

function patch(FontXform: FontXformClass): void {
  if (exceljsFontRender) return;
  const probe = new FontXform();
  const tags = Object.keys(probe.map).map((t) => (t === probe.options.fontNameTag ? 'name' : t));
  if (tags.length !== CT_FONT_ORDER.length || !CT_FONT_ORDER.every((t) => tags.includes(t))) {
    throw new Error(`exceljs FontXform writes ${tags.join(', ')}: src/compat/exceljs expects the children of CT_Font`);
  }
  const original = FontXform.prototype.render;
  exceljsFontRender = original;
  FontXform.prototype.render = function render(this: InstanceType<FontXformClass>, xmlStream, model) {
    // Rich-text run properties (<rPr>, font name <rFont>) are another element: left as exceljs writes them.
    if (this.options.tagName !== 'font') return original.call(this, xmlStream, model);
    xmlStream.openNode(this.options.tagName);
    for (const tag of CT_FONT_ORDER) {
      const child = this.map[tag === 'name' ? this.options.fontNameTag : tag]!;
      child.xform.render(xmlStream, model[child.prop]);
    }
    xmlStream.closeNode();
  };
}

let loading: Promise<typeof ExcelJSModule> | undefined;

/** exceljs with its font writer in schema order; throws when exceljs is not the pinned version. */
export function loadExcelJs(): Promise<typeof ExcelJSModule> {
  loading ??= (async () => {
    const [{ default: ExcelJS }, { default: pkg }, { default: FontXform }] = await Promise.all([
      import('exceljs'),
      import('exceljs/package.json', { with: { type: 'json' } }),
      import('exceljs/lib/xlsx/xform/style/font-xform.js'),
    ]);
    if (pkg.version !== PINNED_EXCELJS) {
      throw new Error(
        `exceljs ${pkg.version} is installed; src/compat/exceljs was written against ${PINNED_EXCELJS}: check the font writer there against the new version`,
      );
    }
    patch(FontXform);
    return ExcelJS;
  })();
  return loading;
}
