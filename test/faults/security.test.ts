/**
 * What a file says never makes the tool run code, nor read or write outside the series and the
 * output folder: front matter is YAML only, names from bulletin.yaml, issue.yaml and the command
 * line never become paths that leave the series, and images are checked where they really are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertCliBuilt,
  buildModel,
  bulletinYaml,
  cleanupTemp,
  issueYaml,
  makeSeries,
  newsItem,
  runCli,
  snapshotTree,
  tempDir,
} from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

const good = newsItem('高校动态', '某大学召开推进会', '会议部署了下一阶段工作。');

describe('front matter is YAML and only YAML', () => {
  it('a ---js opener is never evaluated, by check, build or list', () => {
    const marker = path.join(tempDir(), 'ran');
    const evil = `---js\n{section: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), '高校动态')}\n---\n\n## 标题\n\n正文。\n`;
    const dir = makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-08'), 'issues/001/10.md': good, 'issues/001/20.md': evil });
    for (const args of [['check'], ['build'], ['list']]) {
      const r = runCli(args, dir);
      expect(fs.existsSync(marker), `${args[0]} ran the front matter`).toBe(false);
      expect(r.code, r.stderr).not.toBe(2);
    }
    const r = runCli(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/issues\/001\/20\.md:1:4  错误：.*---js/);
  });

  for (const opener of ['---javascript', '---json', '---coffee', '---toml', '--- abc', '---yaml:x']) {
    it(`"${opener}" is an error at line 1 naming the opener, not "missing front matter", never a crash`, () => {
      const dir = makeSeries({
        'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
        'issues/001/10.md': `${opener}\nsection: 高校动态\n---\n\n## 标题\n\n正文。\n`,
      });
      const r = runCli(['check'], dir);
      expect(r.code, r.stderr).toBe(1);
      const line = r.lines.find((l) => l.startsWith('issues/001/10.md:1:'));
      expect(line, r.stderr).toBeDefined();
      expect(line).toContain(opener.trim());
      expect(line).not.toMatch(/缺少前言区/);
    });
  }

  it('---yaml and a --- with trailing spaces are plain YAML front matter', () => {
    for (const opener of ['---yaml', '---   ']) {
      const dir = makeSeries({
        'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
        'issues/001/10.md': `${opener}\nsection: 高校动态\n---\n\n## 标题\n\n正文。\n`,
      });
      const m = buildModel(dir);
      expect(m.errors).toEqual([]);
      expect(m.issue?.sections.find((s) => s.name === '高校动态')?.entries).toHaveLength(1);
    }
  });

  it('a YAML error in front matter keeps its real line', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': `---\nsection: 高校动态\ntitle: "未闭合\n---\n\n## 标题\n\n正文。\n`,
    });
    const m = buildModel(dir);
    expect(m.errors.map((e) => [e.file, e.line, e.rule])).toContainEqual(['issues/001/10.md', 3, 'yaml-syntax']);
  });
});

describe('YAML tags', () => {
  it('!!js/function in issue.yaml or front matter is an error at its line, and no Node warning leaks out', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': 'number: 1\ndate: !!js/function "function(){}"\n',
      'issues/001/10.md': `---\nsection: !!js/function "function(){}"\n---\n\n## 标题\n\n正文。\n`,
    });
    const r = runCli(['check', '--all'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/issues\/001\/issue\.yaml:2:7  错误：.*标签/);
    expect(r.stderr).not.toMatch(/YAMLWarning|node:\d+/);
  });
});

describe('nothing outside the series', () => {
  function outsideUnchanged(run: (series: string) => void): void {
    const parent = tempDir();
    const series = path.join(parent, 'a', 'b', 'series');
    fs.mkdirSync(series, { recursive: true });
    fs.writeFileSync(path.join(series, 'bulletin.yaml'), bulletinYaml());
    fs.mkdirSync(path.join(series, 'issues'));
    const before = snapshotTree(parent);
    run(series);
    const after = snapshotTree(parent);
    const outside = (t: Record<string, string>): Record<string, string> =>
      Object.fromEntries(Object.entries(t).filter(([k]) => !k.startsWith('a/b/series/')));
    expect(outside(after)).toEqual(outside(before));
  }

  it('new --special ../../x is refused and writes nothing', () => {
    outsideUnchanged((series) => {
      const r = runCli(['new', '--special', '../../x', '--date', '2024-05-01'], series);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/--special/);
      expect(fs.readdirSync(path.join(series, 'issues'))).toEqual([]);
    });
  });

  it('a section name with / or .. is an error at its line in bulletin.yaml; new writes nothing', () => {
    outsideUnchanged((series) => {
      fs.writeFileSync(path.join(series, 'bulletin.yaml'), bulletinYaml('sections:\n  - 省级动态\n  - ../../evil\n  - 市/县'));
      const r = runCli(['new', '--date', '2024-05-01'], series);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/bulletin\.yaml:11:\d+  错误：.*“\.\.\/\.\.\/evil”/);
      expect(r.stderr).toMatch(/bulletin\.yaml:12:\d+  错误：.*“市\/县”/);
      expect(fs.readdirSync(path.join(series, 'issues'))).toEqual([]);
    });
  });

  it('issuesDir that leaves the series is an error at its line', () => {
    for (const bad of ['../..', '/tmp', 'issues/../../x']) {
      const dir = makeSeries({ 'bulletin.yaml': bulletinYaml(`issuesDir: ${bad}`) });
      const r = runCli(['list'], dir);
      expect(r.code, `${bad}: ${r.stdout}`).toBe(1);
      expect(r.stderr).toMatch(/bulletin\.yaml:\d+:\d+  错误：.*issuesDir/);
    }
  });

  it('issuesDir that is the series folder itself is an error at its line, not every folder read as an issue', () => {
    // Found by the mutation property: issuesDir "" made bulletin.yaml's own folder the issues folder,
    // so dist/ and issues/ were listed as broken issues and `build 1` could not find issue 1.
    for (const bad of ['""', '.', './', 'issues/..']) {
      const dir = makeSeries({
        'bulletin.yaml': bulletinYaml(`issuesDir: ${bad}`),
        'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
        'issues/001/10.md': good,
      });
      const r = runCli(['build', '1', '--out', 'OUT'], dir);
      expect(r.code, `${bad}: ${r.stdout}`).toBe(1);
      expect(r.stderr, bad).toMatch(/bulletin\.yaml:\d+:\d+  错误：.*issuesDir.*子文件夹/);
      expect(fs.existsSync(path.join(dir, 'OUT')), bad).toBe(false);
    }
  });

  it('a special name in issue.yaml with a path separator is an error at its line', () => {
    const dir = makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-08', 'special: ../增刊'), 'issues/001/10.md': good });
    const r = runCli(['check', 'issues/001'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/issues\/001\/issue\.yaml:3:\d+  错误：.*special/);
  });

  it('an image reached through a symlink that points outside the series is refused', () => {
    const outside = tempDir();
    fs.copyFileSync(path.join(__dirname, '../fixtures/mixed/issues/001/images/meeting.png'), path.join(outside, 'secret.png'));
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': newsItem('高校动态', '某大学召开推进会', '正文。\n\n![现场](images/link.png)\n\n![目录](shots/a.png)'),
    });
    fs.mkdirSync(path.join(dir, 'issues/001/images'));
    fs.symlinkSync(path.join(outside, 'secret.png'), path.join(dir, 'issues/001/images/link.png'));
    fs.symlinkSync(outside, path.join(dir, 'issues/001/shots'));
    fs.copyFileSync(path.join(outside, 'secret.png'), path.join(outside, 'a.png'));
    const m = buildModel(dir);
    const images = m.errors.filter((e) => e.rule === 'image');
    expect(images.map((e) => e.message)).toEqual([
      expect.stringMatching(/images\/link\.png.*系列文件夹之外/),
      expect.stringMatching(/shots\/a\.png.*系列文件夹之外/),
    ]);
  });

  it('an image symlinked inside the series is fine', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': newsItem('高校动态', '某大学召开推进会', '正文。\n\n![现场](images/link.png)'),
    });
    fs.mkdirSync(path.join(dir, 'shared'));
    fs.copyFileSync(path.join(__dirname, '../fixtures/mixed/issues/001/images/meeting.png'), path.join(dir, 'shared/m.png'));
    fs.mkdirSync(path.join(dir, 'issues/001/images'));
    fs.symlinkSync(path.join(dir, 'shared/m.png'), path.join(dir, 'issues/001/images/link.png'));
    expect(buildModel(dir).errors).toEqual([]);
  });
});
