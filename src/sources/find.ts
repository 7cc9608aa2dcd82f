/** Finding the issues of a series and the source files of an issue. */
import fs from 'node:fs';
import path from 'node:path';
import { ISSUE_FILE, loadIssueFile, type IssueConfig } from '../config/issue-file.js';
import type { Series } from '../config/series.js';
import { compareDates } from '../dates.js';
import { Diagnostics, UserError } from '../diagnostics.js';
import { relPath } from '../paths.js';

export function issuesRoot(series: Series): string {
  return path.join(series.root, series.issuesDir);
}

/** Issue folders (those holding an issue.yaml), sorted by name. */
export function findIssueDirs(series: Series): string[] {
  const root = issuesRoot(series);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, ISSUE_FILE)))
    .map((e) => path.join(root, e.name))
    .sort((a, b) => a.localeCompare(b));
}

export function loadAllIssues(series: Series, diags: Diagnostics): IssueConfig[] {
  const out: IssueConfig[] = [];
  for (const dir of findIssueDirs(series)) {
    const cfg = loadIssueFile(dir, relPath(series.root, path.join(dir, ISSUE_FILE)), diags);
    if (cfg) out.push(cfg);
  }
  return out;
}

/** Issues in the order they appeared: by date, then by number. */
export function byDateThenNumber(a: IssueConfig, b: IssueConfig): number {
  return compareDates(a.date, b.date) || a.number - b.number;
}

/** Markdown sources of an issue: *.md in its folder, by file name. */
export function findSourceFiles(issueDir: string): string[] {
  return fs
    .readdirSync(issueDir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name))
    .map((e) => path.join(issueDir, e.name))
    .sort((a, b) => a.localeCompare(b));
}

/**
 * ISSUE as the user types it: a folder path, a number (9), or year-number (2024-3, for yearly
 * series). Without ISSUE: the latest issue by date, then number.
 */
export function resolveIssue(series: Series, issues: IssueConfig[], arg: string | undefined): IssueConfig {
  if (issues.length === 0) {
    throw new UserError(`${series.issuesDir}/ 下还没有任何一期。请先运行 bulletin new 新建一期`);
  }
  if (arg === undefined) {
    return [...issues].sort(byDateThenNumber)[issues.length - 1]!;
  }
  const asPath = path.resolve(arg);
  const byDir = issues.find((i) => path.resolve(i.dir) === asPath || path.resolve(issuesRoot(series), arg) === path.resolve(i.dir));
  if (byDir) return byDir;
  const m = /^(?:(\d{4})[-年])?第?(\d+)期?$/.exec(arg.trim());
  if (m) {
    const n = Number(m[2]);
    const year = m[1] ? Number(m[1]) : undefined;
    const matches = issues.filter((i) => i.number === n && !i.special && (year === undefined || i.date.year === year));
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      throw new UserError(`有 ${matches.length} 期的期号都是 ${n}（${matches.map((i) => relPath(series.root, i.dir)).join('、')}）。请写文件夹路径，或写成 年份-期号，如 ${matches[0]!.date.year}-${n}`);
    }
  }
  throw new UserError(`找不到“${arg}”这一期。可以写期号（如 9）或文件夹（如 ${series.issuesDir}/009）；用 bulletin list 查看全部`);
}
