/**
 * `--format csv`: every unit of the registry (those with nothing too), a totals row last.
 * UTF-8 with a byte-order mark and CRLF line ends, because Excel on Windows reads a CSV
 * without the BOM as the ANSI code page and shows the Chinese as mojibake.
 */
import { tableCells, type Stats } from '../count.js';

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(stats: Stats): Uint8Array {
  const { header, body, totals } = tableCells(stats, stats.rows);
  const text = [header, ...body, totals].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
  return new TextEncoder().encode(`\uFEFF${text}`);
}
