/**
 * Numbers in bulletin.yaml, issue.yaml and front matter are numbers a bulletin can print: YAML
 * reads 1e400 as Infinity and 99999999999999999999 as 1e20, which once built 工作动态第Infinity期,
 * printed 共印Infinity份 and 共印100000000000000000000份, and let statsWeights be Infinity.
 * Each is an error at its key's line and column, and nothing is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRASH, runGuarded } from '../helpers/guarded.js';
import { assertCliBuilt, bulletinYaml, cleanupTemp, issueYaml, makeSeries, newsItem } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

const ITEM = newsItem('高校动态', '赣南师范大学召开推进会', '4月18日，学校召开推进会。', 'unit: 赣南师范大学');

function series(opts: { series?: string; issue?: string; front?: string } = {}): string {
  return makeSeries({
    'bulletin.yaml': bulletinYaml(opts.series ?? ''),
    'issues/001/issue.yaml': issueYaml(1, '2024-05-08', opts.issue ?? ''),
    'issues/001/10.md': opts.front ? newsItem('高校动态', '赣南师范大学召开推进会', '4月18日，学校召开推进会。', opts.front) : ITEM,
  });
}

function expectRefused(dir: string, cmd: string[], where: RegExp): void {
  const r = runGuarded(cmd, dir);
  expect(r.all).not.toMatch(CRASH);
  expect(r.code, r.all).toBe(1);
  expect(r.all).toMatch(where);
  expect(r.all).not.toMatch(/Infinity|NaN|100000000000000000000/);
  expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
}

describe('numbers are safe at their YAML key', () => {
  it('number: 1e400 in issue.yaml is an error at the key, not 工作动态第Infinity期', () => {
    const dir = series({ issue: '' });
    fs.writeFileSync(path.join(dir, 'issues/001/issue.yaml'), 'number: 1e400\ndate: 2024-05-08\n');
    expectRefused(dir, ['build', '--format', 'html'], /issues\/001\/issue\.yaml:1:9  错误：“number”写的是“1e400”，大得超出了能用的范围/);
  });

  it('copies: 1e400 and copies: 99999999999999999999 are errors at the key, never printed', () => {
    expectRefused(
      series({ series: 'copies: 1e400' }),
      ['build', '--format', 'html'],
      /bulletin\.yaml:\d+:9  错误：“copies”写的是“1e400”，大得超出了能用的范围/,
    );
    expectRefused(
      series({ series: 'copies: 99999999999999999999' }),
      ['build', '--format', 'html'],
      /bulletin\.yaml:\d+:9  错误：“copies”写的是“99999999999999999999”，不能大于 9999999/,
    );
    expectRefused(
      series({ issue: 'copies: 99999999999999999999' }),
      ['build', '--format', 'html'],
      /issues\/001\/issue\.yaml:3:9  错误：“copies”写的是“99999999999999999999”，不能大于 9999999/,
    );
  });

  it('statsWeights of .inf and 1e400, and .nan, are errors at their keys', () => {
    const dir = series({ series: 'statsWeights: {news: 1e400, article: .inf, note: .nan}' });
    const r = runGuarded(['stats', '--year', '2024'], dir);
    expect(r.all).not.toMatch(CRASH);
    expect(r.code, r.all).toBe(1);
    expect(r.all).toMatch(/bulletin\.yaml:\d+:\d+  错误：“statsWeights\.news”写的是“1e400”，大得超出了能用的范围/);
    expect(r.all).toMatch(/bulletin\.yaml:\d+:\d+  错误：“statsWeights\.article”写的是“\.inf”，大得超出了能用的范围/);
    expect(r.all).toMatch(/bulletin\.yaml:\d+:\d+  错误：“statsWeights\.note”写的是“\.nan”，不是一个数/);
    expect(r.all).not.toMatch(/Infinity|NaN/);
  });

  it('order: 1e400 in front matter and total: 99999999999999999999 are errors at their keys', () => {
    expectRefused(
      series({ front: 'order: 1e400' }),
      ['check'],
      /issues\/001\/10\.md:3:8  错误：“order”写的是“1e400”，大得超出了能用的范围/,
    );
    expectRefused(
      series({ issue: 'total: 99999999999999999999' }),
      ['check'],
      /issues\/001\/issue\.yaml:3:8  错误：“total”写的是“99999999999999999999”，不能大于 999999/,
    );
  });

  it('new --number 99999999999999999999 is refused and writes nothing', () => {
    const dir = series();
    const r = runGuarded(['new', '--number', '99999999999999999999', '--date', '2024-06-01'], dir);
    expect(r.all).not.toMatch(CRASH);
    expect(r.code, r.all).toBe(1);
    expect(r.all).toMatch(/--number 99999999999999999999 太大了，期号不能大于 99999/);
    expect(fs.readdirSync(path.join(dir, 'issues'))).toEqual(['001']);
  });

  it('large numbers a bulletin does use still build: 第12345期, 共印9999999份', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml('copies: 9999999'),
      'issues/12345/issue.yaml': issueYaml(12345, '2024-05-08'),
      'issues/12345/10.md': ITEM,
    });
    const r = runGuarded(['build', '--format', 'html'], dir);
    expect(r.code, r.all).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'dist', '工作动态第12345期.html'), 'utf8');
    expect(html).toMatch(/共印9999999份/);
  });
});
