/** Dates as the sources write them (YYYY-MM-DD) and as the paper prints them (2024年4月24日). */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

export function isValidDate(d: CalendarDate): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** Parses YYYY-MM-DD; returns a reason in Chinese when it cannot. */
export function parseIsoDate(text: string): CalendarDate | { error: string } {
  const m = ISO.exec(text.trim());
  if (!m) return { error: `“${text}”不是日期，请写成 2024-04-24 这样的格式` };
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!isValidDate(d)) return { error: `日期 ${text} 不存在（${d.year}年${d.month}月没有${d.day}日）` };
  return d;
}

/**
 * A date as clerks type it on the command line: 2024-5-20, 2024/5/20, 2024.5.20 or
 * 2024年5月20日 (full-width digits too). Files keep the one form, YYYY-MM-DD.
 */
export function parseDateInput(text: string): CalendarDate | { error: string } {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)$/.exec(t);
  if (!m) return { error: `“${text}”不是日期，请写成 2024-5-20、2024/5/20 或 2024年5月20日 这样的格式` };
  const d = { year: Number(m[1]), month: Number(m[2] ?? m[4]), day: Number(m[3] ?? m[5]) };
  if (!isValidDate(d)) return { error: `日期 ${text} 不存在（${d.year}年${d.month}月没有${d.day}日）` };
  return d;
}

export function toIso(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** 2024年4月24日: Arabic numerals, no leading zeros (GB/T 9704 §7.3.5). */
export function formatChineseDate(d: CalendarDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Today in local time, for `bulletin new` without --date. */
export function today(now: Date = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** Midnight UTC of the date, for reproducible document timestamps. */
export function toUtcDate(d: CalendarDate): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}
