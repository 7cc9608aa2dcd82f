/**
 * Bad sources that must each end in a clear word: images that cannot be used, Markdown the
 * layout does not support. Each case is asserted on the message the clerk reads and on the
 * text staying in the issue (nothing dropped without a word).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, blockRuns, buildModel, cleanupTemp, issueYaml, makeSeries, newsItem, runCli, text } from '../helpers/series.js';

/** A real PNG of the given size, one colour, so that image headers and data are valid. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer): number => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function seriesWithItem(body: string, extra: Record<string, string | Buffer> = {}): string {
  return makeSeries({
    'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
    'issues/001/10.md': newsItem('高校动态', '某大学召开推进会', body),
    ...extra,
  });
}

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

describe('images', () => {
  const cases: Array<[string, string, Record<string, string | Buffer>, RegExp]> = [
    ['missing file', '![现场](images/none.png)', {}, /找不到图片“images\/none\.png”/],
    ['outside the series', '![现场](../../../etc/x.png)', {}, /在简报系列文件夹之外/],
    ['absolute path', '![现场](/tmp/x.png)', {}, /绝对路径/],
    ['Windows absolute path', '![现场](C:/照片/x.png)', {}, /绝对路径/],
    ['remote URL, never fetched', '![现场](https://example.com/x.png)', {}, /网络地址/],
    [
      'unsupported format',
      '![现场](images/x.gif)',
      { 'issues/001/images/x.gif': Buffer.from('GIF89a\x01\x00\x01\x00') },
      /不是 PNG 或 JPEG/,
    ],
    [
      'corrupt image',
      '![现场](images/x.png)',
      { 'issues/001/images/x.png': Buffer.concat([png(4, 4).subarray(0, 12), Buffer.from('truncated')]) },
      /已损坏/,
    ],
  ];
  for (const [name, md, files, message] of cases) {
    it(`${name}: error at the image's line`, () => {
      const dir = seriesWithItem(`正文第一句。\n\n${md}`, files);
      const m = buildModel(dir);
      expect(m.issue).toBeUndefined();
      const e = m.errors.find((d) => d.rule === 'image');
      expect(e?.message).toMatch(message);
      expect(e?.file).toBe('issues/001/10.md');
      expect(e?.line).toBe(9);
      const r = runCli(['check'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`issues/001/10\\.md:9:1  错误：.*${message.source}`));
    });
  }

  it('a huge image is scaled to the text width, not refused', () => {
    const dir = seriesWithItem('正文第一句。\n\n![大图](images/big.png)', { 'issues/001/images/big.png': png(6000, 4000) });
    const m = buildModel(dir);
    expect(m.errors).toEqual([]);
    const r = runCli(['build', '--format', 'pdf'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.statSync(path.join(dir, 'dist', '工作动态第1期.pdf')).size).toBeGreaterThan(1000);
  });
});

describe('Markdown the layout does not support', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['code block', '```\n代码里的文字\n```', '代码里的文字', /代码块/],
    ['raw HTML block', '<div>网页里的文字</div>', '网页里的文字', /HTML/],
    ['inline HTML', '正文里有<span>标记文字</span>。', '标记文字', /HTML/],
    ['footnote', '正文[^1]。\n\n[^1]: 注释的文字', '注释的文字', /脚注/],
    ['strikethrough', '正文~~删去的字~~。', '删去的字', /删除线/],
  ];
  for (const [name, md, kept, message] of cases) {
    it(`${name}: printed plainly with a warning`, () => {
      const dir = seriesWithItem(`正文第一句。\n\n${md}`);
      const m = buildModel(dir);
      expect(m.errors).toEqual([]);
      expect(m.warnings.map((w) => w.message).join('\n')).toMatch(message);
      const item = m.issue!.sections[0]!.entries[0]!;
      expect(item.kind).toBe('news');
      expect(text(blockRuns(item.kind === 'news' ? item.body : []))).toContain(kept);
    });
  }

  it('a heading deeper than four levels in an article: printed at level 4 with a warning', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/40.md': '---\nsection: 经验交流\ntitle: 文章标题\n---\n\n## 一、一级\n\n###### 第五层标题\n\n正文。\n',
    });
    const m = buildModel(dir);
    expect(m.errors).toEqual([]);
    const w = m.warnings.find((d) => d.rule === 'heading-too-deep');
    expect(w?.line).toBe(8);
    const article = m.issue!.sections[0]!.entries[0]!;
    const heading =
      article.kind === 'article' ? article.blocks.find((b) => b.type === 'heading' && text(b.runs) === '第五层标题') : undefined;
    expect(heading && heading.type === 'heading' ? heading.level : 0).toBe(4);
  });

  it('a thematic break is reported, not silently dropped', () => {
    const m = buildModel(seriesWithItem('第一段。\n\n---\n\n第二段。'));
    expect(m.warnings.some((w) => /分隔线/.test(w.message))).toBe(true);
  });
});

describe('text pasted from the web', () => {
  it('zero-width spaces, BOMs and soft hyphens are dropped and no-break spaces become spaces, so the build does not stop', () => {
    const dir = seriesWithItem('正文\u200b第一句\ufeff，协同\u00ad提质\u00a0行动。');
    const m = buildModel(dir);
    const item = m.issue!.sections[0]!.entries[0]!;
    expect(text(blockRuns(item.kind === 'news' ? item.body : []))).toBe('正文第一句，协同提质 行动。');
    const r = runCli(['build', '--format', 'pdf'], dir);
    expect(r.code, r.stderr).toBe(0);
  });
});
