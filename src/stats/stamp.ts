/**
 * The date a statistic is "as of", written into the workbook's and the 通报's properties and
 * zip entries instead of the clock, so the same issues give the same bytes: the date of the
 * last issue counted, or the period's start when there is none.
 */
import { toIso } from '../dates.js';
import type { Stats } from './count.js';

export function stampDate(stats: Stats): string {
  const issues = stats.collected.issues;
  if (issues.length) return issues[issues.length - 1]!.isoDate;
  const { from, to } = stats.collected.period;
  const d = from.year > 1 ? from : to;
  return d.year < 1980 ? '1980-01-01' : d.year > 2107 ? '2107-12-31' : toIso(d);
}
