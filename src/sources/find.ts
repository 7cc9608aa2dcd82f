/** Finding the issues of a series and the source files of an issue. */
import fs from 'node:fs';
import path from 'node:path';
import { ISSUE_FILE, loadIssueFile, type IssueConfig } from '../config/issue-file.js';
import type { Series } from '../config/series.js';
import { compareDates } from '../dates.js';
import { Diagnostics, UserError, type Diagnostic } from '../diagnostics.js';
import { relPath } from '../paths.js';
import { parse } from 'yaml';
import { MAX_SOURCE_BYTES } from './read-text.js';
import { readUserText } from './user-file.js';
import { byCodeUnits } from '../text-order.js';

export function issuesRoot(series: Series): string {
  return path.join(series.root, series.issuesDir);
}

/**
 * Issue folders: every folder under the issues folder, with an issue.yaml or not (a folder
 * without one is an issue whose issue.yaml is missing, not a folder to pass over in silence).
 * Hidden folders (.git, .vscode) are not issues.
 */
export function findIssueDirs(series: Series): string[] {
  const root = issuesRoot(series);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => path.join(root, e.name))
    .sort(byCodeUnits);
}

/** A folder under issues/ whose issue.yaml is missing or wrong: still an issue, never skipped. */
export interface BrokenIssue {
  dir: string;
  /** issue.yaml relative to the series root. */
  file: string;
  /** The number, when issue.yaml or the folder name still tells it. */
  number?: number;
  diagnostics: Diagnostic[];
}

export interface FoundIssues {
  issues: IssueConfig[];
  broken: BrokenIssue[];
}

export function loadAllIssues(series: Series, diags: Diagnostics): FoundIssues {
  const found: FoundIssues = { issues: [], broken: [] };
  for (const dir of findIssueDirs(series)) {
    const file = relPath(series.root, path.join(dir, ISSUE_FILE));
    const own = new Diagnostics();
    if (!fs.existsSync(path.join(dir, ISSUE_FILE))) {
      const items = findSourceFiles(dir).length;
      own.error(
        'issue-file-missing',
        file,
        undefined,
        undefined,
        `文件夹 ${relPath(series.root, dir)}${items ? `（有 ${items} 个稿件）` : ''}里没有 ${ISSUE_FILE}，不知道这是第几期。请从上一期复制 ${ISSUE_FILE} 过来，改好 number 和 date；不是一期简报的文件夹请移出 ${series.issuesDir}/`,
      );
    }
    const cfg = own.hasErrors() ? undefined : loadIssueFile(dir, file, own);
    diags.merge(own);
    if (cfg && !own.hasErrors()) found.issues.push(cfg);
    else found.broken.push({ dir, file, number: guessNumber(dir), diagnostics: own.errors });
  }
  return found;
}

/** The number of a broken issue, from what is left of its issue.yaml or from its folder name. */
function guessNumber(dir: string): number | undefined {
  try {
    const text = readUserText(path.join(dir, ISSUE_FILE), { shown: ISSUE_FILE, maxBytes: MAX_SOURCE_BYTES });
    const n = (parse(text, { logLevel: 'silent' }) as { number?: unknown } | null)?.number;
    if (Number.isInteger(n) && (n as number) > 0) return n as number;
  } catch {
    /* unreadable: fall back to the folder name */
  }
  const m = /^(?:\d{4}-)?0*(\d+)$/.exec(path.basename(dir));
  return m ? Number(m[1]) : undefined;
}

/** Issues in the order they appeared: by date, then by number. */
export function byDateThenNumber(a: IssueConfig, b: IssueConfig): number {
  return compareDates(a.date, b.date) || a.number - b.number;
}

/**
 * Markdown sources of an issue: *.md in its folder, by file name. Every entry so named counts,
 * whatever it is: a folder, a FIFO or a link named x.md is reported by the reader at its name
 * (src/sources/user-file.ts) instead of being passed over in silence.
 */
export function findSourceFiles(issueDir: string): string[] {
  return fs
    .readdirSync(issueDir, { withFileTypes: true })
    .filter((e) => /\.(md|markdown)$/i.test(e.name) && !e.name.startsWith('.'))
    .map((e) => path.join(issueDir, e.name))
    .sort(byCodeUnits);
}

/**
 * ISSUE as the user types it: a folder path, a number (9), or year-number (2024-3, for yearly
 * series). Without ISSUE: the latest issue by date, then number.
 */
export function resolveIssue(series: Series, issues: IssueConfig[], arg: string | undefined, broken: BrokenIssue[] = []): IssueConfig {
  if (issues.length === 0 && broken.length === 0) {
    throw new UserError(`${series.issuesDir}/ 下还没有任何一期。请先运行 bulletin new 新建一期`);
  }
  if (arg === undefined) {
    const latest = issues.length ? [...issues].sort(byDateThenNumber)[issues.length - 1] : undefined;
    // A broken folder after the latest good one is most likely the issue being worked on:
    // building an older issue instead would look like success.
    const newer = broken.filter(
      (b) =>
        !latest || byCodeUnits(path.basename(b.dir), path.basename(latest.dir)) > 0 || (b.number !== undefined && b.number > latest.number),
    );
    if (newer.length || !latest) throw brokenError(series, newer.length ? newer : broken, '最新的一期');
    return latest;
  }
  const asPath = path.resolve(arg);
  const inRoot = path.resolve(issuesRoot(series), arg);
  const byDir = issues.find((i) => path.resolve(i.dir) === asPath || inRoot === path.resolve(i.dir));
  if (byDir) return byDir;
  const brokenDir = broken.find((b) => path.resolve(b.dir) === asPath || inRoot === path.resolve(b.dir));
  if (brokenDir) throw brokenError(series, [brokenDir], '');
  const m = /^(?:(\d{4})[-年])?第?(\d+)期?$/.exec(arg.trim());
  if (m) {
    const n = Number(m[2]);
    const year = m[1] ? Number(m[1]) : undefined;
    const matches = issues.filter((i) => i.number === n && !i.special && (year === undefined || i.date.year === year));
    const brokenMatches = broken.filter((b) => b.number === n);
    if (brokenMatches.length) throw brokenError(series, brokenMatches, `第${n}期`);
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      throw new UserError(
        `有 ${matches.length} 期的期号都是 ${n}（${matches.map((i) => relPath(series.root, i.dir)).join('、')}）。请写文件夹路径，或写成 年份-期号，如 ${matches[0]!.date.year}-${n}`,
      );
    }
  }
  throw new UserError(`找不到“${arg}”这一期。可以写期号（如 9）或文件夹（如 ${series.issuesDir}/009）；用 bulletin list 查看全部`);
}

function brokenError(series: Series, list: BrokenIssue[], what: string): UserError {
  const where = list.map((b) => relPath(series.root, b.dir)).join('、');
  return new UserError(
    `${what}${what ? '（' : ''}${where}${what ? '）' : ''}的 ${ISSUE_FILE} 有错误，不知道它是第几期、哪天出，所以没有处理。请先改正上面列出的问题` +
      (what === '最新的一期' ? '；要处理更早的一期，请写出期号，如 bulletin build 9' : ''),
    list.flatMap((b) => b.diagnostics),
  );
}
