/**
 * A Galley table on paper: its cells' lines set (lines.ts, off the grid), rows as tall as
 * their tallest cell, rules between every row and column. The paginator asks for the rows
 * that fit a page and draws them under the head rows again on every page.
 *
 * Merged cells (GTable.spans): a merged cell's lines are set in the width of all its columns
 * and drawn once, at the top of its area; no rule crosses it. A cell merged down makes the
 * last of its rows taller when its text needs more than the rows give, and the rows it spans
 * go to the paginator as one group, so a page never breaks through it, unless the group is
 * taller than a page under the head rows: then its rows go one by one, and a merged cell that
 * a page break cuts is drawn on each page over the rows it has there, its text lines handed
 * row by row (as many as each row holds, the rest to its last row) so that none is lost below
 * the text block. A single row taller than a page under the head rows (a cell of a long text)
 * goes on in parts, each as many of its cells' lines as a page holds. The head rows are the table's first `headerRows` rows (a two-level header
 * has two), repeated on every page.
 */
import type { GRun, GSpan, GTable } from './galley.js';
import { setLines, type SetLine } from './lines.js';
import type { PItem } from './paged.js';
import type { PlaceContext } from './place-context.js';
import { baselineAt, lineItems, lineX } from './place-text.js';

export interface TableFlow {
  /** Height of the head rows and of each body row group, their top rules included, in points. */
  headerPt: number;
  rowsPt: number[];
  /** The bottom rule's share of a table's height. */
  rulePt: number;
  /** The head rows and the body row groups [from, to) with the table's top edge at `top`. */
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
  const grid: GRun[][][] = [t.header, ...t.rows];
  const cols = t.columns.length;
  const head = Math.max(1, Math.min(t.headerRows ?? 1, grid.length));
  const spans: GSpan[] = t.spans ?? [];
  // The span each grid cell belongs to, if any.
  const owner = grid.map(() => new Array<GSpan | undefined>(cols).fill(undefined));
  for (const s of spans) for (let r = s.row; r < s.row + s.rows; r++) for (let c = s.col; c < s.col + s.cols; c++) owner[r]![c] = s;
  const isOrigin = (r: number, c: number): boolean => {
    const s = owner[r]![c];
    return !s || (s.row === r && s.col === c);
  };
  const extent = (r: number, c: number): { rows: number; cols: number } => {
    const s = owner[r]![c];
    return s ? { rows: s.rows, cols: s.cols } : { rows: 1, cols: 1 };
  };
  // A cell's text width: its columns' widths with the padding and rules between them.
  const widthOf = (c: number, n: number): number =>
    t.columns.slice(c, c + n).reduce((a, col) => a + col.widthPt, 0) + (n - 1) * (2 * t.paddingXPt + rule);
  const lines = grid.map((row, r) =>
    row.map((runs, c) => {
      if (!isOrigin(r, c)) return [] as SetLine[];
      const w = widthOf(c, extent(r, c).cols);
      return setLines(runs ?? [], { sizePt: t.sizePt, firstWidthPt: w, widthPt: w, grid: false, justify: false }, fonts, t.at);
    }),
  );
  const cellPt = (n: number): number => 2 * t.paddingYPt + Math.max(1, n) * t.lineHeightPt;
  const base = grid.map(
    (_, r) => rule + Math.max(cellPt(1), ...lines[r]!.map((l, c) => (isOrigin(r, c) && extent(r, c).rows === 1 ? cellPt(l.length) : 0))),
  );
  const heights = [...base];
  // A cell merged down whose text needs more than its rows give lengthens the last of them.
  for (const s of spans) {
    if (s.rows < 2) continue;
    const have = heights.slice(s.row, s.row + s.rows).reduce((a, h) => a + h, 0) - rule;
    const need = cellPt(lines[s.row]![s.col]!.length);
    if (need > have) heights[s.row + s.rows - 1]! += need - have;
  }
  // Body rows joined by a cell merged down go onto a page together.
  const groups: Array<[number, number]> = [];
  for (let r = head; r < grid.length; ) {
    let end = r + 1;
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of spans) {
        if (s.row >= r && s.row < end && s.row + s.rows > end) {
          end = s.row + s.rows;
          grew = true;
        }
      }
    }
    groups.push([r, end]);
    r = end;
  }
  const sum = (from: number, to: number): number => heights.slice(from, to).reduce((a, h) => a + h, 0);
  // Groups taller than a fresh page under the head rows go row by row; their merged cells hand
  // their lines to their rows (rowLines), the last row lengthened to hold what is left.
  const pagePt = geo.lines * geo.pitch;
  const rowLines = new Map<GSpan, Array<[number, number]>>();
  for (let i = 0; i < groups.length; i++) {
    const [a, b] = groups[i]!;
    if (b - a < 2 || sum(0, head) + sum(a, b) + rule <= pagePt + 1e-6) continue;
    const cut = spans.filter((s) => s.row >= a && s.row < b && s.rows > 1);
    for (let r = a; r < b; r++) heights[r] = base[r]!;
    for (let changed = true; changed; ) {
      changed = false;
      for (const s of cut) {
        const n = lines[s.row]![s.col]!.length;
        const ranges: Array<[number, number]> = [];
        let k = 0;
        for (let r = s.row; r < s.row + s.rows; r++) {
          const last = r === s.row + s.rows - 1;
          const holds = Math.max(1, Math.floor((heights[r]! - rule - 2 * t.paddingYPt) / t.lineHeightPt + 1e-6));
          const take = last ? n - k : Math.min(holds, n - k);
          if (last && take > holds) {
            heights[r]! += (take - holds) * t.lineHeightPt;
            changed = true;
          }
          ranges.push([k, k + take]);
          k += take;
        }
        rowLines.set(s, ranges);
      }
    }
    groups.splice(i, 1, ...Array.from({ length: b - a }, (_, j): [number, number] => [a + j, a + j + 1]));
    i += b - a - 1;
  }

  // A row without merged cells taller than a page under the head rows: parts of its lines, one a page.
  interface Part {
    rows: [number, number];
    lines?: [number, number];
    heightPt: number;
  }
  const parts: Part[] = [];
  const perPage = Math.floor((pagePt - sum(0, head) - 2 * rule - 2 * t.paddingYPt) / t.lineHeightPt + 1e-6);
  for (const [a, b] of groups) {
    const plain = b - a === 1 && owner[a]!.every((o) => !o);
    const n = Math.max(...lines[a]!.map((l) => l.length));
    if (!plain || perPage < 1 || sum(0, head) + heights[a]! + rule <= pagePt + 1e-6) {
      parts.push({ rows: [a, b], heightPt: sum(a, b) });
      continue;
    }
    for (let k = 0; k < n; k += perPage) {
      const to = Math.min(n, k + perPage);
      parts.push({ rows: [a, b], lines: [k, to], heightPt: rule + cellPt(to - k) });
    }
  }

  const drawCell = (r: number, c: number, top: number, set: SetLine[]): PItem[] => {
    const isHead = r < head;
    const role = isHead ? g.styles.tableHeader.role : g.styles.tableText.role;
    const align = isHead ? g.styles.tableHeader.align : t.columns[c]!.align;
    const w = widthOf(c, extent(r, c).cols);
    const x1 = bands[c]! + rule + t.paddingXPt;
    return set.flatMap((line, k) => {
      const emTop = top + rule + t.paddingYPt + k * t.lineHeightPt + (t.lineHeightPt - t.sizePt) / 2;
      return lineItems(line, lineX(line, align === 'justify' ? 'left' : align, x1, w), baselineAt(emTop, t.sizePt, role, fonts), g.text);
    });
  };

  return {
    headerPt: sum(0, head),
    rowsPt: parts.map((p) => p.heightPt),
    rulePt: rule,
    draw(from, to, top) {
      const rows: number[] = [];
      // The part of a row's lines this page draws, and its height, for a row drawn in parts.
      const slice = new Map<number, Part>();
      for (let r = 0; r < head; r++) rows.push(r);
      for (const p of parts.slice(from, to)) {
        for (let r = p.rows[0]; r < p.rows[1]; r++) rows.push(r);
        if (p.lines) slice.set(p.rows[0], p);
      }
      const tops = new Map<number, number>();
      let y = top;
      for (const r of rows) {
        tops.set(r, y);
        y += slice.get(r)?.heightPt ?? heights[r]!;
      }
      const bottom = y + rule;
      const items: PItem[] = [];
      for (const r of rows) {
        for (let c = 0; c < cols; c++) {
          const s = owner[r]![c];
          const ranges = s && rowLines.get(s);
          if (!ranges) {
            const part = slice.get(r)?.lines;
            if (isOrigin(r, c)) items.push(...drawCell(r, c, tops.get(r)!, part ? lines[r]![c]!.slice(...part) : lines[r]![c]!));
            continue;
          }
          // A cut merged cell: drawn from the first of its rows on this page, once per column span.
          if (c !== s.col || (r !== s.row && tops.has(r - 1))) continue;
          let end = r;
          while (end < s.row + s.rows && tops.has(end)) end++;
          const [from] = ranges[r - s.row]!;
          const [, to] = ranges[end - 1 - s.row]!;
          items.push(...drawCell(s.row, c, tops.get(r)!, lines[s.row]![c]!.slice(from, to)));
        }
      }
      const line = (x1: number, y1: number, x2: number, y2: number): PItem => ({ kind: 'rule', x1, y1, x2, y2, widthPt: rule });
      const edgeX = (c: number): number => (c < cols ? bands[c]! : right - rule);
      // Rules lie inside their bands, centred half their width in. A horizontal rule above a
      // row leaves out the columns a cell merged down from the row above covers; a vertical
      // rule leaves out the rows a cell merged across covers.
      rows.forEach((r, i) => {
        const above = i > 0 && rows[i - 1] === r - 1 ? r - 1 : undefined;
        let start: number | undefined;
        for (let c = 0; c <= cols; c++) {
          const open = c < cols && !(above !== undefined && owner[r]![c] && owner[r]![c] === owner[above]![c]);
          if (open && start === undefined) start = c;
          if (!open && start !== undefined) {
            items.push(line(edgeX(start), tops.get(r)! + rule / 2, edgeX(c) + rule, tops.get(r)! + rule / 2));
            start = undefined;
          }
        }
      });
      items.push(line(x0, bottom - rule / 2, right, bottom - rule / 2));
      for (let c = 0; c <= cols; c++) {
        const bx = edgeX(c) + rule / 2;
        let from: number | undefined;
        for (let i = 0; i <= rows.length; i++) {
          const r = rows[i];
          const open = r !== undefined && (c === 0 || c === cols || !(owner[r]![c] && owner[r]![c] === owner[r]![c - 1]));
          if (open && from === undefined) from = tops.get(r!)!;
          if (!open && from !== undefined) {
            items.push(line(bx, from, bx, r === undefined ? bottom : tops.get(r)!));
            from = undefined;
          }
        }
      }
      return items;
    },
  };
}
