/**
 * `check` reports what the page cannot hold before anyone builds: an end block (版记) taller
 * than a page, a table wider than the smallest type holds and a publisher too long for the
 * line under the masthead are errors at their source line,
 * word for word what `build` refuses with, exit 1; a wide table set in smaller type is a
 * warning. No format is rendered and nothing is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { maxTableColumns } from '../../src/layout/geometry.js';
import { END_BLOCK_MAX_LINES } from '../../src/layout/limits.js';
import { GRID, LIST, TEXT_BLOCK } from '../../src/layout/spec.js';
import { FORMATS } from '../../src/render/formats.js';
import { readPdf } from '../helpers/pdf-text.js';
import { bulletinYaml, cleanupTemp, issueYaml, makeSeries, newsItem, SAMPLE, snapshotTree } from '../helpers/series.js';

afterAll(cleanupTemp);
afterEach(() => vi.restoreAllMocks());

interface Run {
  code: number;
  lines: string[];
}

async function cli(args: string[], cwd: string): Promise<Run> {
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  const before = process.cwd();
  process.exitCode = undefined;
  process.chdir(cwd);
  try {
    const code = await main(['node', 'bulletin', ...args], io);
    return { code, lines };
  } finally {
    process.chdir(before);
    process.exitCode = undefined;
  }
}

/** `check` with every renderer watched: it must find the limits without calling one. */
async function check(dir: string): Promise<Run> {
  const renders = FORMATS.map((f) => vi.spyOn(f, 'render'));
  const tree = snapshotTree(dir);
  const r = await cli(['check'], dir);
  for (const spy of renders) expect(spy).not.toHaveBeenCalled();
  expect(snapshotTree(dir)).toEqual(tree);
  return r;
}

function table(heads: string[]): string {
  return [`| ${heads.join(' | ')} |`, `|${heads.map(() => '---').join('|')}|`, `| ${heads.map((_, c) => `${c + 1}`).join(' | ')} |`].join(
    '\n',
  );
}

const heads = (n: number): string[] => Array.from({ length: n }, (_, i) => `列${i + 1}`);

/** 1-based line of the first line of `text` starting with `start`. */
const lineOf = (text: string, start: string): number => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe('check reports what build refuses, located, exit 1', () => {
  test('an end block taller than a page: the distribution key in bulletin.yaml, as build says it', async () => {
    const many = Array.from({ length: 400 }, (_, i) => `第${i + 1}县教育局`).join('、');
    const yaml = bulletinYaml(`distribution:\n  报: 省协同提质行动领导小组组长\n  送: ${many}`);
    const dir = makeSeries({
      'bulletin.yaml': yaml,
      'issues/2026-001/issue.yaml': issueYaml(1, '2026-03-01'),
      'issues/2026-001/01.md': newsItem('省级动态', '动态', '正文。'),
    });
    const r = await check(dir);
    expect(r.code, r.lines.join('\n')).toBe(1);
    const msg = r.lines.filter((l) => l.includes('版记太长'));
    expect(msg).toHaveLength(1);
    expect(msg[0]).toMatch(new RegExp(`^bulletin\\.yaml:${lineOf(yaml, '  送:')}:\\d+  错误：`));
    expect(msg[0]).toContain(`一页最多 ${END_BLOCK_MAX_LINES} 行`);
    // The very line build refuses with.
    const b = await cli(['build'], dir);
    expect(b.code).toBe(1);
    expect(b.lines).toContain(msg[0]);
  });

  test('an end block made too long in issue.yaml is placed at the list there', async () => {
    const many = Array.from({ length: 400 }, (_, i) => `第${i + 1}县教育局`);
    const issue = issueYaml(1, '2026-03-01', `distribution:\n  本期增发:\n${many.map((u) => `    - ${u}`).join('\n')}`);
    const dir = makeSeries({
      'issues/2026-001/issue.yaml': issue,
      'issues/2026-001/01.md': newsItem('省级动态', '动态', '正文。'),
    });
    const r = await check(dir);
    expect(r.code, r.lines.join('\n')).toBe(1);
    const msg = r.lines.find((l) => l.includes('版记太长'));
    expect(msg).toMatch(new RegExp(`^issues/2026-001/issue\\.yaml:${lineOf(issue, '    - 第1县')}:\\d+  错误：`));
  });

  test(`a table of more than ${maxTableColumns()} columns: its line in the item, with the other problems`, async () => {
    const n = maxTableColumns() + 1;
    const item = newsItem('省级动态', '动态', `会议指出,要抓好落实。\n\n${table(heads(n))}`);
    const dir = makeSeries({
      'issues/2026-001/issue.yaml': issueYaml(1, '2026-03-01'),
      'issues/2026-001/01.md': item,
    });
    const r = await check(dir);
    expect(r.code, r.lines.join('\n')).toBe(1);
    const msg = r.lines.filter((l) => l.includes(`表格有 ${n} 列`));
    expect(msg).toHaveLength(1);
    expect(msg[0]).toMatch(new RegExp(`^issues/2026-001/01\\.md:${lineOf(item, '| 列1 ')}:1  错误：`));
    // Reported together with what the text rules find (the half-width comma), not instead.
    expect(r.lines.some((l) => l.startsWith(`issues/2026-001/01.md:${lineOf(item, '会议指出')}:`))).toBe(true);
    const b = await cli(['build'], dir);
    expect(b.code).toBe(1);
    expect(b.lines).toContain(msg[0]);
  });

  test('a table in a list item wider than the item holds: refused at its line, as build says it', async () => {
    // The item is narrower than the text block by its indent and marker.
    const n = maxTableColumns(TEXT_BLOCK.widthPt - (LIST.indentChars + LIST.markerChars) * GRID.charPitchPt) + 1;
    expect(n).toBeLessThanOrEqual(maxTableColumns());
    const t = table(heads(n))
      .split('\n')
      .map((l) => `   ${l}`)
      .join('\n');
    const item = newsItem('省级动态', '动态', `正文。\n\n1. 列表项：\n\n${t}`);
    const dir = makeSeries({
      'issues/2026-001/issue.yaml': issueYaml(1, '2026-03-01'),
      'issues/2026-001/01.md': item,
    });
    const r = await check(dir);
    expect(r.code, r.lines.join('\n')).toBe(1);
    const msg = r.lines.filter((l) => l.includes(`表格有 ${n} 列，放在列表项里`));
    expect(msg).toHaveLength(1);
    expect(msg[0]).toMatch(new RegExp(`^issues/2026-001/01\\.md:${lineOf(item, '   | 列1 ')}:4  错误：`));
    const b = await cli(['build'], dir);
    expect(b.code).toBe(1);
    expect(b.lines).toContain(msg[0]);
  });

  test('a publisher too long to stand beside the date under the masthead: its key in bulletin.yaml', async () => {
    // 27 characters and 2026年3月1日 need 34 cells of the 28 a line has; it used to wrap over the red rule.
    const yaml = bulletinYaml('publisher: 江西省高校与县域基础教育协同提质行动工作领导小组办公室');
    const dir = makeSeries({
      'bulletin.yaml': yaml,
      'issues/2026-001/issue.yaml': issueYaml(1, '2026-03-01'),
      'issues/2026-001/01.md': newsItem('省级动态', '动态', '正文。'),
    });
    const r = await check(dir);
    expect(r.code, r.lines.join('\n')).toBe(1);
    const msg = r.lines.filter((l) => l.includes('编印单位'));
    expect(msg).toHaveLength(1);
    expect(msg[0]).toMatch(new RegExp(`^bulletin\\.yaml:${lineOf(yaml, 'publisher:')}:1  错误：.*要 34 个字宽，一行只有 28 个字宽`));
    const b = await cli(['build'], dir);
    expect(b.code).toBe(1);
    expect(b.lines).toContain(msg[0]);
  });

  test('a publisher that just fits is built on the one line beside the date', async () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml('publisher: 江西省高校与县域基础教育协同提质行动办公室'),
      'issues/2026-001/issue.yaml': issueYaml(1, '2026-03-01'),
      'issues/2026-001/01.md': newsItem('省级动态', '动态', '正文。'),
    });
    expect((await check(dir)).code).toBe(0);
    expect((await cli(['build', '--format', 'pdf'], dir)).code).toBe(0);
    const pdf = await readPdf(new Uint8Array(fs.readFileSync(path.join(dir, 'dist', '工作动态第1期.pdf'))));
    const line = pdf.pages[0].lines.find((l) => l.text.includes('江西省高校与县域基础教育协同提质行动办公室'));
    expect(line?.text).toContain('2026年3月1日');
  });

  test('a table that just fits is no error', async () => {
    const dir = makeSeries({
      'issues/2026-001/issue.yaml': issueYaml(1, '2026-03-01'),
      'issues/2026-001/01.md': newsItem('省级动态', '动态', `正文。\n\n${table(heads(maxTableColumns()))}`),
    });
    const r = await check(dir);
    expect(r.code, r.lines.join('\n')).toBe(0);
    expect(r.lines.join('\n')).not.toMatch(/表格有 \d+ 列，版心/);
  });
});

describe('check warns where build adapts', () => {
  test('a table of 16 columns is set in smaller type: a warning at the table, exit 0', async () => {
    const item = newsItem('省级动态', '动态', `正文。\n\n${table(heads(16))}`);
    const dir = makeSeries({
      'issues/2026-001/issue.yaml': issueYaml(1, '2026-03-01'),
      'issues/2026-001/01.md': item,
    });
    const r = await check(dir);
    expect(r.code, r.lines.join('\n')).toBe(0);
    const warn = r.lines.filter((l) => l.includes('表格有 16 列'));
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatch(new RegExp(`^issues/2026-001/01\\.md:${lineOf(item, '| 列1 ')}:1  警告：.*四号字排不下，已缩小到..字`));
  });

  test('a table of a few columns keeps its size and says nothing', async () => {
    const dir = makeSeries({
      'issues/2026-001/issue.yaml': issueYaml(1, '2026-03-01'),
      'issues/2026-001/01.md': newsItem('省级动态', '动态', `正文。\n\n${table(heads(5))}`),
    });
    const r = await check(dir);
    expect(r.code, r.lines.join('\n')).toBe(0);
    expect(r.lines.join('\n')).not.toContain('表格有');
  });
});

test('the series this repository ships still checks clean of layout limits', async () => {
  const r = await cli(['check', '--all'], SAMPLE);
  expect(r.lines.filter((l) => /版记太长|表格有 \d+ 列/.test(l))).toEqual([]);
});
