/**
 * Word tables merge cells two ways: across columns (w:gridSpan: 合计 over two columns, a
 * heading over its sub-columns) and down rows (w:vMerge: a unit over the rows of its schools).
 * mammoth gives them as colspan / rowspan; they are kept as merged cells in the table syntax of
 * the sources (src/sources/table-spans.ts): a cell covered from above is written ^, one covered
 * from the left an empty cell with no space (||). Here every table becomes a full grid whose
 * covered cells hold marker characters from the Private Use Area; toMarkdown turns them into
 * that syntax (rehype-remark knows no merged cells, and the marks must not be escaped as text).
 * Word also writes no header row; GFM needs one, so the first row becomes it (it is the header
 * in nearly every submission).
 */
import type { Element, ElementContent, Root } from 'hast';

/** A grid cell under a merged cell's first row: written ^. */
export const COVERED_ABOVE = '\uE000';
/** A grid cell right of a merged cell's first column, in its first row: written as || . */
export const COVERED_LEFT = '\uE001';
/** Before a cell's text that is only ^ or >, which the table syntax would read as a mark: written \. */
export const ESCAPE = '\uE002';

export function spanTables(tree: Root): void {
  walk(tree, (el) => {
    if (el.tagName === 'table') spanTable(el);
  });
}

function walk(node: Root | Element, fn: (el: Element) => void): void {
  for (const child of node.children) {
    if (child.type === 'element') {
      fn(child);
      walk(child, fn);
    }
  }
}

const textOf = (n: Element | ElementContent): string =>
  n.type === 'text' ? n.value : n.type === 'element' ? n.children.map(textOf).join('') : '';

const cellOf = (tagName: string, text: string): Element => ({
  type: 'element',
  tagName,
  properties: {},
  children: [{ type: 'text', value: text }],
});

function spanTable(table: Element): void {
  const rows: Element[] = [];
  const collect = (n: Element): void => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') rows.push(c);
      else if (['thead', 'tbody', 'tfoot'].includes(c.tagName)) collect(c);
    }
  };
  collect(table);
  const grid: Array<Array<Element | undefined>> = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.children) {
      if (cell.type !== 'element' || !['td', 'th'].includes(cell.tagName)) continue;
      while (grid[r]![col]) col++;
      const colSpan = Math.max(1, Number(cell.properties?.colSpan ?? 1) || 1);
      const rowSpan = Math.max(1, Number(cell.properties?.rowSpan ?? 1) || 1);
      for (let dr = 0; dr < rowSpan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < colSpan; dc++) grid[r + dr]![col + dc] = cellOf(cell.tagName, dr > 0 ? COVERED_ABOVE : COVERED_LEFT);
      }
      const text = textOf(cell).trim();
      if (text === '^' || text === '>') cell.children = [{ type: 'text', value: ESCAPE + text }];
      // A table cell holds one paragraph: Word's paragraphs of a cell stay apart by a full-width space.
      cell.children = cell.children.flatMap((c, i) =>
        i > 0 && c.type === 'element' && c.tagName === 'p' ? [{ type: 'text' as const, value: '\u3000' }, c] : [c],
      );
      delete cell.properties.colSpan;
      delete cell.properties.rowSpan;
      grid[r]![col] = cell;
      col += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((g) => g.length));
  const body: ElementContent[] = grid.map((cells, r) => ({
    type: 'element',
    tagName: 'tr',
    properties: {},
    children: Array.from({ length: width }, (_, c) => {
      const cell = cells[c] ?? { type: 'element', tagName: 'td', properties: {}, children: [] };
      return { ...cell, tagName: r === 0 ? 'th' : 'td' } as Element;
    }),
  }));
  table.children = [
    { type: 'element', tagName: 'thead', properties: {}, children: body.slice(0, 1) },
    { type: 'element', tagName: 'tbody', properties: {}, children: body.slice(1) },
  ];
}
