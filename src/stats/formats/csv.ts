/**
 * `--format csv`: every unit of the registry (those with nothing too), a totals row last.
 * UTF-8 with a byte-order mark and CRLF line ends, because Excel on Windows reads a CSV
 * without the BOM as the ANSI code page and shows the Chinese as mojibake. Unit names are
 * someone else's text: csvCell keeps them from becoming formulas.
 */
import { csvCell } from '../../output/escape.js';
import { tableCells, type Stats } from '../count.js';

export function renderCsv(stats: Stats): Uint8Array {
  const { header, body, totals } = tableCells(stats, stats.rows);
  const text = [header, ...body, totals].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return new TextEncoder().encode(`\uFEFF${text}`);
}
