/**
 * The CLI as a clerk runs it: node bin/bulletin.js in a folder, reading what it prints, its exit
 * code and the files it leaves. Help and errors are in Chinese and never a stack trace.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findSeriesRoot } from '../../src/config/series.js';
import type { Issue } from '../../src/model/types.js';
import {
  assertCliBuilt,
  buildModel,
  bulletinYaml,
  cleanupTemp,
  FIXTURES,
  issueYaml,
  makeSeries,
  REPO,
  runCli,
  snapshotTree,
  tempDir,
  type CliResult,
} from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

/** No JavaScript stack trace and no untranslated commander message. */
function expectClean(r: CliResult): void {
  const all = r.stdout + r.stderr;
  expect(all).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  expect(all).not.toMatch(/^error:/m);
  expect(all).not.toContain('内部错误');
}

describe('help and version', () => {
  test('--help: Chinese usage, the commands and the usual workflow, exit 0', () => {
    const r = runCli(['--help'], REPO);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.lines[0]).toBe('用法： bulletin [选项] [命令]');
    for (const title of ['选项：', '命令：', '常用流程：']) expect(r.lines).toContain(title);
    for (const cmd of ['init', 'new', 'import', 'list', 'check', 'build', 'preview', 'issue', 'archive', 'volume', 'stats'])
      expect(r.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
    // Commands are registered lazily from a list in main.ts: a command file added without an
    // entry there would be missing from the help and from the suggestions.
    const files = fs.readdirSync(path.join(REPO, 'src', 'cli', 'commands')).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const f of files) expect(r.stdout, f).toMatch(new RegExp(`^  ${f.slice(0, -3)} `, 'm'));
    // The column width follows the longest command term.
    expect(r.stdout).toMatch(/-h, --help {2,}显示帮助/);
    expect(r.stdout).toMatch(/import \[选项\] <文件> +导入来稿/);
    expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|display help/);
  });

  test('-h works the same as --help', () => {
    expect(runCli(['-h'], REPO).stdout).toBe(runCli(['--help'], REPO).stdout);
  });

  test('help for one command, both as `help new` and `new --help`', () => {
    const a = runCli(['help', 'new'], REPO);
    const b = runCli(['new', '--help'], REPO);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.lines[0]).toBe('用法： bulletin new [选项]');
    expect(a.stdout).toContain('-d, --date <日期>');
    expect(a.stdout).toContain('本期日期，如 2024-5-20、2024/5/20 或 2024年5月20日；不写则为今天');
    expect(a.stdout).not.toMatch(/Usage:|Options:/);
  });

  test('every command’s help is Chinese but for the names of commands, options, formats, files and programs', () => {
    // Names a clerk types or sees on files and programs; any other Latin word is English prose.
    const NAMES = new Set(
      (
        'bulletin init new import list check build preview issue archive volume stats help ' +
        'pdf docx html wechat csv xlsx table md txt rtf odt doc wps tgz yaml json issues dist manifest index ' +
        'PDF DOCX HTML Word WPS Markdown Excel CI MB CPU Ctrl'
      ).split(' '),
    );
    for (const cmd of ['', 'init', 'new', 'import', 'list', 'check', 'build', 'preview', 'issue', 'archive', 'volume', 'stats']) {
      const r = runCli(cmd ? [cmd, '--help'] : ['--help'], REPO);
      expect(r.code).toBe(0);
      // Option flags (-f, --format <格式>, --no-open) and paths like bulletin-x.y.z.tgz are names.
      const prose = r.stdout.replace(/(^|[^\w-])-{1,2}[a-zA-Z][\w-]*/g, '$1').replace(/[\w.-]*\.[a-z]{2,4}\b/g, '');
      const english = [...prose.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]).filter((w) => !NAMES.has(w));
      expect(english, `bulletin ${cmd} --help:\n${r.stdout}`).toEqual([]);
    }
  });

  test('bare `bulletin` shows the help instead of nothing', () => {
    const r = runCli([], REPO);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('用法： bulletin [选项] [命令]');
  });

  test('--version and -V print the package version, exit 0', () => {
    const version = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version as string;
    for (const flag of ['--version', '-V']) {
      const r = runCli([flag], REPO);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });
});

describe('mistakes on the command line: a Chinese message and exit 1', () => {
  const cases: Array<[string[], string]> = [
    [['frobnicate'], '错误：没有 frobnicate 这个命令'],
    [['--frob'], '错误：不认识的选项 --frob'],
    [['list', '--frob'], '错误：不认识的选项 --frob'],
    [['new', '--date'], '错误：选项 -d, --date <日期> 后面需要一个值'],
    [['check', '1', '2'], '错误：参数太多'],
  ];
  test.each(cases)('%j', (args, message) => {
    const r = runCli(args, REPO);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([message, '用 bulletin --help 查看用法。']);
    expectClean(r);
  });

  test('an issue that does not exist', () => {
    const r = runCli(['check', '99'], REPO);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('错误：找不到“99”这一期。可以写期号（如 9）或文件夹（如 issues/009）；用 bulletin list 查看全部');
    expectClean(r);
  });
});

describe('list', () => {
  test('the sample series: 第9期, its date, folder and contents', () => {
    const r = runCli(['list'], REPO);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.lines).toHaveLength(2);
    expect(r.lines[0]).toBe('《工作动态》共 1 期：');
    expect(r.lines[1]).toMatch(/^  第9期\s+2024年4月24日\s+issues\/009  编者按，经验交流 2$/);
  });

  test('the mixed fixture: print date when it differs, counts per section', () => {
    const r = runCli(['list'], path.join(FIXTURES, 'mixed'));
    expect(r.code).toBe(0);
    expect(r.lines[1]).toMatch(
      /^  第1期\s+2024年5月8日（2024年5月9日印发）\s+issues\/001  编者按，省级动态 2，高校动态 1，市县动态 1，经验交流 1$/,
    );
  });

  test('works from inside an issue folder (finds bulletin.yaml above)', () => {
    const r = runCli(['list'], path.join(REPO, 'issues/009'));
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('《工作动态》共 1 期：');
  });

  test('sorted by date; an issue with errors says so instead of its contents', () => {
    const dir = makeSeries({
      'issues/002/issue.yaml': issueYaml(2, '2024-06-01'),
      'issues/002/a.md': '---\nsection: 高效动态\n---\n\n## 标题\n\n正文。\n',
      'issues/001/issue.yaml': issueYaml(1, '2024-05-01'),
      'issues/001/a.md': '---\nsection: 高校动态\n---\n\n## 标题\n\n正文。\n',
    });
    const r = runCli(['list'], dir);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('《工作动态》共 2 期：');
    expect(r.lines[1]).toMatch(/^  第1期.*issues\/001  高校动态 1$/);
    expect(r.lines[2]).toMatch(/^  第2期.*issues\/002  有 1 个错误，运行 bulletin check 2 查看$/);
  });

  test('the check command list suggests for a broken 增刊 or yearly issue finds that issue', () => {
    const broken = '---\nsection: 高效动态\n---\n\n## 标题\n\n正文。\n';
    const special = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-01'),
      'issues/001/a.md': '---\nsection: 高校动态\n---\n\n## 标题\n\n正文。\n',
      'issues/增刊-01/issue.yaml': issueYaml(1, '2024-05-08', 'special: 增刊'),
      'issues/增刊-01/a.md': broken,
    });
    const yearly = makeSeries({
      'bulletin.yaml': bulletinYaml('numbering: yearly\nlabel: "{year}年第{n}期"'),
      'issues/2023-01/issue.yaml': issueYaml(1, '2023-05-01'),
      'issues/2023-01/a.md': '---\nsection: 高校动态\n---\n\n## 标题\n\n正文。\n',
      'issues/2024-01/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/2024-01/a.md': broken,
    });
    for (const [dir, folder] of [
      [special, 'issues/增刊-01'],
      [yearly, 'issues/2024-01'],
    ] as const) {
      const hint = /运行 bulletin check (\S+) 查看/.exec(runCli(['list'], dir).stdout);
      expect(hint, folder).not.toBeNull();
      const r = runCli(['check', hint![1]!], dir);
      expect(r.stderr).not.toContain('找不到');
      expect(r.stderr).not.toContain('有 2 期的期号都是');
      expect(r.stderr).toContain(`${folder}/a.md:2:1  错误：没有“高效动态”这个栏目`);
    }
  });

  test('an empty series says how to start', () => {
    const r = runCli(['list'], makeSeries());
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('issues/ 下还没有任何一期。用 bulletin new 新建第一期。');
  });
});

describe('init', () => {
  test('init DIR creates a working series: bulletin.yaml, schemas, .gitignore, issues/', () => {
    const parent = tempDir();
    const r = runCli(['init', 'jianbao'], parent);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const dir = path.join(parent, 'jianbao');
    expect(r.lines[0]).toBe(`已在 ${dir} 新建简报系列：`);
    for (const f of [
      'bulletin.yaml',
      'bulletin.schema.json',
      'issue.schema.json',
      '.gitignore',
      'package.json',
      'package-lock.json',
      'tools/bulletin-0.1.0.tgz',
    ]) {
      expect(fs.statSync(path.join(dir, f)).isFile(), f).toBe(true);
      expect(r.lines).toContain(`  ${f}`);
    }
    expect(fs.statSync(path.join(dir, 'issues')).isDirectory()).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'issues'))).toEqual([]);
    expect(r.lines).toContain('下一步（在这个文件夹里）：');
    // The series depends on its own copy of the tool, by path, never by name from a registry.
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).dependencies).toEqual({
      bulletin: 'file:tools/bulletin-0.1.0.tgz',
    });

    // The files are the package's own: valid JSON schemas, a YAML the tool accepts.
    for (const f of ['bulletin.schema.json', 'issue.schema.json']) {
      expect(fs.readFileSync(path.join(dir, f), 'utf8')).toBe(fs.readFileSync(path.join(REPO, 'templates/series', f), 'utf8'));
    }
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')).toContain('dist/');
    const yaml = parse(fs.readFileSync(path.join(dir, 'bulletin.yaml'), 'utf8'));
    expect(yaml).toMatchObject({ name: '工作动态', numbering: 'continuous' });

    // …and the series works: list, new, check.
    expect(runCli(['list'], dir).code).toBe(0);
    const n = runCli(['new', '--date', '2024-05-20'], dir);
    expect(n.code).toBe(0);
    expect(n.lines[0]).toBe('已新建《工作动态》第1期（2024-05-20）：issues/001/');
    // The new issue.yaml points editors at the series' own schema.
    expect(fs.readFileSync(path.join(dir, 'issues/001/issue.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/issue\.schema\.json$/m,
    );
    const c = runCli(['check'], dir);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('错误：本期还没有任何稿件');
  });

  test('init on a folder that already has a series refuses and changes nothing', () => {
    const parent = tempDir();
    expect(runCli(['init', 'jianbao'], parent).code).toBe(0);
    const dir = path.join(parent, 'jianbao');
    fs.writeFileSync(path.join(dir, 'bulletin.yaml'), bulletinYaml());
    const before = snapshotTree(dir);
    const r = runCli(['init', 'jianbao'], parent);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`${path.join('jianbao', 'bulletin.yaml')}  错误：已经存在，为避免覆盖，没有做任何改动`);
    expect(snapshotTree(dir)).toEqual(before);
    expectClean(r);
  });

  test('init in the current folder (no DIR) refuses when any file it would write is there', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '.gitignore'), 'my-own-rules/\n');
    const before = snapshotTree(dir);
    const r = runCli(['init'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('以下文件已经存在，为避免覆盖，没有做任何改动：.gitignore');
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('outside any series', () => {
  let outside: string;
  beforeAll(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'no-series-'));
    // The test means nothing if some folder above the temp dir holds a bulletin.yaml.
    expect(findSeriesRoot(outside)).toBeUndefined();
  });
  afterAll(() => fs.rmSync(outside, { recursive: true, force: true }));

  test.each([['list'], ['check'], ['check', '--all'], ['new'], ['build']])(
    '%s: “找不到 bulletin.yaml”, exit 1, nothing written',
    (...args) => {
      const r = runCli(args, outside);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        `错误：在 ${outside} 及其上级文件夹中找不到 bulletin.yaml。请在简报系列的文件夹中运行，或先用 bulletin init 新建一个系列`,
      );
      expect(fs.readdirSync(outside)).toEqual([]);
      expectClean(r);
    },
  );
});

describe('sources saved by Windows editors', () => {
  const ITEM = [
    '---',
    'section: 高校动态',
    'unit: 赣南师范大学',
    '---',
    '',
    '## 赣南师范大学召开协同提质工作推进会',
    '',
    '4月18日，赣南师范大学召开协同提质工作推进会，',
    '部署“一校一策”帮扶工作。',
    '',
    '会议要求，各工作小组要**聚焦重点任务**，推动工作落地见效。',
    '',
  ].join('\n');

  function series(encode: (text: string) => Uint8Array, bulletin = (t: string): Uint8Array => Buffer.from(t)): string {
    return makeSeries({
      'bulletin.yaml': bulletin(bulletinYaml()),
      'issues/001/issue.yaml': issueYaml(1, '2024-04-24'),
      'issues/001/20-高校动态.md': encode(ITEM),
    });
  }

  const crlf = (t: string): string => t.replace(/\n/g, '\r\n');
  const utf8 = (t: string): Uint8Array => Buffer.from(t, 'utf8');
  const bomCrlf = (t: string): Uint8Array => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(t), 'utf8')]);
  const gbk = (t: string): Uint8Array => iconv.encode(crlf(t), 'gbk');

  /** The model without the parts that differ only by temp folder. */
  function comparable(issue: Issue | undefined): unknown {
    expect(issue).toBeDefined();
    return JSON.parse(JSON.stringify({ ...issue, seriesRoot: undefined, fonts: undefined }));
  }

  let reference: unknown;
  beforeAll(() => {
    const m = buildModel(series(utf8));
    expect(m.diagnostics).toEqual([]);
    reference = comparable(m.issue);
  });

  test('the GBK bytes really are not UTF-8 (so the test means something)', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk(ITEM))).toThrow();
  });

  test('UTF-8 with BOM and CRLF gives the same model, with no warning', () => {
    const m = buildModel(series(bomCrlf, bomCrlf));
    expect(m.diagnostics).toEqual([]);
    expect(comparable(m.issue)).toEqual(reference);
  });

  test('GBK with CRLF gives the same model and a warning naming the file', () => {
    const m = buildModel(series(gbk));
    expect(m.errors).toEqual([]);
    expect(comparable(m.issue)).toEqual(reference);
    expect(m.warnings.map((w) => [w.rule, w.file])).toEqual([['encoding-not-utf8', 'issues/001/20-高校动态.md']]);
  });

  test('the same through the CLI: check names the GBK file and exits 0; list reads it', () => {
    const dir = series(gbk, bomCrlf);
    const r = runCli(['check'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'issues/001/20-高校动态.md  警告：文件是 GBK/GB18030 编码，已按此读取；建议另存为 UTF-8（记事本：另存为 → 编码选 UTF-8）',
    ]);
    expect(r.stdout.trim()).toBe('已检查 1 期。共 0 个错误，1 个警告。');
    expect(runCli(['list'], dir).lines[1]).toMatch(/issues\/001  高校动态 1$/);
  });

  test('the model read from GBK has the lead, the joined line and the unit', () => {
    const m = buildModel(series(gbk));
    const item = m.issue!.sections[0]!.entries[0]!;
    expect(item.kind).toBe('news');
    if (item.kind !== 'news') return;
    expect(item.leadText).toBe('赣南师范大学召开协同提质工作推进会。');
    const first = item.body[0]!;
    expect(first.type === 'paragraph' && first.runs.map((r) => r.text).join('')).toBe(
      '4月18日，赣南师范大学召开协同提质工作推进会，部署“一校一策”帮扶工作。',
    );
    const last = item.body[1]!;
    expect(last.type === 'paragraph' && last.runs.map((r) => r.text).join('')).toBe(
      '会议要求，各工作小组要聚焦重点任务，推动工作落地见效。（赣南师范大学供稿）',
    );
    expect(last.type === 'paragraph' && last.runs.filter((r) => r.bold)).toEqual([{ text: '聚焦重点任务', bold: true }]);
  });
});
