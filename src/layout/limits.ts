/**
 * What the layout cannot hold, found on the composed Galley before any format is written, so
 * the clerk gets a located Chinese message and exit 1 instead of a crash in a renderer: a
 * table with more columns than the smallest table size fits, an end block (版记) taller than
 * a page (it must stand on one page, its last rule on the text block's bottom edge).
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Galley } from './galley.js';
import { maxTableColumns } from './geometry.js';
import { END_BLOCK, GRID } from './spec.js';

/** Lines the end block may take: a page, less the blank line kept above its top rule. */
export const END_BLOCK_MAX_LINES = GRID.lines - END_BLOCK.blankLinesBefore;

export function layoutLimits(g: Galley): Diagnostic[] {
  const out: Diagnostic[] = [];
  const maxCols = maxTableColumns();
  const walk = (blocks: Galley['body']): void => {
    for (const b of blocks) {
      if (b.kind === 'list') b.items.forEach((i) => walk(i.blocks));
      if (b.kind !== 'table' || b.columns.length <= maxCols) continue;
      out.push({
        severity: 'error',
        rule: 'table-too-wide',
        file: b.at?.file ?? g.at.endBlock.file,
        line: b.at?.line,
        column: b.at?.column,
        message: `表格有 ${b.columns.length} 列，版心最多排得下 ${maxCols} 列（已缩到六号字）。请把表格拆成两张，或行列互换后再构建`,
      });
    }
  };
  walk(g.body);
  const eb = g.endBlock;
  if (eb.lines > END_BLOCK_MAX_LINES) {
    // Point at the longest list: that is the one to shorten.
    const longest = [...eb.distribution].sort((a, b) => b.lines - a.lines)[0];
    const at = longest?.at ?? g.at.endBlock;
    const what = longest ? `“${longest.label.replace(/：$/, '')}”的分送范围排出来有 ${longest.lines} 行，` : '';
    out.push({
      severity: 'error',
      rule: 'end-block-too-long',
      file: at.file,
      line: at.line,
      column: at.column,
      message: `版记太长：${what}整个版记共 ${eb.lines} 行，一页最多 ${END_BLOCK_MAX_LINES} 行，版记必须排在同一页上。请精简分送范围（如写“各设区市教育局”代替逐一列出），或改在本期 issue.yaml 的 distribution 中写简短的分送范围`,
    });
  }
  return out;
}
