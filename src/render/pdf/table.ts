/**
 * GFM tables: ruled, the header row in 黑体 and repeated on a new page, 四号 text so that
 * more columns fit, and column widths that fill the text block: each column gets what its
 * longest cell needs, and when that is too much in total the widest columns share what is
 * left equally (max-min fairness) and wrap, which Chinese text does anywhere.
 */
import type { Content } from 'pdfmake/interfaces.js';
import { tableColumnWidths } from '../../layout/geometry.js';
import { TABLE } from '../../layout/spec.js';
import type { Table, TableCell } from '../../model/types.js';
import type { RenderEnv } from './flow.js';
import { BLOCK_WIDTH_PT, PITCH } from './grid.js';
import { runsInlines, textInlines, type TextStyle } from './inlines.js';
import { textEm } from '../../layout/measure.js';

const cellText = (c: TableCell): string => c.runs.map((r) => r.text).join('');

export function tableNodes(env: RenderEnv, t: Table): Content[] {
  const ienv = { fonts: env.fonts, at: t.at };
  const size = TABLE.sizePt;
  const box = TABLE.lineHeight * size;
  const headerStyle: TextStyle = { role: TABLE.headerRole, sizePt: size, boxPt: box };
  const bodyStyle: TextStyle = { role: TABLE.bodyRole, sizePt: size, boxPt: box };
  const cols = Math.max(t.header.length, ...t.rows.map((r) => r.length));
  const pad = TABLE.cellPaddingPt;
  const rule = TABLE.ruleWidthPt;

  const natural = new Array<number>(cols).fill(0);
  const measure = (cell: TableCell | undefined, role: typeof TABLE.headerRole, col: number): void => {
    if (!cell) return;
    const face = env.fonts.role(role);
    natural[col] = Math.max(natural[col], textEm(cellText(cell), face, env.fonts) * size + 0.5);
  };
  t.header.forEach((c, i) => measure(c, TABLE.headerRole, i));
  t.rows.forEach((r) => r.forEach((c, i) => measure(c, TABLE.bodyRole, i)));
  const available = BLOCK_WIDTH_PT - cols * (2 * pad + rule) - rule;
  const widths = tableColumnWidths(natural, TABLE.minColumnChars * size, available);

  const cell = (c: TableCell | undefined, style: TextStyle, align: string): Content =>
    ({
      text: c ? runsInlines(ienv, c.runs, style) : '',
      alignment: align,
    }) as Content;
  const alignOf = (i: number): string => t.align[i] ?? 'left';
  const body: Content[][] = [
    Array.from({ length: cols }, (_, i) => cell(t.header[i], headerStyle, 'center')),
    ...t.rows.map((r) => Array.from({ length: cols }, (_, i) => cell(r[i], bodyStyle, alignOf(i)))),
  ];

  const nodes: Content[] = [];
  if (t.caption) {
    const capStyle: TextStyle = { role: TABLE.caption.role, sizePt: TABLE.caption.sizePt, boxPt: PITCH };
    nodes.push({ text: textInlines(ienv, t.caption, capStyle), alignment: 'center' } as Content);
  }
  nodes.push({
    table: { headerRows: 1, dontBreakRows: true, widths, body },
    layout: {
      hLineWidth: () => rule,
      vLineWidth: () => rule,
      paddingLeft: () => pad,
      paddingRight: () => pad,
      paddingTop: () => pad,
      paddingBottom: () => pad,
    },
  } as Content);
  return nodes;
}
