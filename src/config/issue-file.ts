/** issue.yaml: what one issue says about itself. */
import path from 'node:path';
import type { CalendarDate } from '../dates.js';
import { parseIsoDate } from '../dates.js';
import { Diagnostics } from '../diagnostics.js';
import type { DistributionKey } from '../model/types.js';
import { readSourceText } from '../sources/read-text.js';
import type { Recipients } from './series.js';
import { loadYaml } from './yaml-load.js';

export const ISSUE_FILE = 'issue.yaml';

export interface IssueFile {
  number: number;
  date: string;
  printDate?: string;
  total?: number;
  special?: string;
  distribution?: Partial<Record<DistributionKey, Recipients>>;
  copies?: number;
  sections?: string[];
  /** Date of issue (印发), written by `bulletin issue`. */
  issued?: string;
}

export interface IssueConfig extends Omit<IssueFile, 'date' | 'printDate'> {
  /** Folder, absolute. */
  dir: string;
  /** issue.yaml relative to the series root, for messages. */
  file: string;
  date: CalendarDate;
  printDate: CalendarDate;
  lineOf(pathParts: Array<string | number>): number | undefined;
}

export function loadIssueFile(dir: string, relFile: string, diags: Diagnostics): IssueConfig | undefined {
  const text = readSourceText(path.join(dir, ISSUE_FILE), relFile, diags);
  if (text === undefined) return undefined;
  const loaded = loadYaml<IssueFile>({ file: relFile, text }, 'issue', diags);
  const v = loaded.value;
  if (!v) return undefined;
  const date = checkedDate(v.date, 'date', relFile, loaded.lineOf, diags);
  const printDate = v.printDate !== undefined ? checkedDate(v.printDate, 'printDate', relFile, loaded.lineOf, diags) : date;
  if (!date || !printDate) return undefined;
  return { ...v, dir, file: relFile, date, printDate, lineOf: loaded.lineOf };
}

function checkedDate(
  text: string,
  key: string,
  file: string,
  lineOf: (p: string[]) => number | undefined,
  diags: Diagnostics,
): CalendarDate | undefined {
  const d = parseIsoDate(String(text));
  if ('error' in d) {
    diags.error('date-impossible', file, lineOf([key]), 1, `${key}：${d.error}`);
    return undefined;
  }
  return d;
}
