/**
 * WordprocessingML that the docx package cannot write, patched into its output by string:
 * each patch anchors on one element docx always writes, and inserts in the schema's order.
 */
import type { GText } from '../../layout/galley.js';
import { markupAttr } from '../../output/escape.js';

/** What the patches need of the Galley's text facts (the 通报, which has no Galley, gives the same). */
export type PatchText = Pick<GText, 'kinsoku' | 'minSplitLines'>;

/**
 * Word's 中文版式 switches, for every paragraph, once, in the document defaults of styles.xml
 * (the docx package writes only two of them): East Asian line breaking by the kinsoku lists of
 * settings.xml (w:kinsoku, 按中文习惯控制首尾字符); a closing mark may hang past the last cell
 * (w:overflowPunct, 允许标点溢出边界, spec §9); no compression of a mark at the start of a line
 * (w:topLinePunct off, 允许行首标点压缩), which would take a glyph off the grid; and no
 * automatic space where hanzi meet digits or Latin letters (w:autoSpaceDE/DN off, spec §11).
 * Word obeys all five. LibreOffice's DOCX import reads overflowPunct inverted (on = no
 * hanging) and ignores topLinePunct and autoSpaceDE/DN: measured differences
 * (test/docx/parity.test.ts), not a reason to write anything else.
 */
const EAST_ASIAN_PPR = [
  '<w:kinsoku/>',
  '<w:overflowPunct/>',
  '<w:topLinePunct w:val="0"/>',
  '<w:autoSpaceDE w:val="0"/>',
  '<w:autoSpaceDN w:val="0"/>',
].join('');

/**
 * Widow/orphan control said outright (the Galley's minSplitLines), as the PDF paginates:
 * LibreOffice turns it on for a DOCX that is silent, while OOXML (and so Word) reads silence
 * as off. w:widowControl can only mean 2 lines each side; it comes before w:kinsoku in
 * CT_PPrBase.
 */
const widowControl = (text: PatchText): string => `<w:widowControl w:val="${text.minSplitLines === 2 ? 1 : 0}"/>`;

/**
 * Styles whose lines are not grid lines (table text, the page number, the end block's anchor):
 * LibreOffice would round each of their lines up to a whole grid line; w:snapToGrid off keeps
 * their own heights, as in the PDF (Word adds no grid pitch in table cells either, ECMA-376
 * §17.6.5). It comes before w:spacing in CT_PPrBase.
 */
const OFF_GRID = '<w:snapToGrid w:val="0"/>';

export function patchStyles(xml: string, text: PatchText, offGridStyleIds: readonly string[]): string {
  const anchor = '<w:pPrDefault><w:pPr>';
  if (!xml.includes(anchor)) throw new Error('styles.xml: w:pPrDefault not found');
  let out = xml.replace(anchor, anchor + widowControl(text) + EAST_ASIAN_PPR);
  for (const id of offGridStyleIds) {
    out = out.replace(new RegExp(`(<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?<w:pPr>[\\s\\S]*?)(<w:spacing )`), `$1${OFF_GRID}$2`);
  }
  return out;
}

/**
 * Settings: the line-start and line-end characters of GB/T 15834 (the Galley's kinsoku) as Word's custom
 * kinsoku lists for Chinese, and no compression of punctuation, which would shrink full-width
 * punctuation to half a cell and break the grid. These come after w:evenAndOddHeaders and
 * before w:compat in CT_Settings.
 */
export function patchSettings(xml: string, text: PatchText): string {
  const anchor = '<w:compat>';
  if (!xml.includes(anchor)) throw new Error('settings.xml: w:compat not found');
  const add =
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    `<w:noLineBreaksAfter w:lang="zh-CN" w:val="${markupAttr(text.kinsoku.noLineEnd)}"/>` +
    `<w:noLineBreaksBefore w:lang="zh-CN" w:val="${markupAttr(text.kinsoku.noLineStart)}"/>`;
  return xml.replace(anchor, add + anchor);
}

/** Created and modified: the issue date, not the time of the build. */
export function patchCoreDates(xml: string, isoDate: string): string {
  const stamp = `${isoDate}T00:00:00Z`;
  return xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
}

/**
 * docx gives external hyperlinks random relationship ids. Renumber them in the order the
 * relationships file lists them, in the rels file and in every r:id that points at them.
 */
export function stableLinkIds(rels: string, document: string): { rels: string; document: string } {
  const ids: string[] = [];
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (!/TargetMode="External"/.test(m[0])) continue;
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    if (id) ids.push(id);
  }
  const rename = new Map(ids.map((id, i) => [id, `rIdLink${i + 1}`]));
  const swap = (xml: string, attr: string): string =>
    xml.replace(new RegExp(`\\b${attr}="([^"]+)"`, 'g'), (whole, id: string) => (rename.has(id) ? `${attr}="${rename.get(id)}"` : whole));
  return { rels: swap(rels, 'Id'), document: swap(document, 'r:id') };
}
