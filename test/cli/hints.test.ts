/**
 * Hints that lead somewhere (issue 23.4), through the CLI as a clerk meets them: a mistyped
 * command or option gets 是不是…？; a mistyped --section in import is suggested as check
 * suggests it; a full-width colon in front matter is named at the colon; --date takes the
 * forms clerks type; a unit missing from the register gets a word about adding it to units.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assertCliBuilt, cleanupTemp, copySeries, issueYaml, makeSeries, newsItem, REPO, runCli } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

describe('suggestions for commands and options', () => {
  test.each([
    [['biuld'], '错误：没有 biuld 这个命令。是不是想用 build？'],
    [['preveiw'], '错误：没有 preveiw 这个命令。是不是想用 preview？'],
    [['build', '--fromat', 'pdf'], '错误：不认识的选项 --fromat。是不是想写 --format？'],
    [['stats', '--quater', '2'], '错误：不认识的选项 --quater。是不是想写 --quarter？'],
  ])('%j', (args, message) => {
    const r = runCli(args, REPO);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(message);
  });
});

describe('import and check suggest the same section', () => {
  test('import --section 经验交留 suggests 经验交流, as check does for section: 经验交留', () => {
    const dir = copySeries(REPO);
    expect(runCli(['new', '--date', '2024-05-20'], dir).code).toBe(0);
    fs.writeFileSync(path.join(dir, '来稿.txt'), '赣州市经验材料\n\n赣州市积极推进协同提质行动。\n');
    const r = runCli(['import', '来稿.txt', '--section', '经验交留', '--unit', '赣州市'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有“经验交留”这个栏目。是不是“经验交流”？');
    fs.writeFileSync(path.join(dir, 'issues/010/90-错栏目.md'), newsItem('经验交留', '标题。', '正文。'));
    expect(runCli(['check', '10'], dir).stderr).toContain('没有“经验交留”这个栏目。是不是“经验交流”？');
  });
});

describe('a full-width colon in front matter is named at the colon', () => {
  test.each([
    [
      '---\nsection：市县动态\n---\n\n## 标题。\n\n正文。\n',
      'issues/001/a.md:2:8  错误：YAML 格式错误：“section”后面的冒号是全角“：”，要用半角冒号“:”并在后面留一个空格，写成 section: 市县动态',
    ],
    [
      '---\nsection：市县动态\nunit: 南昌市\n---\n\n## 标题。\n\n正文。\n',
      'issues/001/a.md:2:8  错误：YAML 格式错误：“section”后面的冒号是全角“：”',
    ],
    [
      '---\nsection: 市县动态\nunit：南昌市\n---\n\n## 标题。\n\n正文。\n',
      'issues/001/a.md:3:5  错误：YAML 格式错误：“unit”后面的冒号是全角“：”，要用半角冒号“:”并在后面留一个空格，写成 unit: 南昌市',
    ],
  ])('%j', (text, message) => {
    const dir = makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-20'), 'issues/001/a.md': text });
    const r = runCli(['check'], dir);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
  });

  test('in bulletin.yaml too', () => {
    const dir = copySeries(REPO);
    const file = path.join(dir, 'bulletin.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^name: /m, 'name：'));
    const r = runCli(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bulletin\.yaml:\d+:5 {2}错误：YAML 格式错误：“name”后面的冒号是全角“：”/);
  });
});

describe('--date in the forms clerks type', () => {
  test.each(['2024-5-20', '2024/5/20', '2024.5.20', '2024年5月20日', '２０２４年５月２０日'])('new --date %s', (form) => {
    const dir = makeSeries({});
    const r = runCli(['new', '--date', form], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'issues/001/issue.yaml'), 'utf8')).toMatch(/^date: 2024-05-20$/m);
  });

  test('issue --date and stats --from/--to take them as well; a date that does not exist is still refused', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-20'),
      'issues/001/a.md': newsItem('省级动态', '标题。', '正文。'),
    });
    const r = runCli(['issue', '1', '--date', '2024年5月21日'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'issues/001/issue.yaml'), 'utf8')).toMatch(/^issued: 2024-05-21$/m);
    const s = runCli(['stats', '--from', '2024/4/1', '--to', '2024.6.30'], dir);
    expect(s.code, s.stderr).toBe(0);
    const bad = runCli(['new', '--date', '2024/2/30'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('日期 2024/2/30 不存在（2024年2月没有30日）');
  });
});

describe('a unit missing from the register', () => {
  test('import says to add it to units, naming what it saw', () => {
    const dir = copySeries(REPO);
    expect(runCli(['new', '--date', '2024-05-20'], dir).code).toBe(0);
    fs.writeFileSync(
      path.join(dir, '修水县教育体育局-送教下乡.txt'),
      '修水县教育体育局组织送教下乡活动\n\n5月10日，修水县教育体育局组织骨干教师赴修水县送教下乡。\n',
    );
    const r = runCli(['import', '修水县教育体育局-送教下乡.txt'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('“修水县教育体育局”不在名录中');
    expect(r.stderr).toContain('新的供稿单位请加进 bulletin.yaml 的 units');
    const s = runCli(['import', '修水县教育体育局-送教下乡.txt', '--section', '市县动态'], dir);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain('新的供稿单位请加进 bulletin.yaml 的 units');
  });
});
