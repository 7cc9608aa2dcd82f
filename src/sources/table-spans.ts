/**
 * Merged cells in Markdown tables. The syntax is remark-extended-table's (the extended table
 * syntax of Markdown Preview Enhanced, so the files preview merged in VS Code too):
 *
 *   | 单位     | 派出人数 ||  备注 |     a cell left empty with no space, ||, joins the cell to its left
 *   | -        | -   | -  | -     |
 *   | ^        | 教师 | 学生 | ^    |     a cell holding only ^ joins the cell above
 *   | 九江学院 | 12  | 30 | 首批   |
 *   | ^        | 8   | 20 | 第二批 |
 *   | 合计     |     || 92 |       |
 *
 * (a cell holding only > joins the cell to its right, as that syntax also has). The plugin gives
 * the first cell of a merge `colspan` / `rowspan` and drops the cells it covers.
 *
 * One extension of ours, for two-level headers: a GFM table has one header row and the plugin
 * merges ^ only into body rows, leaving a ^ in the first row under the delimiter as text. Here
 * such a ^ joins the header cell above; the composition then counts that row as part of the
 * table's head (src/layout/compose.ts).
 */
import type { Root, RootContent, TableCell, TableRow } from 'mdast';

/** A table cell as the plugin leaves it: the first cell of a merge says how far it reaches. */
export type SpanCell = TableCell & { colspan?: number; rowspan?: number };

/** A cell holding only an unescaped ^ that the plugin left as text. */
function isUpMarker(cell: TableCell, source: string): boolean {
  const only = cell.children.length === 1 ? cell.children[0] : undefined;
  if (only?.type !== 'text' || only.value !== '^') return false;
  const p = only.position;
  return p?.start.offset !== undefined && p.end.offset !== undefined && source.slice(p.start.offset, p.end.offset) === '^';
}

/** Each cell of a row with the grid column it starts at (no cell above reaches into the row). */
function placed(row: TableRow): Array<{ cell: SpanCell; col: number; cols: number }> {
  let col = 0;
  return (row.children as SpanCell[]).map((cell) => {
    const cols = Math.max(1, cell.colspan ?? 1);
    const at = { cell, col, cols };
    col += cols;
    return at;
  });
}

function mergeIntoHeader(rows: TableRow[], source: string): void {
  const [head, first] = rows;
  if (!head || !first) return;
  const below = placed(first);
  const drop = new Set<TableCell>();
  for (const h of placed(head)) {
    // Every column of the header cell must be a ^ under it, all reaching as far down.
    const under = below.filter((b) => b.col >= h.col && b.col < h.col + h.cols);
    const tiled = under.reduce((n, b) => n + b.cols, 0) === h.cols && under.every((b) => b.col + b.cols <= h.col + h.cols);
    if (!under.length || !tiled || !under.every((b) => isUpMarker(b.cell, source))) continue;
    const reach = new Set(under.map((b) => b.cell.rowspan ?? 1));
    if (reach.size !== 1) continue;
    h.cell.rowspan = (h.cell.rowspan ?? 1) + [...reach][0]!;
    for (const b of under) drop.add(b.cell);
  }
  if (drop.size) first.children = first.children.filter((c) => !drop.has(c));
}

/** Applies the header extension to every table of a parsed file. */
export function tableHeaderMerges(tree: Root, source: string): void {
  const walk = (nodes: RootContent[]): void => {
    for (const n of nodes) {
      if (n.type === 'table') mergeIntoHeader(n.children, source);
      else if ('children' in n) walk(n.children as RootContent[]);
    }
  };
  walk(tree.children);
}
