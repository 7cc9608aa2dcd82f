/**
 * The masthead (报头) on page 1: each line centred in its whole grid lines, the publisher flush
 * left and the date flush right on one line, the red rule `offsetPt` under their glyphs. On
 * preprinted paper (套打) the red lines and the rule are left out, everything else in place.
 * Returns its items and the grid lines it takes (the Galley's count).
 */
import type { GMastheadLine, GRun } from './galley.js';
import { setLines } from './lines.js';
import type { PColor, PItem } from './paged.js';
import { printType, type PlaceContext } from './place-context.js';
import { baselineAt, lineItems, lineX } from './place-text.js';

const colorOf = (l: Pick<GMastheadLine, 'cmyk'>): PColor | undefined => (l.cmyk ? { cmyk: l.cmyk } : undefined);

export function placeMasthead(ctx: PlaceContext): { items: PItem[]; lines: number } {
  const { g, geo, fonts } = ctx;
  const m = g.masthead;
  const items: PItem[] = [];
  let line = 0;
  const oneLine = (runs: GRun[], type: { sizePt: number; trackPt: number }, at: GMastheadLine['at'], width = geo.blockWidth) =>
    setLines(runs, { ...type, firstWidthPt: width, widthPt: width, grid: false, justify: false }, fonts, at ?? g.at.masthead);
  // On preprinted paper the red lines and rule are there already: their room is kept, nothing drawn.
  const drawn = (part: { preprinted?: true }): boolean => !(m.onPreprintedPaper && part.preprinted);
  for (const l of m.lines) {
    if (!drawn(l)) {
      line += l.gridLines + l.blankAfter;
      continue;
    }
    const st = g.styles[l.style];
    const type = printType(ctx, st.sizePt);
    const size = type.sizePt;
    const emTop = geo.top + line * geo.pitch + (l.gridLines * geo.pitch - size) / 2;
    oneLine(l.runs, type, l.at).forEach((set, k) => {
      const baseline = baselineAt(emTop + k * geo.pitch, size, st.role, fonts);
      const look = colorOf(l);
      items.push(...lineItems(set, lineX(set, l.align, geo.left, geo.blockWidth), baseline, g.text, look ? { color: look } : {}));
    });
    line += l.gridLines + l.blankAfter;
  }
  const p = m.publisher;
  const st = g.styles[p.style];
  const type = printType(ctx, st.sizePt);
  const size = type.sizePt;
  const indent = p.indentChars * geo.cell;
  const emTop = geo.top + line * geo.pitch + (geo.pitch - size) / 2;
  const baseline = baselineAt(emTop, size, st.role, fonts);
  const width = geo.blockWidth - 2 * indent;
  const [left] = oneLine(p.left, type, p.leftAt, width);
  const [right] = oneLine(p.right, type, p.rightAt, width);
  items.push(...lineItems(left!, geo.left + indent, baseline, g.text));
  items.push(...lineItems(right!, lineX(right!, 'right', geo.left + indent, width), baseline, g.text));
  // The rule's top edge offsetPt under the glyphs' em box; a stroke is centred on its path.
  const ruleY = emTop + size + m.rule.offsetPt + m.rule.widthPt / 2;
  if (!m.onPreprintedPaper)
    items.push({
      kind: 'rule',
      x1: geo.left,
      y1: ruleY,
      x2: geo.left + geo.blockWidth,
      y2: ruleY,
      widthPt: m.rule.widthPt,
      color: { cmyk: m.rule.cmyk },
    });
  line += 1 + m.blankAfterRule;
  return { items, lines: m.gridLines };
}
