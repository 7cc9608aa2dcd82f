/** `--format table`: the figures as an aligned plain-text table for the terminal. */
import { activeRows, statsTitle, tableCells, weightsNote, type Stats } from '../count.js';
import { describe } from '../describe.js';
import { displayWidth, padEnd, padStart } from '../text-width.js';

/** Columns after 单位 and 类别 hold figures and line up on the right. */
const TEXT_COLUMNS = 3;

export function renderTable(stats: Stats): string {
  const rows = activeRows(stats);
  const { header, body, totals } = tableCells(stats, rows);
  const all = [header, ...body, totals];
  const widths = header.map((_, k) => Math.max(...all.map((r) => displayWidth(r[k] ?? ''))));
  const line = (cells: string[]): string =>
    cells
      .map((c, k) => (k === 0 || k >= TEXT_COLUMNS ? padStart(c, widths[k]!) : padEnd(c, widths[k]!)))
      .join('  ')
      .trimEnd();
  const rule = '─'.repeat(widths.reduce((s, w) => s + w, 0) + 2 * (widths.length - 1));
  const out: string[] = [statsTitle(stats), describe.issues(stats), ''];
  if (rows.length) {
    out.push(line(header), rule, ...body.map(line), rule, line(totals));
  } else out.push('统计期间内没有可以计入任何单位的稿件。');
  const w = weightsNote(stats.weights);
  if (w) out.push(w);
  for (const section of describe.lists(stats)) {
    out.push('', section.title, ...section.lines.map((l) => `  ${l}`));
  }
  return `${out.join('\n')}\n`;
}
