/**
 * A folder under issues/ is an issue, broken or not. A broken issue.yaml (or none at all) is
 * named with its file and line by every command that is asked to use it, which exits 1; no
 * command quietly works on another issue instead, and `new` never hands out its number again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, cleanupTemp, issueYaml, makeSeries, newsItem, runCli, snapshotTree } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

const item = newsItem('高校动态', '某大学召开推进会', '会议部署了下一阶段工作。');

// [case, issue.yaml of issues/010 (undefined: none), the line the message points at]
const BROKEN: Array<[string, string | undefined, RegExp]> = [
  ['missing issue.yaml', undefined, /issues\/010\/issue\.yaml  错误：.*没有 issue\.yaml/],
  ['empty issue.yaml', '', /issues\/010\/issue\.yaml:1:1  错误：.*number/],
  ['number not a number', 'number: 十\ndate: 2024-05-08\n', /issues\/010\/issue\.yaml:1:\d+  错误：.*number/],
  ['impossible date', 'number: 10\ndate: 2024-02-30\n', /issues\/010\/issue\.yaml:2:\d+  错误：.*不存在/],
  ['date out of 1980–2099', 'number: 10\ndate: 1970-01-01\n', /issues\/010\/issue\.yaml:2:\d+  错误：.*1980/],
  ['empty special', 'number: 10\ndate: 2024-05-08\nspecial: ""\n', /issues\/010\/issue\.yaml:3:\d+  错误：.*special/],
];

function seriesWithBroken(yaml: string | undefined): string {
  return makeSeries({
    'issues/009/issue.yaml': issueYaml(9, '2024-04-24'),
    'issues/009/10.md': item,
    ...(yaml !== undefined ? { 'issues/010/issue.yaml': yaml } : {}),
    'issues/010/10.md': item,
  });
}

describe.each(BROKEN)('%s', (_name, yaml, message) => {
  let dir: string;
  beforeAll(() => {
    dir = seriesWithBroken(yaml);
  });

  it('build without an issue says the latest is broken instead of building issue 9', () => {
    const before = snapshotTree(dir);
    const r = runCli(['build'], dir);
    expect(r.code, r.stdout).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/最新的一期（issues\/010）/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('build 10 and build issues/010 name the problem', () => {
    for (const arg of ['10', 'issues/010']) {
      const r = runCli(['build', arg], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/找不到/);
    }
  });

  it('check names it; list shows it as broken', () => {
    const c = runCli(['check'], dir);
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(message);
    const l = runCli(['list'], dir);
    expect(l.code).toBe(1);
    expect(l.stdout).toMatch(/第9期/);
    expect(l.stdout).toMatch(/issues\/010\s+有错误：issues\/010\/issue\.yaml/);
  });

  it('new refuses rather than give a second number 10, and writes nothing', () => {
    const before = snapshotTree(dir);
    const r = runCli(['new', '--date', '2024-06-01'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('archive refuses rather than archive without it', () => {
    const r = runCli(['archive', '--out', path.join(dir, 'arch')], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(fs.existsSync(path.join(dir, 'arch'))).toBe(false);
  });
});

describe('an older broken issue', () => {
  it('does not stop building the latest one by number, and is still reported by check --all', () => {
    const dir = makeSeries({
      'issues/008/issue.yaml': 'number: x\n',
      'issues/009/issue.yaml': issueYaml(9, '2024-04-24'),
      'issues/009/10.md': item,
    });
    const r = runCli(['build', '9', '--format', 'pdf'], dir);
    expect(r.code, r.stderr).toBe(0);
    const c = runCli(['check', '--all'], dir);
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/issues\/008\/issue\.yaml:1:\d+  错误/);
  });

  it('hidden folders are not issues', () => {
    const dir = makeSeries({ 'issues/009/issue.yaml': issueYaml(9, '2024-04-24'), 'issues/009/10.md': item, 'issues/.git/x': 'x' });
    expect(runCli(['list'], dir).code).toBe(0);
  });
});
