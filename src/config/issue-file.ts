/** issue.yaml: what one issue says about itself. */
import path from 'node:path';
import type { CalendarDate } from '../dates.js';
import { parseIsoDate } from '../dates.js';
import { Diagnostics } from '../diagnostics.js';
import type { ContentsSetting, DistributionKey } from '../model/types.js';
import { readSourceText } from '../sources/read-text.js';
import type { Recipients } from './series.js';
import { unsafeNameReason } from './safe-name.js';
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
  /** This issue's contents box, instead of the series' setting. */
  contents?: ContentsSetting;
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
  const unsafe = v.special !== undefined ? unsafeNameReason(v.special) : undefined;
  if (unsafe)
    diags.error(
      'issue-special-name',
      relFile,
      loaded.lineOf(['special']),
      1,
      `special“${v.special}”${unsafe}：它会用在文件名里。请写成“增刊”“专刊”这样的名称`,
    );
  if (!date || !printDate || unsafe) return undefined;
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
  if (d.year < 1980 || d.year > 2099) {
    diags.error(
      'date-out-of-range',
      file,
      lineOf([key]),
      1,
      `${key}：${text} 的年份不在 1980—2099 之间，可能写错了；请写成 2024-04-24 这样的日期`,
    );
    return undefined;
  }
  return d;
}
