/**
 * A Galley table on paper: its cells' lines set (lines.ts, off the grid), rows as tall as
 * their tallest cell, rules between every row and column. The paginator asks for the rows
 * that fit a page and draws them under the header row again on every page.
 */
import type { GRun, GTable } from './galley.js';
import { setLines, type SetLine } from './lines.js';
import type { PItem } from './paged.js';
import type { PlaceContext } from './place-context.js';
import { baselineAt, lineItems, lineX } from './place-text.js';

export interface TableFlow {
  /** Height of the header row and of each body row, their top rule included, in points. */
  headerPt: number;
  rowsPt: number[];
  /** The bottom rule's share of a table's height. */
  rulePt: number;
  /** The header and body rows [from, to) with the table's top edge at `top`. */
  draw(from: number, to: number, top: number): PItem[];
}

export function tableFlow(ctx: PlaceContext, t: GTable): TableFlow {
  const { g, geo, fonts } = ctx;
  const rule = t.ruleWidthPt;
  const x0 = geo.left + (t.leftChars ?? 0) * geo.cell;
  // Left edge of each column's band (its left rule included), and the table's right edge.
  const bands: number[] = [];
  let x = x0;
  for (const c of t.columns) {
    bands.push(x);
    x += rule + 2 * t.paddingXPt + c.widthPt;
  }
  const right = x + rule;
  const set = (cells: GRun[][]): SetLine[][] =>
    t.columns.map((c, i) => setLines(cells[i] ?? [], { sizePt: t.sizePt, firstWidthPt: c.widthPt, widthPt: c.widthPt, grid: false, justify: false }, fonts, t.at));
  const header = set(t.header);
  const rows = t.rows.map(set);
  const heightOf = (cells: SetLine[][]): number => rule + 2 * t.paddingYPt + Math.max(1, ...cells.map((l) => l.length)) * t.lineHeightPt;

  const drawRow = (cells: SetLine[][], top: number, isHeader: boolean): PItem[] => {
    const items: PItem[] = [];
    t.columns.forEach((c, i) => {
      const role = isHeader ? g.styles.tableHeader.role : g.styles.tableText.role;
      const align = isHeader ? g.styles.tableHeader.align : c.align;
      const x1 = bands[i]! + rule + t.paddingXPt;
      cells[i]!.forEach((line, k) => {
        const emTop = top + rule + t.paddingYPt + k * t.lineHeightPt + (t.lineHeightPt - t.sizePt) / 2;
        items.push(...lineItems(line, lineX(line, align === 'justify' ? 'left' : align, x1, c.widthPt), baselineAt(emTop, t.sizePt, role, fonts), g.text));
      });
    });
    return items;
  };

  return {
    headerPt: heightOf(header),
    rowsPt: rows.map(heightOf),
    rulePt: rule,
    draw(from, to, top) {
      const items: PItem[] = [];
      const edges = [top];
      items.push(...drawRow(header, top, true));
      let y = top + heightOf(header);
      for (let r = from; r < to; r++) {
        edges.push(y);
        items.push(...drawRow(rows[r]!, y, false));
        y += heightOf(rows[r]!);
      }
      edges.push(y);
      const bottom = y + rule;
      const line = (x1: number, y1: number, x2: number, y2: number): PItem => ({ kind: 'rule', x1, y1, x2, y2, widthPt: rule });
      // Each rule lies inside its band: centred half its width in.
      for (const e of edges) items.push(line(x0, e + rule / 2, right, e + rule / 2));
      for (const b of [...bands, right - rule]) items.push(line(b + rule / 2, top, b + rule / 2, bottom));
      return items;
    },
  };
}
