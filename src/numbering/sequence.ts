/**
 * Numbering across a series: which number comes next, and where the numbers have gaps, clashes
 * or run against the dates. Continuous series count on for ever; yearly ones restart each
 * January; 增刊 / 专刊 keep counts of their own.
 */
import { compareDates, type CalendarDate } from '../dates.js';
import type { Diagnostic } from '../diagnostics.js';
import { byCodeUnits } from '../text-order.js';

export interface NumberedIssue {
  number: number;
  date: CalendarDate;
  special?: string;
  /** issue.yaml relative to the series root, for messages. */
  file: string;
  line?: number;
}

export type Numbering = 'continuous' | 'yearly';

/** Loaded issue.yaml files as numbered issues, each with the line of its `number:` key. */
export function numberedIssues(
  issues: ReadonlyArray<Omit<NumberedIssue, 'line'> & { lineOf(path: string[]): number | undefined }>,
): NumberedIssue[] {
  return issues.map((i) => ({ number: i.number, date: i.date, special: i.special, file: i.file, line: i.lineOf(['number']) }));
}

/** Issues that share one count: same special kind, and same year when numbering is yearly. */
export function countKey(numbering: Numbering, i: { date: CalendarDate; special?: string }): string {
  return `${i.special ?? ''}|${numbering === 'yearly' ? i.date.year : ''}`;
}

export function nextNumber(numbering: Numbering, issues: NumberedIssue[], at: { date: CalendarDate; special?: string }): number {
  const key = countKey(numbering, at);
  const same = issues.filter((i) => countKey(numbering, i) === key);
  return same.length ? Math.max(...same.map((i) => i.number)) + 1 : 1;
}

export interface NumberingProblem {
  kind: 'clash' | 'gap' | 'out-of-step';
  file: string;
  line?: number;
  message: string;
}

export function numberingProblems(numbering: Numbering, issues: NumberedIssue[]): NumberingProblem[] {
  const problems: NumberingProblem[] = [];
  const groups = new Map<string, NumberedIssue[]>();
  for (const i of issues) {
    const k = countKey(numbering, i);
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  for (const [key, group] of groups) {
    const [special, year] = key.split('|');
    const scope = `${year ? `${year}年` : ''}${special || ''}`;
    const sorted = [...group].sort((a, b) => a.number - b.number || byCodeUnits(a.file, b.file));
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1]!;
      const cur = sorted[k]!;
      if (cur.number === prev.number) {
        problems.push({
          kind: 'clash',
          file: cur.file,
          line: cur.line,
          message: `${scope}第${cur.number}期重复：${prev.file} 也是这个期号。请改正其中一期的 number`,
        });
      } else if (cur.number > prev.number + 1) {
        const missing = cur.number - prev.number === 2 ? `第${prev.number + 1}期` : `第${prev.number + 1}—${cur.number - 1}期`;
        problems.push({
          kind: 'gap',
          file: cur.file,
          line: cur.line,
          message: `期号不连续：${scope}缺少${missing}（上一期是 ${prev.file} 的第${prev.number}期）`,
        });
      }
      if (cur.number !== prev.number && compareDates(cur.date, prev.date) < 0) {
        problems.push({
          kind: 'out-of-step',
          file: cur.file,
          line: cur.line,
          message: `第${cur.number}期的日期早于第${prev.number}期（${prev.file}）；期号与日期顺序不一致，请核对 number 和 date`,
        });
      }
    }
    const first = sorted[0];
    if (first && first.number > 1 && year) {
      problems.push({
        kind: 'gap',
        file: first.file,
        line: first.line,
        message: `${scope}的编号没有从第1期开始（最早是第${first.number}期）`,
      });
    }
  }
  return problems;
}

/** A problem as the one report shows it, at the `number:` key that causes it: a clash is an error, the rest warnings. */
export function numberingDiagnostic(p: NumberingProblem): Diagnostic {
  return {
    severity: p.kind === 'clash' ? 'error' : 'warning',
    rule: `numbering-${p.kind}`,
    file: p.file,
    line: p.line,
    column: 1,
    message: p.message,
  };
}

/** 总第N期 for an issue: explicit, or counted over the regular issues up to it. */
export function totalFor(numbering: Numbering, offset: number, issues: NumberedIssue[], target: NumberedIssue): number | undefined {
  if (target.special) return undefined;
  if (numbering === 'continuous') return target.number + offset;
  const regular = issues.filter((i) => !i.special);
  const before = regular.filter((i) => i.date.year < target.date.year || (i.date.year === target.date.year && i.number <= target.number));
  return offset + before.length;
}
