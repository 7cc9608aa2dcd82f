/**
 * The end block (版记) at the foot of a page, its last rule on the text block's bottom edge:
 * each line on a grid line with its glyphs in the middle, 报/送/发 wrapping after the colon,
 * copies flush right, the printer and the 印发 date on the last line; rules as the Galley
 * counts them. Also the page number, which the Galley places below the text block.
 */
import type { SourcePos } from './galley.js';
import { distributionLines } from './end-block-lines.js';
import { setLines, type SetLine } from './lines.js';
import type { PItem } from './paged.js';
import type { PlaceContext } from './place-context.js';
import { baselineAt, lineItems, lineX } from './place-text.js';

/**
 * The end block's items, its last rule on the bottom edge of the text block (spec §6): the
 * 22 grid lines leave a hair under the last one, so the block sits that much lower than the
 * grid lines it takes.
 */
export function placeEndBlock(ctx: PlaceContext): PItem[] {
  const { g, geo, fonts } = ctx;
  const eb = g.endBlock;
  const size = eb.sizePt;
  const indent = eb.indentChars * size;
  const x0 = geo.left + indent;
  const inner = geo.blockWidth - 2 * indent;
  const top = geo.top + geo.blockHeight - eb.lines * eb.linePitchPt;
  const items: PItem[] = [];
  let line = 0;
  const at = (where?: SourcePos): SourcePos => where ?? g.at.endBlock;
  const set = (text: string, width: number, where = g.at.endBlock): SetLine[] =>
    setLines([{ text, role: eb.role }], { sizePt: size, firstWidthPt: width, widthPt: width, grid: false, justify: false }, fonts, where);
  const put = (l: SetLine, x: number, k: number): void => {
    const emTop = top + (line + k) * eb.linePitchPt + (eb.linePitchPt - size) / 2;
    items.push(...lineItems(l, x, baselineAt(emTop, size, eb.role, fonts), g.text));
  };
  for (const d of eb.distribution) {
    const { label, lines } = distributionLines(d.label, d.text, eb.role, size, inner, fonts, at(d.at));
    put(label, x0, 0);
    lines.forEach((l, k) => put(l, x0 + label.widthPt, k));
    line += lines.length;
  }
  if (eb.copies) {
    const [l] = set(eb.copies, inner, at(eb.at?.copies));
    put(l!, lineX(l!, 'right', x0, inner), 0);
    line += 1;
  }
  const [printer] = set(eb.printer, inner, at(eb.at?.printer));
  const [date] = set(eb.printDate, inner, at(eb.at?.printDate));
  put(printer!, x0, 0);
  put(date!, lineX(date!, 'right', x0, inner), 0);
  for (const r of eb.rules) {
    const y = top + r.afterLines * eb.linePitchPt;
    items.push({ kind: 'rule', x1: geo.left, y1: y, x2: geo.left + geo.blockWidth, y2: y, widthPt: r.widthPt });
  }
  return items;
}

/** — N — below the text block: odd pages flush right, even pages flush left, indentChars in. */
export function placePageNumber(ctx: PlaceContext, page: number): PItem[] {
  const { g, geo, fonts } = ctx;
  const pn = g.pageNumber;
  const indent = pn.indentChars * pn.sizePt;
  const width = geo.blockWidth - 2 * indent;
  const [l] = setLines(
    [{ text: `${pn.prefix}${page}${pn.suffix}`, role: pn.role }],
    { sizePt: pn.sizePt, firstWidthPt: Infinity, widthPt: Infinity, grid: false, justify: false },
    fonts,
  );
  const emTop = geo.top + geo.blockHeight + pn.belowTextBlockPt;
  return lineItems(
    l!,
    lineX(l!, page % 2 === 1 ? 'right' : 'left', geo.left + indent, width),
    baselineAt(emTop, pn.sizePt, pn.role, fonts),
    g.text,
  );
}
