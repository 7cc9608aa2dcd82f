/**
 * The contents box (本期要目) on page 1 under the masthead: its title centred, then each
 * entry's lines on grid lines of the body grid — the column head in the head column, the
 * marker and the headline in theirs, wrapped lines under the headline — and a frame the width
 * of the text block whose top and bottom rules lie in the middle of the gaps above the first
 * and below the last line, so the box takes exactly its grid lines. Every text links to the
 * outline entry of the block it names.
 */
import { contentsEntryLines, contentsLabel } from './contents.js';
import type { GContents, GRun } from './galley.js';
import { setLines } from './lines.js';
import type { PItem } from './paged.js';
import { printType, type PlaceContext } from './place-context.js';
import { baselineAt, lineItems, lineX } from './place-text.js';

/** The box's items with its first grid line's top at `top`. */
export function placeContents(ctx: PlaceContext, box: GContents, top: number): PItem[] {
  const { g, geo, fonts } = ctx;
  const items: PItem[] = [];
  const style = g.styles[box.style];
  const type = printType(ctx, style.sizePt);
  const size = type.sizePt;
  const x0 = geo.left + box.paddingChars * geo.cell;
  const inner = box.lineChars * geo.cell;
  const baseline = (line: number): number => baselineAt(top + line * geo.pitch, size, style.role, fonts);
  const label = (runs: GRun[], atChars: number, line: number, link: string): void => {
    items.push(...lineItems(contentsLabel(runs, type, fonts), x0 + atChars * geo.cell, baseline(line), g.text, { link }));
  };

  const [title] = setLines(
    box.title.runs,
    { ...type, firstWidthPt: inner, widthPt: inner, grid: true, justify: false },
    fonts,
    g.at.masthead,
  );
  items.push(...lineItems(title!, lineX(title!, 'center', x0, inner), baseline(0), g.text));
  let line = 1;
  for (const e of box.entries) {
    if (e.head) label(e.head.runs, 0, line, e.head.target);
    if (e.marker) label([e.marker], box.headChars, line, e.target);
    contentsEntryLines(box, e, type, fonts).forEach((l, k) => {
      items.push(...lineItems(l, x0 + box.textChars * geo.cell, baseline(line + k), g.text, { link: e.target }));
    });
    line += e.lines;
  }

  // The rules in the middle of the gap between a line's glyphs and the next line's; the side
  // rules run half a rule further so the corners close.
  const half = (geo.pitch - size) / 2;
  const y1 = top - half;
  const y2 = top + box.gridLines * geo.pitch - half;
  const x1 = geo.left;
  const x2 = geo.left + geo.blockWidth;
  const w = box.ruleWidthPt;
  items.push(
    { kind: 'rule', x1, y1, x2, y2: y1, widthPt: w },
    { kind: 'rule', x1, y1: y2, x2, y2, widthPt: w },
    { kind: 'rule', x1, y1: y1 - w / 2, x2: x1, y2: y2 + w / 2, widthPt: w },
    { kind: 'rule', x1: x2, y1: y1 - w / 2, x2, y2: y2 + w / 2, widthPt: w },
  );
  return items;
}
