/**
 * The date a statistic is "as of", written into the workbook's and the 通报's properties and
 * zip entries instead of the clock, so the same issues give the same bytes: the date of the
 * last issue counted, or the period's start when there is none.
 */
import { toIso } from '../dates.js';
import type { Stats } from './count.js';

export function stampDate(stats: Stats): string {
  const issues = stats.collected.issues;
  return issues.length ? issues[issues.length - 1]!.isoDate : toIso(stats.collected.period.from);
}
