/**
 * Characters no font has: `check` finds them from the model and the fonts alone (no PDF is
 * planned), each at the exact line and column where it was typed — in Markdown and in yaml
 * values — and `build` refuses the same characters with the same lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkIssue } from '../../src/check/check-series.js';
import { Diagnostics, formatDiagnostic, sortDiagnostics } from '../../src/diagnostics.js';
import { openSeries } from '../../src/pipeline.js';
import { resolveIssue } from '../../src/sources/find.js';
import { assertCliBuilt, bulletinYaml, cleanupTemp, issueYaml, makeSeries, newsItem, runCli } from '../helpers/series.js';

// Planning the PDF is what `check` must no longer do: any call to it fails the test.
vi.mock('../../src/render/pdf/document.js', () => ({
  buildDocument: () => {
    throw new Error('check planned a PDF');
  },
}));

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

const BODY = [
  '第一段有\uF8FF和\uF8FF两个私用区字符。', // line 7: columns 5 and 7
  '',
  '- 列表项\uE001在这里', // line 9: column 6
  '',
  '| 项目 | 数\uE002量 |', // line 11: column 9
  '| --- | --- |',
  '| 甲 | 1 |',
].join('\n');

function series(): string {
  return makeSeries({
    'bulletin.yaml': bulletinYaml('publisher: 省协同\u{1F642}办公室'), // line 14, column 15
    'issues/001/issue.yaml': issueYaml(1, '2024-05-08', 'distribution:\n  本期增发: 某\u{1F642}单位'), // line 4, column 10
    // The lead on line 5: ## 某大学 + U+E000 at column 7.
    'issues/001/10.md': newsItem('高校动态', '某大学\uE000召开推进会', BODY),
  });
}

const EXPECTED = [
  'bulletin.yaml:14:15',
  'issues/001/10.md:5:7',
  'issues/001/10.md:7:5',
  'issues/001/10.md:7:7',
  'issues/001/10.md:9:6',
  'issues/001/10.md:11:9',
  'issues/001/issue.yaml:4:10',
];

const glyphLines = (stderr: string): string[] => stderr.split('\n').filter((l) => /（U\+[0-9A-F]+）/.test(l) && !l.startsWith('错误：有'));

describe('characters no font has', () => {
  it('check names each one at its exact line and column, once, with exit 1', () => {
    const dir = series();
    const r = runCli(['check'], dir);
    expect(r.code).toBe(1);
    const lines = glyphLines(r.stderr);
    expect(lines.map((l) => l.split('  ')[0])).toEqual(EXPECTED);
    expect(lines[1]).toBe(
      'issues/001/10.md:5:7  错误：字符“\uE000”（U+E000）在字体 FandolHei-Regular.otf 和缺字补充字体 NotoSerifCJKsc-Fallback.otf 中都没有，印出来会是空框。请改用常用字、删除该字符，或在 bulletin.yaml 的 fonts 中换用含有该字的字体',
    );
    expect(lines[2]).toMatch(/^issues\/001\/10\.md:7:5  错误：字符“\uF8FF”（U\+F8FF）在字体 FandolFang-Regular\.otf /);
  });

  it('build refuses the same characters at the same places, and writes nothing', () => {
    const dir = series();
    const c = glyphLines(runCli(['check'], dir).stderr);
    const r = runCli(['build'], dir);
    expect(r.code).toBe(1);
    expect(glyphLines(r.stderr)).toEqual(c);
    expect(r.stderr).toContain('bulletin.yaml:14:15  错误：字符“\u{1F642}”（U+1F642）');
    expect(r.stderr).toContain('错误：有 7 处字符在所有字体中都没有，没有生成 PDF；每一处的位置和改法见上');
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('one written as a character reference is named at its paragraph, never at a later literal one', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml(),
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': newsItem('高校动态', '某大学召开推进会', '第一段。\n\n第二段&#xE003;。\n\n第三段\uE003。'),
    });
    const r = runCli(['check'], dir);
    expect(r.code).toBe(1);
    expect(glyphLines(r.stderr).map((l) => l.split('  ')[0])).toEqual(['issues/001/10.md:9:1', 'issues/001/10.md:11:4']);
  });

  it('each occurrence is its own place: a lead from the front matter, runs of two looks, cells of one table', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml(),
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/20.md': [
        '---',
        'section: 高校动态',
        'title: 某中学\uE004开展活动', // line 3, column 11
        '---',
        '',
        '正文**加粗\uE005**和\uE005普通。', // line 6, columns 7 and 11
        '',
        '| 甲\uE006 | 乙\uE006 |', // line 8, columns 4 and 9
        '| --- | --- |',
        '| 1 | 2 |',
        '',
      ].join('\n'),
    });
    const r = runCli(['check'], dir);
    expect(r.code).toBe(1);
    expect(glyphLines(r.stderr).map((l) => l.split('  ')[0])).toEqual([
      'issues/001/20.md:3:11',
      'issues/001/20.md:6:7',
      'issues/001/20.md:6:11',
      'issues/001/20.md:8:4',
      'issues/001/20.md:8:9',
    ]);
  });

  it('are found in-process from the model and the fonts, without planning a PDF', () => {
    const dir = series();
    const ctx = openSeries(dir);
    const diags = new Diagnostics();
    checkIssue(ctx, resolveIssue(ctx.series, ctx.issues, undefined), diags);
    const glyphs = sortDiagnostics(diags.list).filter((d) => d.rule === 'pdf-missing-glyph');
    expect(glyphs.map((d) => formatDiagnostic(d).split('  ')[0])).toEqual(EXPECTED);
  });
});
