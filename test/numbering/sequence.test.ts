/**
 * Which number comes next, and what is wrong with the numbers of a series: gaps (warnings),
 * clashes (errors), numbers that run against the dates. Pure functions first, then the same
 * rules as `check` reports them for a series on disk.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { checkNumbering } from '../../src/check/check-series.js';
import { parseIsoDate, type CalendarDate } from '../../src/dates.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { nextNumber, numberingProblems, totalFor, type NumberedIssue } from '../../src/numbering/sequence.js';
import { openSeries } from '../../src/pipeline.js';
import { bulletinYaml, cleanupTemp, issueYaml, makeSeries, runCli } from '../helpers/series.js';

afterAll(cleanupTemp);

function d(iso: string): CalendarDate {
  const r = parseIsoDate(iso);
  if ('error' in r) throw new Error(r.error);
  return r;
}

function issue(
  number: number,
  date: string,
  special?: string,
  file = `issues/${date}-${special ?? ''}${number}/issue.yaml`,
): NumberedIssue {
  return { number, date: d(date), special, file };
}

describe('nextNumber', () => {
  test('continuous: one more than the highest, across years', () => {
    const issues = [issue(7, '2023-11-20'), issue(8, '2023-12-28'), issue(9, '2024-04-24')];
    expect(nextNumber('continuous', issues, { date: d('2024-05-20') })).toBe(10);
    expect(nextNumber('continuous', issues, { date: d('2025-01-10') })).toBe(10);
  });

  test('continuous: the highest counts, not how many there are', () => {
    expect(nextNumber('continuous', [issue(3, '2024-01-01'), issue(9, '2024-04-24')], { date: d('2024-05-20') })).toBe(10);
  });

  test('an empty series starts at 1', () => {
    expect(nextNumber('continuous', [], { date: d('2024-05-20') })).toBe(1);
    expect(nextNumber('yearly', [], { date: d('2024-05-20') })).toBe(1);
  });

  test('yearly: 2024 has 3 issues, so the next in 2024 is 4 and the first of 2025 is 1', () => {
    const issues = [issue(1, '2024-02-01'), issue(2, '2024-06-01'), issue(3, '2024-10-01'), issue(5, '2023-12-01')];
    expect(nextNumber('yearly', issues, { date: d('2024-12-20') })).toBe(4);
    expect(nextNumber('yearly', issues, { date: d('2025-01-05') })).toBe(1);
    expect(nextNumber('yearly', issues, { date: d('2023-12-30') })).toBe(6);
  });

  test('specials (增刊) keep their own count, and do not advance the regular one', () => {
    const issues = [issue(9, '2024-04-24'), issue(1, '2024-05-01', '增刊'), issue(2, '2024-06-01', '增刊'), issue(1, '2024-06-02', '专刊')];
    expect(nextNumber('continuous', issues, { date: d('2024-07-01') })).toBe(10);
    expect(nextNumber('continuous', issues, { date: d('2024-07-01'), special: '增刊' })).toBe(3);
    expect(nextNumber('continuous', issues, { date: d('2024-07-01'), special: '专刊' })).toBe(2);
    expect(nextNumber('continuous', issues, { date: d('2024-07-01'), special: '特刊' })).toBe(1);
  });

  test('yearly specials restart each year too', () => {
    const issues = [issue(1, '2024-05-01', '增刊'), issue(2, '2024-06-01', '增刊')];
    expect(nextNumber('yearly', issues, { date: d('2024-09-01'), special: '增刊' })).toBe(3);
    expect(nextNumber('yearly', issues, { date: d('2025-03-01'), special: '增刊' })).toBe(1);
  });
});

describe('numberingProblems', () => {
  test('a clean series has none', () => {
    expect(numberingProblems('continuous', [issue(1, '2024-01-01'), issue(2, '2024-02-01'), issue(3, '2024-03-01')])).toEqual([]);
  });

  test('a gap of one and of several issues names the missing numbers', () => {
    const one = numberingProblems('continuous', [issue(7, '2024-01-01', undefined, 'a'), issue(9, '2024-03-01', undefined, 'b')]);
    expect(one).toEqual([{ kind: 'gap', file: 'b', line: undefined, message: '期号不连续：缺少第8期（上一期是 a 的第7期）' }]);
    const many = numberingProblems('continuous', [issue(2, '2024-01-01', undefined, 'a'), issue(6, '2024-03-01', undefined, 'b')]);
    expect(many.map((p) => p.message)).toEqual(['期号不连续：缺少第3—5期（上一期是 a 的第2期）']);
  });

  test('the same number twice is a clash, reported on the later file', () => {
    const p = numberingProblems('continuous', [
      issue(9, '2024-04-24', undefined, 'issues/009/issue.yaml'),
      issue(9, '2024-05-20', undefined, 'issues/010/issue.yaml'),
    ]);
    expect(p).toEqual([
      {
        kind: 'clash',
        file: 'issues/010/issue.yaml',
        line: undefined,
        message: '第9期重复：issues/009/issue.yaml 也是这个期号。请改正其中一期的 number',
      },
    ]);
  });

  test('a higher number with an earlier date is out of step', () => {
    const p = numberingProblems('continuous', [issue(9, '2024-04-24', undefined, 'a'), issue(10, '2024-03-01', undefined, 'b')]);
    expect(p).toEqual([
      {
        kind: 'out-of-step',
        file: 'b',
        line: undefined,
        message: '第10期的日期早于第9期（a）；期号与日期顺序不一致，请核对 number 和 date',
      },
    ]);
  });

  test('the same date for two issues is not out of step', () => {
    expect(numberingProblems('continuous', [issue(1, '2024-04-24'), issue(2, '2024-04-24')])).toEqual([]);
  });

  test('specials are not gaps in the regular count, nor clashes with it', () => {
    const p = numberingProblems('continuous', [issue(1, '2024-01-01'), issue(1, '2024-01-15', '增刊'), issue(2, '2024-02-01')]);
    expect(p).toEqual([]);
  });

  test('a gap among specials is scoped to them', () => {
    const p = numberingProblems('continuous', [issue(1, '2024-01-15', '增刊', 'a'), issue(3, '2024-02-15', '增刊', 'b')]);
    expect(p.map((x) => x.message)).toEqual(['期号不连续：增刊缺少第2期（上一期是 a 的第1期）']);
  });

  test('yearly: each year is its own count; a year not starting at 1 is a gap', () => {
    const ok = numberingProblems('yearly', [issue(1, '2024-02-01'), issue(2, '2024-06-01'), issue(1, '2025-01-10')]);
    expect(ok).toEqual([]);
    const late = numberingProblems('yearly', [issue(2, '2025-02-01', undefined, 'x')]);
    expect(late).toEqual([{ kind: 'gap', file: 'x', line: undefined, message: '2025年的编号没有从第1期开始（最早是第2期）' }]);
  });

  test('yearly: a clash is scoped to its year', () => {
    const p = numberingProblems('yearly', [
      issue(3, '2024-03-01', undefined, 'a'),
      issue(1, '2024-01-01', undefined, 'c'),
      issue(2, '2024-02-01', undefined, 'd'),
      issue(3, '2024-04-01', undefined, 'b'),
    ]);
    expect(p.map((x) => [x.kind, x.message])).toEqual([['clash', '2024年第3期重复：a 也是这个期号。请改正其中一期的 number']]);
  });
});

describe('totalFor (总第N期)', () => {
  test('continuous: number plus offset', () => {
    expect(totalFor('continuous', 20, [], issue(1, '2024-05-08'))).toBe(21);
  });

  test('yearly: counts regular issues up to this one, across years, plus offset', () => {
    const all = [
      issue(1, '2023-03-01'),
      issue(2, '2023-09-01'),
      issue(1, '2024-02-01'),
      issue(1, '2024-03-01', '增刊'),
      issue(2, '2024-06-01'),
    ];
    expect(totalFor('yearly', 0, all, all[4]!)).toBe(4);
    expect(totalFor('yearly', 100, all, all[2]!)).toBe(103);
  });

  test('specials have no running total', () => {
    expect(totalFor('continuous', 0, [], issue(1, '2024-03-01', '增刊'))).toBeUndefined();
  });
});

describe('as check reports them for a series on disk', () => {
  function checked(
    files: Record<string, string>,
    numbering = 'continuous',
  ): Array<{ severity: string; rule: string; file: string; line?: number; column?: number }> {
    const dir = makeSeries({ 'bulletin.yaml': bulletinYaml(`numbering: ${numbering}`), ...files });
    const ctx = openSeries(dir);
    const diags = new Diagnostics();
    checkNumbering(ctx, undefined, diags);
    return diags.list.map(({ severity, rule, file, line, column }) => ({ severity, rule, file, line, column }));
  }

  test('gaps are warnings at the number: line of the later issue', () => {
    expect(
      checked({
        'issues/007/issue.yaml': issueYaml(7, '2024-03-01'),
        'issues/009/issue.yaml': '# 第9期\nnumber: 9\ndate: 2024-04-24\n',
      }),
    ).toEqual([{ severity: 'warning', rule: 'numbering-gap', file: 'issues/009/issue.yaml', line: 2, column: 1 }]);
  });

  test('clashes are errors', () => {
    expect(
      checked({
        'issues/009/issue.yaml': issueYaml(9, '2024-04-24'),
        'issues/009b/issue.yaml': issueYaml(9, '2024-05-20'),
      }),
    ).toEqual([{ severity: 'error', rule: 'numbering-clash', file: 'issues/009b/issue.yaml', line: 1, column: 1 }]);
  });

  test('numbers out of step with dates are warnings', () => {
    expect(
      checked({
        'issues/009/issue.yaml': issueYaml(9, '2024-04-24'),
        'issues/010/issue.yaml': issueYaml(10, '2024-04-01'),
      }),
    ).toEqual([{ severity: 'warning', rule: 'numbering-out-of-step', file: 'issues/010/issue.yaml', line: 1, column: 1 }]);
  });

  test('yearly numbering: 1, 2 in 2024 and 1 in 2025 is clean', () => {
    expect(
      checked(
        {
          'issues/2024-01/issue.yaml': issueYaml(1, '2024-02-01'),
          'issues/2024-02/issue.yaml': issueYaml(2, '2024-06-01'),
          'issues/2025-01/issue.yaml': issueYaml(1, '2025-01-10'),
        },
        'yearly',
      ),
    ).toEqual([]);
  });
});

describe('a broken issue.yaml', () => {
  test('is reported once, without a knock-on gap warning on the next issue', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-01-10'),
      'issues/002/issue.yaml': 'number: 2\ndate: 2024-02-30\n',
      'issues/003/issue.yaml': issueYaml(3, '2024-03-10'),
    });
    const r = runCli(['check', '--all'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/issues\/002\/issue\.yaml:2:1  错误：date：日期 2024-02-30 不存在/);
    expect(r.stderr).not.toMatch(/期号不连续/);
  });
});
