/**
 * A configured font that cannot serve: missing, or a file that is not a font. The build stops
 * with a message naming the role and the path, exit 1, and writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, bulletinYaml, cleanupTemp, issueYaml, makeSeries, newsItem, runCli } from '../helpers/series.js';

function series(fontsYaml: string, files: Record<string, string> = {}): string {
  return makeSeries({
    'bulletin.yaml': bulletinYaml(fontsYaml),
    'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
    'issues/001/10.md': newsItem('高校动态', '某大学召开推进会', '正文。'),
    ...files,
  });
}

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

describe('configured fonts', () => {
  it('a missing font file names the role and the path', () => {
    const dir = series('fonts:\n  hei: myfonts/黑体.ttf');
    const r = runCli(['build', '--format', 'pdf'], dir);
    expect(r.code).toBe(1);
    // At its place, bulletin.yaml, as every problem of a file is reported.
    expect(r.stderr).toMatch(/^bulletin\.yaml  错误：黑体字体文件“myfonts\/黑体\.ttf”找不到或无法读取.*fonts\.hei/m);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('a file that is not a font names the role and the path', () => {
    const dir = series('fonts:\n  body: myfonts/fang.otf', { 'myfonts/fang.otf': '这不是字体文件' });
    const r = runCli(['build', '--format', 'pdf'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/myfonts\/fang\.otf  错误：不是可用的正文（仿宋）字体文件/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('an official family name that is not installed falls back to the shipped font and says so', () => {
    const dir = series('fonts:\n  body: 仿宋_GB2312');
    const r = runCli(['build', '--format', 'pdf'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/正文（仿宋）.*FandolFang-Regular\.otf/);
  });
});

describe('characters no font has', () => {
  it('are all reported at once, each with its character, code point, file and line, and no PDF is written', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml(),
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': newsItem('高校动态', '某大学召开推进会', '第一段有一个私用区字符\uF8FF。\n\n第二段也有一个\uE000。'),
    });
    const r = runCli(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /issues\/001\/10\.md:7:12  错误：字符“\uF8FF”（U\+F8FF）在字体 FandolFang-Regular\.otf 和缺字补充字体 NotoSerifCJKsc-Fallback\.otf 中都没有/,
    );
    expect(r.stderr).toMatch(/issues\/001\/10\.md:9:8  错误：字符“\uE000”（U\+E000）/);
    expect(r.stderr).toMatch(/错误：有 2 处字符在所有字体中都没有，没有生成 PDF/);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
    // `check` finds them too, before anyone builds.
    const c = runCli(['check'], dir);
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/issues\/001\/10\.md:7:12  错误：字符“\uF8FF”（U\+F8FF）/);
    expect(c.stderr).toMatch(/issues\/001\/10\.md:9:8  错误：字符“\uE000”（U\+E000）/);
  });

  it('check reports a configured file that is not a font', () => {
    const dir = series('fonts:\n  body: myfonts/fang.otf', { 'myfonts/fang.otf': '这不是字体文件' });
    const c = runCli(['check'], dir);
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/myfonts\/fang\.otf  错误：不是可用的正文（仿宋）字体文件/);
  });
});
