/**
 * `bulletin new` as a clerk runs it, in a temp copy of a series: what lands on disk, what is
 * printed, and that a refused command leaves every file as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertCliBuilt,
  type CliResult,
  bulletinYaml,
  cleanupTemp,
  copySeries,
  issueYaml,
  makeSeries,
  REPO,
  runCli,
  snapshotTree,
} from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

const STUBS = ['00-编者按.md', '10-省级动态.md', '20-高校动态.md', '30-市县动态.md', '40-经验交流.md'];

function frontMatter(file: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(fs.readFileSync(file, 'utf8'));
  expect(m, `front matter of ${file}`).not.toBeNull();
  return parse(m![1]!) as Record<string, unknown>;
}

describe('new → check → write → check', () => {
  let dir: string;
  let before: Record<string, string>;
  let created: CliResult;

  beforeAll(() => {
    dir = copySeries(REPO);
    before = snapshotTree(dir);
  });

  test('new --date 2024-05-20 creates issues/010 with issue.yaml and one stub per section plus 编者按', () => {
    const r = (created = runCli(['new', '--date', '2024-05-20'], dir));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const folder = path.join(dir, 'issues/010');
    expect(fs.readdirSync(folder).sort()).toEqual([...STUBS, 'issue.yaml'].sort());

    const cfg = parse(fs.readFileSync(path.join(folder, 'issue.yaml'), 'utf8'));
    expect(cfg).toEqual({ number: 10, date: '2024-05-20' });

    expect(frontMatter(path.join(folder, '00-编者按.md'))).toEqual({ section: '编者按' });
    for (const [file, section] of [
      ['10-省级动态.md', '省级动态'],
      ['20-高校动态.md', '高校动态'],
      ['30-市县动态.md', '市县动态'],
      ['40-经验交流.md', '经验交流'],
    ]) {
      expect(frontMatter(path.join(folder, file!)).section).toBe(section);
    }
  });

  test('prints the new path, the files and the next steps', () => {
    const r = created;
    expect(r.lines[0]).toBe('已新建《工作动态》第10期（2024-05-20）：issues/010/');
    expect(r.lines).toContain('  issues/010/issue.yaml');
    for (const s of STUBS) expect(r.lines).toContain(`  issues/010/${s}`);
    expect(r.lines).toContain('下一步：');
    // The same issue reference in every suggested command.
    expect(r.stdout).toContain('bulletin import 来稿文件夹/ --issue 10，再用 bulletin check 10 --fix');
    expect(r.stdout).toContain('bulletin check 10 ');
    expect(r.stdout).toContain('bulletin build 10 ');
    expect(r.stdout).not.toContain('npx bulletin');
  });

  test('only issues/010 was added; issues/009 and bulletin.yaml are untouched', () => {
    const after = snapshotTree(dir);
    const added = Object.keys(after).filter((k) => !(k in before));
    expect(added.sort()).toEqual(['issues/010/', ...[...STUBS, 'issue.yaml'].map((f) => `issues/010/${f}`)].sort());
    for (const [k, v] of Object.entries(before)) expect(after[k], k).toBe(v);
  });

  test('check 10 on the untouched stubs exits 1 with 本期还没有任何稿件', () => {
    const r = runCli(['check', '10'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toContain(
      'issues/010/issue.yaml:1:1  错误：本期还没有任何稿件。请在 issues/010/ 中添加 .md 稿件（前言区写 section: 栏目名）',
    );
    // The stubs are named as not yet written in one line, not a warning each.
    expect(r.stderr).toContain('issues/010  说明：5 个稿件模板还没有写，不会印出：00-编者按.md、10-省级动态.md、20-高校动态.md');
    expect(r.stderr).not.toContain('这份稿件还没有内容');
    expect(r.stdout).toContain('已检查 1 期。共 1 个错误，0 个警告。请先改正错误。');
  });

  test('after writing one real item into a stub, check 10 exits 0', () => {
    const stub = path.join(dir, 'issues/010/20-高校动态.md');
    const text = fs.readFileSync(stub, 'utf8');
    fs.writeFileSync(
      stub,
      `${text}\n## 江西师范大学召开协同提质工作推进会\n\n5月18日，江西师范大学召开协同提质工作推进会，部署下一阶段工作。\n`,
    );
    const r = runCli(['check', '10'], dir);
    expect(r.stderr).not.toContain('错误：');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已检查 1 期。没有发现问题。');
    expect(r.stderr).toContain('issues/010  说明：4 个稿件模板还没有写');
    expect(r.stderr).not.toContain('20-高校动态.md');
  });
});

describe('suggested commands inside a series made by init', () => {
  test('name the tool as npx bulletin, as the README does, and the issue the same way each time', () => {
    const dir = makeSeries({
      'package.json': JSON.stringify({
        name: 'bulletin-series',
        private: true,
        dependencies: { bulletin: 'file:tools/bulletin-0.1.0.tgz' },
      }),
    });
    const r = runCli(['new', '--date', '2024-05-20'], dir);
    expect(r.code, r.stderr).toBe(0);
    const steps = r.lines.slice(r.lines.indexOf('下一步：') + 1);
    expect(steps.join('\n')).toContain('npx bulletin import 来稿文件夹/ --issue 1，再用 npx bulletin check 1 --fix');
    expect(steps).toContain('  2. npx bulletin check 1    检查稿件');
    expect(steps).toContain('  3. npx bulletin build 1    生成 PDF 和 Word 文件');
    for (const l of steps) expect(l, l).not.toMatch(/(^|[^x] )bulletin /);
  });
});

describe('stub hints stand on lines of their own', () => {
  test('no stub or issue.yaml line has a hint after a value; uncommenting a setting yields only the example value, and check names it', () => {
    const dir = copySeries(REPO);
    expect(runCli(['new', '--date', '2024-05-20'], dir).code).toBe(0);
    const folder = path.join(dir, 'issues/010');
    for (const f of [...STUBS, 'issue.yaml']) {
      const lines = fs.readFileSync(path.join(folder, f), 'utf8').split('\n');
      // A commented setting is `# key: value` with nothing after the value but the value.
      for (const l of lines.filter((x) => /^#\s*[a-zA-Z]+:/.test(x))) expect(l, `${f}: ${l}`).not.toMatch(/:\s*\S+\s{2,}\S/);
    }
    // The clerk deletes "# " in front of unit: and title: and forgets to change the values.
    const news = path.join(folder, '20-高校动态.md');
    fs.writeFileSync(
      news,
      fs.readFileSync(news, 'utf8').replace('# unit: 某某大学', 'unit: 某某大学') + '\n## 江西师范大学召开推进会\n\n5月18日，会议召开。\n',
    );
    const art = path.join(folder, '40-经验交流.md');
    fs.writeFileSync(art, fs.readFileSync(art, 'utf8').replace('# title: 某某标题', 'title: 某某标题') + '\n正文。\n');
    const front = frontMatter(news);
    expect(front.unit).toBe('某某大学');
    const r = runCli(['check', '10'], dir);
    expect(r.stderr).toContain('issues/010/20-高校动态.md:7:1  警告：unit 的值“某某大学”还是模板里的示例文字');
    expect(r.stderr).toContain('issues/010/40-经验交流.md:5:1  警告：title 的值“某某标题”还是模板里的示例文字');
    // Uncommenting issue.yaml's distribution lines the same way is caught too.
    const yml = path.join(folder, 'issue.yaml');
    fs.writeFileSync(
      yml,
      fs.readFileSync(yml, 'utf8').replace('# distribution:', 'distribution:').replace('#   本期增发: 某某单位', '  本期增发: 某某单位'),
    );
    expect(runCli(['check', '10'], dir).stderr).toMatch(
      /issues\/010\/issue\.yaml:\d+:1  警告：版记“本期增发”的值“某某单位”还是模板里的示例文字/,
    );
  });
});

describe('refusals change nothing', () => {
  test('new --number 9 (exists) exits 1 and leaves the tree as it was', () => {
    const dir = copySeries(REPO);
    const before = snapshotTree(dir);
    const r = runCli(['new', '--number', '9', '--date', '2024-05-20'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('issues/009/issue.yaml  错误：第9期已经存在。');
    expect(r.stdout).toBe('');
    expect(snapshotTree(dir)).toEqual(before);
  });

  test('a folder already named like the new issue is never overwritten', () => {
    const dir = copySeries(REPO);
    // A folder without issue.yaml is an issue whose issue.yaml is missing: its number is unknown,
    // so new refuses rather than risk a second 10, and names the missing file.
    fs.mkdirSync(path.join(dir, 'issues/010'));
    fs.writeFileSync(path.join(dir, 'issues/010/20-高校动态.md'), '---\nsection: 高校动态\n---\n\n## 草稿\n\n还没写完的稿件。\n');
    const before = snapshotTree(dir);
    const r = runCli(['new', '--date', '2024-05-20'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/issues\/010\/issue\.yaml  错误：文件夹 issues\/010（有 1 个稿件）里没有 issue\.yaml/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  test('a bad --date (2024-02-30) exits 1 with a Chinese message and creates nothing', () => {
    const dir = copySeries(REPO);
    const before = snapshotTree(dir);
    const r = runCli(['new', '--date', '2024-02-30'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('错误：--date：日期 2024-02-30 不存在（2024年2月没有30日）');
    expect(snapshotTree(dir)).toEqual(before);
  });

  test('a --date that is not a date, and a --number that is not a number, exit 1', () => {
    const dir = copySeries(REPO);
    const before = snapshotTree(dir);
    const a = runCli(['new', '--date', '5月20日'], dir);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('错误：--date：“5月20日”不是日期，请写成 2024-5-20、2024/5/20 或 2024年5月20日 这样的格式');
    const b = runCli(['new', '--number', '十', '--date', '2024-05-20'], dir);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('错误：--number 应当是正整数，而不是“十”');
    expect(a.stderr + b.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('numbers', () => {
  test('new --number 12 after 第9期 warns about the gap and still creates issues/012', () => {
    const dir = copySeries(REPO);
    const r = runCli(['new', '--number', '12', '--date', '2024-05-20'], dir);
    expect(r.code).toBe(0);
    // Located at the number: line of the issue.yaml it wrote, as check would report it.
    expect(r.stderr.trim()).toBe('issues/012/issue.yaml:2:1  警告：期号不连续：缺少第10—11期（上一期是 issues/009/issue.yaml 的第9期）');
    const written = fs.readFileSync(path.join(dir, 'issues/012/issue.yaml'), 'utf8');
    expect(written.split('\n')[1]).toBe('number: 12');
    expect(parse(written)).toEqual({ number: 12, date: '2024-05-20' });
    expect(runCli(['check', '--all'], dir).stderr).toContain(r.stderr.trim());
  });

  test("a number that puts an existing issue out of step is reported at that issue's number: line", () => {
    const dir = copySeries(REPO);
    const r = runCli(['new', '--number', '8', '--date', '2024-05-20'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe(
      'issues/009/issue.yaml:2:1  警告：第9期的日期早于第8期（issues/008/issue.yaml）；期号与日期顺序不一致，请核对 number 和 date',
    );
  });

  test('a yearly series: 4th issue of 2024, then 1st of 2025, each in its year folder', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml('numbering: yearly\nlabel: "{year}年第{n}期"'),
      'issues/2024-01/issue.yaml': issueYaml(1, '2024-02-01'),
      'issues/2024-02/issue.yaml': issueYaml(2, '2024-05-01'),
      'issues/2024-03/issue.yaml': issueYaml(3, '2024-08-01'),
    });
    const a = runCli(['new', '--date', '2024-11-20'], dir);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('');
    expect(a.lines[0]).toBe('已新建《工作动态》2024年第4期（2024-11-20）：issues/2024-04/');
    expect(parse(fs.readFileSync(path.join(dir, 'issues/2024-04/issue.yaml'), 'utf8'))).toEqual({ number: 4, date: '2024-11-20' });

    const b = runCli(['new', '--date', '2025-01-10'], dir);
    expect(b.code).toBe(0);
    expect(b.stderr).toBe('');
    expect(b.lines[0]).toBe('已新建《工作动态》2025年第1期（2025-01-10）：issues/2025-01/');
    expect(parse(fs.readFileSync(path.join(dir, 'issues/2025-01/issue.yaml'), 'utf8'))).toEqual({ number: 1, date: '2025-01-10' });
    expect(runCli(['list'], dir).stdout).toContain('2025年第1期');
  });

  test('a 增刊 is numbered on its own, and the check command it suggests finds it', () => {
    const dir = copySeries(REPO);
    const r = runCli(['new', '--special', '增刊', '--date', '2024-05-01'], dir);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('已新建《工作动态》增刊第1期（2024-05-01）：issues/增刊-01/');
    expect(parse(fs.readFileSync(path.join(dir, 'issues/增刊-01/issue.yaml'), 'utf8'))).toEqual({
      number: 1,
      date: '2024-05-01',
      special: '增刊',
    });

    const step = /bulletin check (\S+)/.exec(r.stdout);
    expect(step).not.toBeNull();
    const check = runCli(['check', step![1]!], dir);
    // It reaches the new (empty) 增刊, rather than failing to find the issue.
    expect(check.stderr).not.toContain('找不到');
    expect(check.stderr).toContain('issues/增刊-01/issue.yaml:1:1  错误：本期还没有任何稿件');

    // The regular count goes on from 第9期.
    const next = runCli(['new', '--date', '2024-05-20'], dir);
    expect(next.lines[0]).toBe('已新建《工作动态》第10期（2024-05-20）：issues/010/');
  });
});
