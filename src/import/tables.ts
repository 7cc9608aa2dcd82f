/**
 * GFM tables have no merged cells. Word tables of submissions merge cells in two ways: a
 * category down several rows (赣县区 over two schools) and a heading across several columns.
 * Down: the text is repeated in every row it covered, so each row still reads on its own once
 * flattened. Across: the text stays in the first column and the others are left empty, since
 * repeating a title along a row reads as several titles. Word also writes no header row; GFM
 * needs one, so the first row becomes it (it is the header in nearly every submission).
 */
import type { Element, ElementContent, Root } from 'hast';

export function flattenTables(tree: Root): void {
  walk(tree, (el) => {
    if (el.tagName === 'table') flattenTable(el);
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

function flattenTable(table: Element): void {
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
        for (let dc = 0; dc < colSpan; dc++) {
          const copy: Element = dr === 0 && dc === 0 ? cell : { type: 'element', tagName: cell.tagName, properties: {}, children: dc === 0 ? structuredClone(cell.children) : [] };
          grid[r + dr]![col + dc] = copy;
        }
      }
      delete cell.properties.colSpan;
      delete cell.properties.rowSpan;
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
