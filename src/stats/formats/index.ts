/**
 * The one list of `stats` output formats. Only the chosen format's renderer is loaded, so a
 * terminal table never pays for exceljs or docx.
 */
import type { Stats } from '../count.js';

export interface StatsFormat {
  id: 'table' | 'csv' | 'xlsx' | 'docx';
  ext: string;
  /** Whether the format goes to the terminal unless --out is given. */
  toTerminal: boolean;
  render(stats: Stats): Promise<Uint8Array>;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export const STATS_FORMATS: readonly StatsFormat[] = [
  { id: 'table', ext: '.txt', toTerminal: true, render: async (s) => utf8((await import('./table.js')).renderTable(s)) },
  { id: 'csv', ext: '.csv', toTerminal: false, render: async (s) => (await import('./csv.js')).renderCsv(s) },
  { id: 'xlsx', ext: '.xlsx', toTerminal: false, render: async (s) => (await import('./xlsx.js')).renderXlsx(s) },
  { id: 'docx', ext: '.docx', toTerminal: false, render: async (s) => (await import('./docx.js')).renderStatsDocx(s) },
];

export function statsFormatById(id: string): StatsFormat | undefined {
  return STATS_FORMATS.find((f) => f.id === id.toLowerCase());
}

export function statsFormatByExt(file: string): StatsFormat | undefined {
  const lower = file.toLowerCase();
  return STATS_FORMATS.find((f) => lower.endsWith(f.ext));
}
