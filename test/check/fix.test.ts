/**
 * `check --fix` rules on the text itself: what is changed, and what must never be (URLs,
 * times, decimals, code, front matter keys, English), and how the file is written back.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, test } from 'vitest';
import { fixesFor, applyFixes } from '../../src/check/fix-text.js';
import { writeFixed } from '../../src/check/fix-files.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadSourceFile } from '../../src/sources/load.js';
import { cleanupTemp, tempDir } from '../helpers/series.js';

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
      const r = writeFixed(f, src.text, fixesFor(src));
      expect(r.reencodedFrom).toBe(f === gbk ? 'GBK' : undefined);
    }
    expect(fs.readFileSync(crlf).toString('utf8')).toBe(`\uFEFF${FRONT}正文，测试。\n`.replace(/\n/g, '\r\n'));
    expect(fs.readFileSync(gbk).toString('utf8')).toBe(`\uFEFF${FRONT}正文，测试。\n`);
    expect(fs.readdirSync(dir).sort()).toEqual(['crlf.md', 'gbk.md']);
  });
});
