/**
 * Issue 24 as a clerk meets it on the command line:
 * - `contents:` in bulletin.yaml, overridden by issue.yaml; a wrong value is refused at its line;
 * - a contents box that cannot fit page 1: with `always`, `check` and `build` refuse at the
 *   `contents:` line (exit 1); under `auto` the issue is built without it and both say why;
 * - `build --preprinted` (and `preprinted: true`) writes （套打） PDF and DOCX without the red
 *   masthead, and no web edition unless asked, which then comes out whole; `--no-preprinted`
 *   overrides the series; `archive` keeps the whole masthead whatever the series says.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { needs, why } from '../helpers/clients.js';
import { redPixels } from '../helpers/pdf-pixels.js';
import { readPdf } from '../helpers/pdf-text.js';
import {
  assertCliBuilt,
  bulletinYaml,
  cleanupTemp,
  copySeries,
  issueYaml,
  makeSeries,
  newsItem,
  runCli,
  SAMPLE,
} from '../helpers/series.js';

afterAll(cleanupTemp);
beforeAll(assertCliBuilt);

const squeeze = (s: string): string => s.replace(/[\s\u3000]+/g, '');
const listed = (dir: string): string[] =>
  fs
    .readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort();
const page1 = async (file: string): Promise<string> =>
  squeeze((await readPdf(new Uint8Array(fs.readFileSync(file)))).pages[0]!.lines.map((l) => l.text).join(''));
const SERIES_LINE = '江西省高校与县域基础教育协同提质行动';

/** A series with one issue of `items` news items in 省级动态, each body `bodyChars` long. */
function newsSeries(items: number, bodyChars: number, issueExtra = '', seriesExtra = ''): string {
  const files: Record<string, string> = {
    'bulletin.yaml': bulletinYaml(seriesExtra),
    'issues/001/issue.yaml': issueYaml(1, '2024-05-20', issueExtra),
  };
  for (let i = 1; i <= items; i++) {
    files[`issues/001/${String(i).padStart(2, '0')}.md`] = newsItem('省级动态', `第${i}条动态的标题`, `${'正文'.repeat(bodyChars / 2)}。`);
  }
  return makeSeries(files);
}

describe('contents: in bulletin.yaml and issue.yaml', () => {
  test('the issue says always where the series says never: the box is printed', async () => {
    const dir = newsSeries(3, 20, 'contents: always', 'contents: never');
    const r = runCli(['build', '--format', 'pdf', '--out', 'out'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(await page1(path.join(dir, 'out', '工作动态第1期.pdf'))).toContain(
      '本期要目【省级动态】★第1条动态的标题★第2条动态的标题★第3条动态的标题',
    );
    const never = newsSeries(3, 20, 'contents: never', 'contents: always');
    expect(runCli(['build', '--format', 'pdf', '--out', 'out'], never).code).toBe(0);
    expect(await page1(path.join(never, 'out', '工作动态第1期.pdf'))).not.toContain('本期要目');
  });

  test('a value other than auto, always, never is refused at its line, exit 1', () => {
    const dir = newsSeries(3, 20, '', 'contents: sometimes');
    const r = runCli(['check'], dir);
    expect(r.code).toBe(1);
    const line = bulletinYaml('contents: sometimes').split('\n').indexOf('contents: sometimes') + 1;
    expect(r.lines.some((l) => l.startsWith(`bulletin.yaml:${line}:`) && l.includes('contents') && l.includes('auto'))).toBe(true);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('a contents box page 1 cannot hold', () => {
  // 16 items: the title's line and 16 headlines are 17 lines; page 1 has 15 under the masthead.
  test('contents: always — check and build refuse at the contents: line, exit 1, nothing written', () => {
    const dir = newsSeries(16, 20, 'contents: always');
    for (const args of [['check'], ['build', '--out', 'out']]) {
      const r = runCli(args, dir);
      expect(r.code, r.stderr).toBe(1);
      const msg = r.lines.find((l) => l.startsWith('issues/001/issue.yaml:3:'));
      expect(msg, r.lines.join('\n')).toBeDefined();
      expect(msg).toContain('错误');
      expect(msg).toMatch(/本期要目要 17 行.*只有 15 行/);
      expect(msg).toContain('contents');
    }
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('contents: auto — built without the box, and check and build say why', async () => {
    const dir = newsSeries(16, 160);
    const c = runCli(['check'], dir);
    expect(c.code, c.stderr).toBe(0);
    expect(c.lines.some((l) => l.startsWith('issues/001/issue.yaml') && l.includes('警告') && l.includes('本期不印要目'))).toBe(true);
    const b = runCli(['build', '--format', 'pdf', '--out', 'out'], dir);
    expect(b.code, b.stderr).toBe(0);
    expect(b.lines.some((l) => l.includes('本期不印要目'))).toBe(true);
    const pdf = await readPdf(new Uint8Array(fs.readFileSync(path.join(dir, 'out', '工作动态第1期.pdf'))));
    // Long enough for the box (4 pages or more), too many headlines for page 1.
    expect(pdf.pages.length).toBeGreaterThanOrEqual(4);
    expect(pdf.pages.some((p) => p.lines.some((l) => l.text.includes('本期要目')))).toBe(false);
  });
});

const poppler = needs('poppler');

poppler.describe(`build --preprinted${why(poppler)}`, () => {
  test('writes （套打） PDF and DOCX only, page 1 without a red pixel, and says what it left out', async () => {
    const dir = copySeries(SAMPLE);
    const r = runCli(['build', '9', '--preprinted', '--out', 'out'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(listed(path.join(dir, 'out'))).toEqual(['工作动态第9期（套打）.docx', '工作动态第9期（套打）.pdf']);
    expect(r.stderr).toMatch(/套打：PDF 和 DOCX 不印红色系列名、简报名称和报头红线/);
    const pdf = new Uint8Array(fs.readFileSync(path.join(dir, 'out', '工作动态第9期（套打）.pdf')));
    expect(redPixels(pdf)).toBe(0);
    const text = await page1(path.join(dir, 'out', '工作动态第9期（套打）.pdf'));
    // The label is the first thing printed; the series line and the name are on the paper.
    expect(text.startsWith('第9期省协同提质行动工作领导小组办公室2024年4月24日本期要目')).toBe(true);
  });

  test('the web edition, when asked for, comes out whole under its own name, with a word why', async () => {
    const dir = copySeries(SAMPLE);
    const r = runCli(['build', '9', '--preprinted', '--format', 'pdf,html', '--out', 'out'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(listed(path.join(dir, 'out'))).toEqual(['工作动态第9期.html', '工作动态第9期（套打）.pdf']);
    expect(r.stderr).toContain('网页版不在纸上印，没有套打之分，照常生成完整的报头');
    expect(fs.readFileSync(path.join(dir, 'out', '工作动态第9期.html'), 'utf8')).toContain(SERIES_LINE);
  });

  test('preprinted: true in bulletin.yaml does the same; --no-preprinted builds the whole masthead once', async () => {
    const dir = copySeries(SAMPLE);
    fs.appendFileSync(path.join(dir, 'bulletin.yaml'), '\npreprinted: true\n');
    expect(runCli(['build', '9', '--out', 'pre'], dir).code).toBe(0);
    expect(listed(path.join(dir, 'pre'))).toEqual(['工作动态第9期（套打）.docx', '工作动态第9期（套打）.pdf']);
    expect(redPixels(new Uint8Array(fs.readFileSync(path.join(dir, 'pre', '工作动态第9期（套打）.pdf'))))).toBe(0);
    const r = runCli(['build', '9', '--no-preprinted', '--format', 'pdf', '--out', 'whole'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(listed(path.join(dir, 'whole'))).toEqual(['工作动态第9期.pdf']);
    expect(redPixels(new Uint8Array(fs.readFileSync(path.join(dir, 'whole', '工作动态第9期.pdf'))))).toBeGreaterThan(2000);
  });

  test('archive keeps the whole masthead when the series prints on preprinted paper', async () => {
    const dir = copySeries(SAMPLE);
    fs.appendFileSync(path.join(dir, 'bulletin.yaml'), '\npreprinted: true\n');
    const r = runCli(['archive'], dir);
    expect(r.code, r.stderr).toBe(0);
    const pdfs: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.pdf')) pdfs.push(p);
      }
    };
    walk(path.join(dir, 'archive'));
    expect(pdfs.map((p) => path.basename(p))).toEqual(['工作动态第9期.pdf']);
    expect(redPixels(new Uint8Array(fs.readFileSync(pdfs[0]!)))).toBeGreaterThan(2000);
    expect(await page1(pdfs[0]!)).toContain(SERIES_LINE);
  });
});
