/**
 * Which issues a bound volume holds: a calendar year (by each issue's `date`), or a span from
 * --from to --to, each end an issue (9, 2024-3, issues/009) or a date (2024-04-01), both ends
 * included. The issues come in the order they appeared (date, then number). A span with no
 * issue, one whose ends are the wrong way round, and one with an issue missing in the middle
 * are refused, each said in words a clerk can act on.
 */
import path from 'node:path';
import type { IssueConfig } from '../config/issue-file.js';
import { compareDates, formatChineseDate, parseIsoDate, type CalendarDate } from '../dates.js';
import { UserError, type Diagnostic } from '../diagnostics.js';
import { issueLabel } from '../numbering/label.js';
import { relPath } from '../paths.js';
import type { SeriesContext } from '../pipeline.js';
import { byDateThenNumber, resolveIssue } from '../sources/find.js';

export interface SpanOptions {
  year?: string;
  from?: string;
  to?: string;
  /** Numbers missing in the middle are accepted (issues that were never published). */
  allowGaps?: boolean;
}

export interface Span {
  issues: IssueConfig[];
  /** Set when the span is one calendar year. */
  year?: number;
  /** For file names: 2024年, 第3期至第8期, 2024-04-01至2024-06-30. */
  fileLabel: string;
  /** Said on the terminal when the year was taken from the series, not typed. */
  assumed?: string;
}

const DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;

type Bound = { date: CalendarDate; text: string } | { issue: IssueConfig; text: string };

function bound(ctx: SeriesContext, text: string, option: string, year: number | undefined): Bound {
  const t = text.trim();
  if (DATE.test(t)) {
    const d = parseIsoDate(t);
    if ('error' in d) throw new UserError(`${option} 的${d.error}`);
    return { date: d, text: t };
  }
  // Within a year, a bare number is that year's issue (a series numbered by year restarts at 1).
  const ref = year !== undefined && /^\d+$/.test(t) ? `${year}-${t}` : t;
  try {
    return { issue: resolveIssue(ctx.series, ctx.issues, ref, ctx.broken), text: t };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    throw new UserError(
      `${option} ${t}：${e.message}。${option} 可以写期号（如 9）、年份-期号（如 2024-3）、该期文件夹，或日期（如 2024-04-01）`,
      e.diagnostics,
    );
  }
}

const dateOf = (b: Bound): CalendarDate => ('date' in b ? b.date : b.issue.date);

/** Whether the span's start lies after its end. */
function after(from: Bound, to: Bound): boolean {
  const c = compareDates(dateOf(from), dateOf(to));
  if (c !== 0) return c > 0;
  return 'issue' in from && 'issue' in to && byDateThenNumber(from.issue, to.issue) > 0;
}

function atOrAfter(i: IssueConfig, b: Bound): boolean {
  return 'date' in b ? compareDates(i.date, b.date) >= 0 : byDateThenNumber(i, b.issue) >= 0;
}

function atOrBefore(i: IssueConfig, b: Bound): boolean {
  return 'date' in b ? compareDates(i.date, b.date) <= 0 : byDateThenNumber(i, b.issue) <= 0;
}

const label = (ctx: SeriesContext, i: IssueConfig): string =>
  issueLabel(ctx.series, { number: i.number, year: i.date.year, special: i.special });

/** The numbers missing between the span's issues, per sequence (regular issues, each kind of 增刊, each year when numbered by year). */
function gaps(ctx: SeriesContext, issues: IssueConfig[]): Diagnostic[] {
  const sequences = new Map<string, IssueConfig[]>();
  for (const i of issues) {
    const key = `${i.special ?? ''}|${ctx.series.numbering === 'yearly' ? i.date.year : ''}`;
    sequences.set(key, [...(sequences.get(key) ?? []), i]);
  }
  const out: Diagnostic[] = [];
  for (const list of sequences.values()) {
    const sorted = [...list].sort((a, b) => a.number - b.number);
    for (let k = 1; k < sorted.length; k++) {
      const [a, b] = [sorted[k - 1]!, sorted[k]!];
      if (b.number - a.number <= 1) continue;
      const missing = Array.from({ length: b.number - a.number - 1 }, (_, n) => label(ctx, { ...a, number: a.number + n + 1 }));
      const broken = ctx.broken.filter((x) => x.number !== undefined && x.number > a.number && x.number < b.number);
      out.push({
        severity: 'error',
        rule: 'volume-gap',
        file: relPath(ctx.series.root, path.join(b.dir, 'issue.yaml')),
        message:
          `${label(ctx, a)}（${relPath(ctx.series.root, a.dir)}）和${label(ctx, b)}之间缺少${missing.join('、')}` +
          (broken.length
            ? `：${broken.map((x) => x.file).join('、')} 有错误，读不出是哪一期，请先改正它`
            : `：${ctx.series.issuesDir}/ 下没有这一期。请补上它（或从备份、git 历史恢复它的文件夹）`) +
          '；确实没有编发的期号，用 --allow-gaps 照样生成',
      });
    }
  }
  return out;
}

export function resolveSpan(ctx: SeriesContext, opts: SpanOptions): Span {
  const all = [...ctx.issues].sort(byDateThenNumber);
  if (all.length === 0) throw new UserError(`${ctx.series.issuesDir}/ 下还没有任何一期，没有可以装订的。请先运行 bulletin new 新建一期`);
  let year: number | undefined;
  let assumed: string | undefined;
  if (opts.year !== undefined) {
    const t = opts.year.trim().replace(/年$/, '');
    if (!/^\d{4}$/.test(t)) throw new UserError(`年份“${opts.year}”不对，请写四位年份，如 bulletin volume 2024`);
    year = Number(t);
  } else if (opts.from === undefined && opts.to === undefined) {
    year = all.at(-1)!.date.year;
    assumed = `没有写年份，按最新一期的年份装订 ${year} 年的各期（其他年份写 bulletin volume 2023）`;
  }
  const from = opts.from !== undefined ? bound(ctx, opts.from, '--from', year) : undefined;
  const to = opts.to !== undefined ? bound(ctx, opts.to, '--to', year) : undefined;
  if (from && to && after(from, to))
    throw new UserError(`--from ${from.text} 在 --to ${to.text} 之后。请把开始的一期（或日期）写在 --from，结束的写在 --to`);
  const issues = all.filter(
    (i) => (year === undefined || i.date.year === year) && (!from || atOrAfter(i, from)) && (!to || atOrBefore(i, to)),
  );
  const what =
    !from && !to
      ? `${year}年`
      : `所选期间（${[year !== undefined ? `${year}年` : '', from ? `--from ${from.text}` : '', to ? `--to ${to.text}` : ''].filter(Boolean).join(' ')}）`;
  if (issues.length === 0) {
    const [first, last] = [all[0]!, all.at(-1)!];
    throw new UserError(
      `${what}没有任何一期，没有生成合订本。系列中的各期在 ${formatChineseDate(first.date)}（${label(ctx, first)}）至 ${formatChineseDate(last.date)}（${label(ctx, last)}）之间；bulletin list 可以列出全部各期`,
    );
  }
  // A folder whose issue.yaml cannot be read may be an issue of the span: it would be missing.
  const unknown = ctx.broken.filter((b) => b.number === undefined);
  if (unknown.length) {
    throw new UserError(
      `${unknown.map((b) => b.file).join('、')} 有错误，读不出是第几期，不知道它是否在合订本的期间内，所以没有生成。请先改正上面列出的问题`,
      unknown.flatMap((b) => b.diagnostics),
    );
  }
  if (!opts.allowGaps) {
    const missing = gaps(ctx, issues);
    if (missing.length)
      throw new UserError(`合订本${what}中间缺了 ${missing.length} 处期号，没有生成（见上）`, [
        ...missing,
        ...ctx.broken.flatMap((b) => b.diagnostics),
      ]);
  }
  const [first, last] = [issues[0]!, issues.at(-1)!];
  const fileLabel =
    year !== undefined && !from && !to
      ? `${year}年`
      : issues.length === 1
        ? label(ctx, first)
        : `${label(ctx, first)}至${label(ctx, last)}`;
  return { issues, ...(year !== undefined && !from && !to ? { year } : {}), fileLabel, ...(assumed ? { assumed } : {}) };
}

/** What the cover says the volume holds: 第1期至第12期，共12期, or the one issue's label. */
export function spanText(labels: string[]): string {
  return labels.length === 1 ? labels[0]! : `${labels[0]}至${labels.at(-1)}，共${labels.length}期`;
}
