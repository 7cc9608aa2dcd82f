/**
 * A Galley table → a ruled pdfmake table: widths, padding and rules as composed; the head rows
 * repeat on a new page and no row is split. A merged cell is one pdfmake cell with colSpan /
 * rowSpan, the grid cells it covers the empty placeholders pdfmake expects.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { GRun, GTable } from '../../layout/galley.js';
import type { RenderEnv } from './flow.js';
import { paragraphInlines } from './inlines.js';
import { styledRuns } from './blocks.js';

export function tableNodes(env: RenderEnv, t: GTable, caption: Content | undefined): Content[] {
  const ienv = { fonts: env.fonts, text: env.galley.text, at: t.at };
  const style = { sizePt: t.sizePt, boxPt: t.lineHeightPt };
  const cell = (runs: GRun[], align: string): Record<string, unknown> => ({ text: runs.length ? paragraphInlines(ienv, styledRuns(runs), style) : '', alignment: align });
  const covered = new Set<string>();
  const origin = new Map(t.spans.map((s) => [`${s.row},${s.col}`, s]));
  for (const s of t.spans) for (let r = s.row; r < s.row + s.rows; r++) for (let c = s.col; c < s.col + s.cols; c++) if (r !== s.row || c !== s.col) covered.add(`${r},${c}`);
  const body: Content[][] = [t.header, ...t.rows].map((row, r) =>
    row.map((runs, c) => {
      if (covered.has(`${r},${c}`)) return {} as Content;
      const node = cell(runs, r < t.headerRows ? env.galley.styles.tableHeader.align : t.columns[c]!.align);
      const span = origin.get(`${r},${c}`);
      if (span && span.cols > 1) node.colSpan = span.cols;
      if (span && span.rows > 1) node.rowSpan = span.rows;
      return node as unknown as Content;
    }),
  );
  const pad = t.paddingPt;
  const rule = t.ruleWidthPt;
  const nodes: Content[] = caption ? [caption] : [];
  // pdfmake 0.3.11 makes the last row of a cell merged down too tall when dontBreakRows moves
  // the table to a new page (the merge's starting y is taken on the page before), so a table
  // with such a cell lets pdfmake break rows; one-line rows still move whole.
  const dontBreakRows = t.spans.every((s) => s.rows === 1);
  nodes.push({
    table: { headerRows: t.headerRows, keepWithHeaderRows: 1, dontBreakRows, widths: t.columns.map((c) => c.widthPt), body },
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
