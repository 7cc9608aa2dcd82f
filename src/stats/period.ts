/**
 * The period a statistic covers, from --year / --quarter / --from / --to. Issues count when
 * their date (issue.yaml `date`) falls inside it, both ends included.
 */
import { compareDates, daysInMonth, formatChineseDate, parseDateInput, toIso, type CalendarDate } from '../dates.js';
import { UserError } from '../diagnostics.js';

export interface PeriodOptions {
  year?: string;
  quarter?: string;
  from?: string;
  to?: string;
}

export interface Period {
  from: CalendarDate;
  to: CalendarDate;
  /** As the 通报 says it: 2024年第2季度, 2024年, 2024年4月1日至2024年6月30日. */
  label: string;
  /** For file names: the label without characters Windows forbids. */
  fileLabel: string;
  /** Said on the terminal when a part of the period was taken from the series, not typed. */
  assumed?: string;
}

const QUARTER_NAMES = ['', '第1季度', '第2季度', '第3季度', '第4季度'];

function parseWhole(text: string, what: string, range: [number, number], hint: string): number {
  const t = text.trim();
  if (!/^\d+$/.test(t)) throw new UserError(`${what}“${text}”不是数字。${hint}`);
  const n = Number(t);
  if (n < range[0] || n > range[1]) throw new UserError(`${what} ${n} 不在 ${range[0]}～${range[1]} 之间。${hint}`);
  return n;
}

function parseDate(text: string, option: string): CalendarDate {
  const d = parseDateInput(text);
  if ('error' in d) throw new UserError(`${option} 的${d.error}`);
  return d;
}

/**
 * Resolves the options against the series' latest issue date, which stands in for "now":
 * a clerk asking for `--quarter 2` means this year's, and the latest issue says which year
 * that is without making the result depend on the computer's clock.
 */
export function resolvePeriod(opts: PeriodOptions, latest: CalendarDate | undefined): Period {
  const byDates = opts.from !== undefined || opts.to !== undefined;
  if (byDates && (opts.year !== undefined || opts.quarter !== undefined)) {
    throw new UserError(
      '--from/--to 与 --year/--quarter 只能选一种：按季度统计写 --year 2024 --quarter 2，按日期统计写 --from 2024-04-01 --to 2024-06-30',
    );
  }
  if (byDates) {
    const from = opts.from !== undefined ? parseDate(opts.from, '--from') : undefined;
    const to = opts.to !== undefined ? parseDate(opts.to, '--to') : undefined;
    if (from && to && compareDates(from, to) > 0) {
      throw new UserError(`--from ${toIso(from)} 在 --to ${toIso(to)} 之后。请把开始日期写在 --from，结束日期写在 --to`);
    }
    const start = from ?? { year: 1, month: 1, day: 1 };
    const end = to ?? { year: 9999, month: 12, day: 31 };
    const label =
      from && to
        ? `${formatChineseDate(from)}至${formatChineseDate(to)}`
        : from
          ? `${formatChineseDate(from)}以来`
          : `截至${formatChineseDate(to!)}`;
    return {
      from: start,
      to: end,
      label,
      fileLabel: from && to ? `${toIso(from)}至${toIso(to)}` : from ? `${toIso(from)}以来` : `截至${toIso(to!)}`,
    };
  }

  let assumed: string | undefined;
  let year: number;
  if (opts.year !== undefined) year = parseWhole(opts.year, '年份', [1900, 9999], '请写四位年份，如 --year 2024');
  else if (latest) {
    year = latest.year;
    assumed = `没有写 --year，按最新一期的年份 ${year} 年统计`;
  } else throw new UserError('系列中还没有任何一期，无法推断年份。请写 --year，如 --year 2024 --quarter 2');

  let quarter: number | undefined;
  if (opts.quarter !== undefined) quarter = parseWhole(opts.quarter, '季度', [1, 4], '一年只有 4 个季度，请写 --quarter 1～4');
  else if (opts.year === undefined && latest) {
    // Bare `bulletin stats`: the quarter the office is working in, that of the latest issue.
    quarter = Math.ceil(latest.month / 3);
    assumed = `没有写统计期间，按最新一期所在的 ${year} 年第${quarter}季度统计（全年写 --year ${year}）`;
  }
  if (quarter === undefined) {
    return { from: { year, month: 1, day: 1 }, to: { year, month: 12, day: 31 }, label: `${year}年`, fileLabel: `${year}年`, assumed };
  }
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const label = `${year}年${QUARTER_NAMES[quarter]}`;
  return {
    from: { year, month: firstMonth, day: 1 },
    to: { year, month: lastMonth, day: daysInMonth(year, lastMonth) },
    label,
    fileLabel: label,
    assumed,
  };
}

export function inPeriod(p: Period, d: CalendarDate): boolean {
  return compareDates(p.from, d) <= 0 && compareDates(d, p.to) <= 0;
}
