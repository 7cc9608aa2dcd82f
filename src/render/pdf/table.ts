/**
 * A Galley table → a ruled pdfmake table: widths, padding and rules as composed; the header
 * row repeats on a new page and no row is split.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { GRun, GTable } from '../../layout/galley.js';
import type { RenderEnv } from './flow.js';
import { paragraphInlines } from './inlines.js';
import { styledRuns } from './blocks.js';

export function tableNodes(env: RenderEnv, t: GTable, caption: Content | undefined): Content[] {
  const ienv = { fonts: env.fonts, text: env.galley.text, at: t.at };
  const style = { sizePt: t.sizePt, boxPt: t.lineHeightPt };
  const cell = (runs: GRun[], align: string): Content => ({ text: runs.length ? paragraphInlines(ienv, styledRuns(runs), style) : '', alignment: align }) as Content;
  const body: Content[][] = [
    t.header.map((c) => cell(c, env.galley.styles.tableHeader.align)),
    ...t.rows.map((r) => r.map((c, i) => cell(c, t.columns[i].align))),
  ];
  const rule = t.ruleWidthPt;
  const nodes: Content[] = caption ? [caption] : [];
  nodes.push({
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: t.columns.map((c) => c.widthPt), body },
    layout: {
      hLineWidth: () => rule,
      vLineWidth: () => rule,
      paddingLeft: () => t.paddingXPt,
      paddingRight: () => t.paddingXPt,
      paddingTop: () => t.paddingYPt,
      paddingBottom: () => t.paddingYPt,
    },
  } as Content);
  return nodes;
}
