/**
 * `check --fix` rules on the text itself: what is changed, and what must never be (URLs,
 * times, decimals, code, front matter keys, English), and how the file is written back.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixesFor, applyFixes } from '../../src/check/fix-text.js';
import { writeFixed } from '../../src/check/fix-files.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadSourceFile } from '../../src/sources/load.js';
import { CRASH, runGuarded } from '../helpers/guarded.js';
import { assertCliBuilt, cleanupTemp, issueYaml, makeSeries, tempDir } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

function fixed(text: string): { out: string; file: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'item.md');
  fs.writeFileSync(file, text);
  const src = loadSourceFile(file, dir, new Diagnostics())!;
  return { out: applyFixes(src.text, fixesFor(src)), file, dir };
}

const FRONT = '---\nsection: 高校动态\n---\n\n';

describe('check --fix', () => {
  test('half-width punctuation between Chinese, English quotes and date zeros are fixed', () => {
    const { out } = fixed(`${FRONT}## 学校召开会议(第一次)\n\n会议于2024年04月05日召开,部署工作;强调"三个坚持":一是?二是!\n`);
    expect(out).toBe(`${FRONT}## 学校召开会议（第一次）\n\n会议于2024年4月5日召开，部署工作；强调“三个坚持”：一是？二是！\n`);
  });

  test('URLs, times, decimals, inline code, fenced code, link targets and English stay as written', () => {
    const body = [
      '详见https://example.com/a,b;c?x=1!y(z)网站，或www.jxedu.gov.cn/a,b页面。',
      '会议08:30开始，比例3.5,完成率98.5%。',
      '命令`a,b;c:d`不改，链接[通知](https://x.cn/通知,一)不改。',
      'He said "hello", then left (quietly).',
      '```',
      '代码,不改:"是"',
      '```',
      '',
    ].join('\n');
    const { out } = fixed(FRONT + body);
    expect(out).toBe(FRONT + body);
  });

  test('front matter: keys and structure untouched, printed values fixed', () => {
    const { out } = fixed('---\nsection: 经验交流\ntitle: 多措并举,精准发力\nsubtitle: "——赣州市经验材料"\n---\n\n正文。\n');
    expect(out).toBe('---\nsection: 经验交流\ntitle: 多措并举，精准发力\nsubtitle: "——赣州市经验材料"\n---\n\n正文。\n');
  });

  test('an odd quote is left for the editor; pairs of brackets change together', () => {
    const { out } = fixed(`${FRONT}他说"好,就这样。(见附件1)\n秘书处(联席会议),由“办公室”:负责\n`);
    expect(out).toBe(`${FRONT}他说"好，就这样。（见附件1）\n秘书处（联席会议），由“办公室”：负责\n`);
  });

  test('CRLF and a UTF-8 BOM are kept; a GBK file is written back as UTF-8 with a BOM', () => {
    const dir = tempDir();
    const crlf = path.join(dir, 'crlf.md');
    fs.writeFileSync(crlf, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${FRONT}正文,测试。\n`.replace(/\n/g, '\r\n'))]));
    const gbk = path.join(dir, 'gbk.md');
    fs.writeFileSync(gbk, iconv.encode(`${FRONT}正文,测试。\n`, 'gbk'));
    for (const f of [crlf, gbk]) {
      const src = loadSourceFile(f, dir, new Diagnostics())!;
      const r = writeFixed(f, path.basename(f), src.text, fixesFor(src));
      expect(r).toEqual(f === gbk ? { written: true, reencodedFrom: 'GBK' } : { written: true });
    }
    expect(fs.readFileSync(crlf).toString('utf8')).toBe(`\uFEFF${FRONT}正文，测试。\n`.replace(/\n/g, '\r\n'));
    expect(fs.readFileSync(gbk).toString('utf8')).toBe(`\uFEFF${FRONT}正文，测试。\n`);
    expect(fs.readdirSync(dir).sort()).toEqual(['crlf.md', 'gbk.md']);
  });
});

describe('check --fix never changes what the text means', () => {
  test('URLs with Chinese paths and queries, <autolinks>, reference definitions and bare domain/路径 stay; prose beside them is fixed', () => {
    const body = [
      '会议通知,详见 https://www.jx.gov.cn/新闻/通知,公告?类别=一,二 页面。',
      '或者打开<https://x.cn/路径,一;二>查看,谢谢。',
      '网址是jxedu.gov.cn/资料/文件,汇编，请下载。',
      '见[附件][fj]说明。',
      '',
      '[fj]: https://x.cn/附件,一 "标题,二"',
      '',
    ].join('\n');
    const { out } = fixed(FRONT + body);
    expect(out).toBe(FRONT + body.replace('会议通知,详见', '会议通知，详见').replace('查看,谢谢', '查看，谢谢'));
  });

  test('code stays: an indented block, a span over two lines, inline <code>', () => {
    const body = [
      '正文一。',
      '',
      '    缩进代码,不改:"是"',
      '',
      '命令`a,',
      '中,文`结束,好。',
      '',
      '标签<code>中,文</code>也不改。',
      '',
    ].join('\n');
    const { out } = fixed(FRONT + body);
    expect(out).toBe(FRONT + body.replace('结束,好', '结束，好'));
  });

  test('English apostrophes and inch marks are no quotes: Let\'s and 15.6"和17" stay', () => {
    const body = "Let's 讨论 it's 中文。屏幕有15.6\"和17\"两种,都好。他说'好'。\n";
    const { out } = fixed(FRONT + body);
    expect(out).toBe(FRONT + body.replace('两种,都好', '两种，都好').replace("说'好'", '说‘好’'));
  });
});

describe('check --fix keeps every byte it does not fix', () => {
  function run(files: Record<string, Uint8Array | string>): { dir: string; r: ReturnType<typeof runGuarded> } {
    const dir = makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-08'), ...files });
    return { dir, r: runGuarded(['check', '--fix'], dir) };
  }

  test('each line keeps its own ending: mixed LF/CRLF, and CR only', () => {
    const mixed = `${FRONT}## 标题\r\n\r\n正文,一。\n正文,二。\r\n正文,三。\n`;
    const cr = `${FRONT}## 标题\n\n正文,四。\n`.replace(/\n/g, '\r');
    const { dir, r } = run({ 'issues/001/a.md': mixed, 'issues/001/b.md': cr });
    expect(r.all).not.toMatch(CRASH);
    expect(r.code, r.all).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'issues/001/a.md'), 'utf8')).toBe(mixed.replace(/正文,/g, '正文，'));
    expect(fs.readFileSync(path.join(dir, 'issues/001/b.md'), 'utf8')).toBe(cr.replace('正文,', '正文，'));
  });

  test('a GBK name inside a UTF-8 file: the file is not rewritten, the bytes stay, check says where', () => {
    // Enough UTF-8 Chinese around it that the file reads as UTF-8 with four bad bytes, not as GBK.
    const bytes = Buffer.concat([
      Buffer.from(`${FRONT}## 标题\n\n联系人`),
      iconv.encode('张', 'gbk'),
      Buffer.from('。会议,部署。赣南师范大学召开协同提质工作推进会，总结第一阶段工作，部署下一阶段任务。\n'),
    ]);
    const { dir, r } = run({ 'issues/001/a.md': bytes });
    expect(r.all).not.toMatch(CRASH);
    expect(r.code, r.all).toBe(1);
    expect(r.all).toMatch(/issues\/001\/a\.md  文件里有 \d+ 个无法识别的字节（见下面的错误），改写会丢掉它们，所以没有自动改正这个文件/);
    expect(r.all).toMatch(/issues\/001\/a\.md:7:4  错误：这里有一个无法识别的字节/);
    expect(fs.readFileSync(path.join(dir, 'issues/001/a.md')).equals(bytes)).toBe(true);
  });

  test('U+000B and U+000C beside a fixable mark: exit 1 with the places, the file unchanged', () => {
    const text = `${FRONT}## 标题\n\n正文,内容\u000b,还有\u000c;\n`;
    const { dir, r } = run({ 'issues/001/a.md': text });
    expect(r.all).not.toMatch(CRASH);
    expect(r.code, r.all).toBe(1);
    expect(r.all).toMatch(/issues\/001\/a\.md  文件里有看不见的控制字符/);
    expect(r.all).toMatch(/issues\/001\/a\.md:7:6  错误：这里有一个看不见的控制字符（U\+000B）/);
    expect(fs.readFileSync(path.join(dir, 'issues/001/a.md'), 'utf8')).toBe(text);
  });
});
