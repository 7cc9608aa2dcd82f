/**
 * `bulletin archive` as CI runs it: every issue built into archive/<year>/, a manifest with
 * hashes and page counts, an offline index, skips by content hash, and --verify catching drift.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Manifest } from '../../src/archive/manifest.js';
import { normaliseText, readPdf } from '../helpers/pdf-text.js';
import { assertCliBuilt, cleanupTemp, REPO, runCli } from '../helpers/series.js';
import { filesUnder, makeArchiveSeries, sha } from '../helpers/archive-series.js';

/** Changes an image's bytes, keeping it a valid PNG: a tEXt chunk before IEND. */
function withTextChunk(file: string): void {
  const png = fs.readFileSync(file);
  const iend = png.length - 12;
  const data = Buffer.from('Comment\0changed', 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(zlib.crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  fs.writeFileSync(file, Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]));
}

function manifest(dir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dir, 'archive', 'manifest.json'), 'utf8'));
}

function archive(dir: string, ...args: string[]): ReturnType<typeof runCli> {
  return runCli(['archive', ...args], dir);
}

function builtCount(r: ReturnType<typeof runCli>): number {
  return Number(/生成 (\d+) 期/.exec(r.stdout)?.[1] ?? NaN);
}

describe('bulletin archive', () => {
  let dir: string;
  let first: ReturnType<typeof manifest>;

  beforeAll(() => {
    assertCliBuilt();
    dir = makeArchiveSeries();
    const r = archive(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(builtCount(r)).toBe(2);
    first = manifest(dir);
  });
  afterAll(cleanupTemp);

  it('writes every issue, PDF, DOCX and web edition, by year and label', () => {
    const files = first.issues.flatMap((i) => i.files.map((f) => f.path)).sort();
    // <year>/<stem>/<content id>/<stem>.<ext>: a rebuild goes to a new folder, never over a listed file.
    expect(files.map((f) => f.replace(/\/[0-9a-f]{12}\//, '/*/'))).toEqual([
      '2024/工作动态第1期/*/工作动态第1期.docx',
      '2024/工作动态第1期/*/工作动态第1期.html',
      '2024/工作动态第1期/*/工作动态第1期.pdf',
      '2024/工作动态第2期/*/工作动态第2期.docx',
      '2024/工作动态第2期/*/工作动态第2期.html',
      '2024/工作动态第2期/*/工作动态第2期.pdf',
    ]);
    for (const f of files) expect(fs.existsSync(path.join(dir, 'archive', f))).toBe(true);
  });

  it('the manifest describes each issue and each file truly', async () => {
    expect(first.name).toBe('工作动态');
    const [one, two] = first.issues;
    expect(one).toMatchObject({
      number: 1,
      label: '第1期',
      totalLabel: '总第21期',
      date: '2024-05-08',
      printDate: '2024-05-09',
      source: 'issues/001',
    });
    expect(one!.sections).toEqual([
      { name: '省级动态', items: 2 },
      { name: '高校动态', items: 1 },
      { name: '市县动态', items: 1 },
      { name: '经验交流', items: 1 },
    ]);
    expect(one!.articles).toEqual(['组团帮扶促提升，协同发展见实效']);
    expect(two).toMatchObject({ number: 2, label: '第2期', note: '关于增设“经验交流”专栏的说明' });
    expect(two!.articles).toEqual(['多措并举谋协同，精准发力促提质', '四县三方强协同，融合创新双提升']);
    for (const issue of first.issues) {
      for (const f of issue.files) {
        const abs = path.join(dir, 'archive', f.path);
        expect(f.size).toBe(fs.statSync(abs).size);
        expect(f.sha256).toBe(sha(abs));
      }
      const pdf = issue.files.find((f) => f.format === 'pdf')!;
      const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(path.join(dir, 'archive', pdf.path))) }).promise;
      expect(pdf.pages).toBe(doc.numPages);
      await doc.destroy();
    }
  });

  it('the manifest records the page of the PDF where the note, each column and each item begin', async () => {
    for (const issue of first.issues) {
      const contents = issue.contents ?? [];
      // The parts in reading order, as the manifest's own summary counts them.
      const expected = [
        ...(issue.note ? [['note', issue.note]] : []),
        ...issue.sections.flatMap((s) => [
          ['section', `【${s.name}】`],
          ...(issue.items ?? [])
            .filter((it) => it.section === s.name)
            .map((it) => [issue.articles.includes(it.title) ? 'article' : 'news', it.title]),
        ]),
      ];
      expect(contents.map((c) => [c.kind, c.text])).toEqual(expected);
      const pdf = issue.files.find((f) => f.format === 'pdf')!;
      const read = await readPdf(new Uint8Array(fs.readFileSync(path.join(dir, 'archive', pdf.path))));
      const pageText = (n: number): string => normaliseText(read.pages[n - 1]!.lines.map((l) => l.text).join(''));
      for (const c of contents)
        expect(pageText(c.page), `${issue.label} ${c.text} on page ${c.page}`).toContain(normaliseText(c.text).slice(0, 12));
      // Not all on the first page: the record says where each begins.
      expect(new Set(contents.map((c) => c.page)).size).toBeGreaterThan(1);
    }
  });

  it('index.html lists the issues by year, and its links resolve to files that exist', () => {
    const html = fs.readFileSync(path.join(dir, 'archive', 'index.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<h2>2024年</h2>');
    expect(html).toContain('第1期');
    expect(html).toContain('第2期');
    // Links of the page itself (the search script builds its own from the same data).
    const hrefs = [...html.replace(/<script>[\s\S]*?<\/script>/g, '').matchAll(/href="([^"]+)"/g)].map((m) =>
      decodeURI(m[1]!).replace(/#.*$/, ''),
    );
    // Every archived file is linked, and every link (items link into their issue) resolves.
    expect(new Set(hrefs)).toEqual(new Set(first.issues.flatMap((i) => i.files.map((f) => `./${f.path}`))));
    for (const h of hrefs) expect(fs.existsSync(path.join(dir, 'archive', h))).toBe(true);
  });

  it('index.html lists every item with its headline and unit', () => {
    const html = fs.readFileSync(path.join(dir, 'archive', 'index.html'), 'utf8');
    const items = first.issues.flatMap((i) => i.items ?? []);
    expect(items.length).toBeGreaterThan(3);
    for (const it of items) {
      expect(html).toContain(it.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
      if (it.unit) expect(html).toContain(`（${it.unit}）`);
    }
  });

  it('skips every issue when nothing changed, and touches no file', () => {
    const pdf = path.join(dir, 'archive', first.issues[0]!.files.find((f) => f.format === 'pdf')!.path);
    const before = fs.statSync(pdf).mtimeMs;
    const r = archive(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(builtCount(r)).toBe(0);
    expect(r.stdout).toMatch(/跳过 2 期/);
    expect(fs.statSync(pdf).mtimeMs).toBe(before);
    expect(manifest(dir)).toEqual(first);
  });

  const rebuilds: Array<[string, (d: string) => void, number[]]> = [
    ['an item', (d) => fs.appendFileSync(path.join(d, 'issues', '002', '20-赣南师范大学.md'), '\n补充一句。\n'), [2]],
    ['an image', (d) => withTextChunk(path.join(d, 'issues', '001', 'images', 'meeting.png')), [1]],
    ['issue.yaml', (d) => fs.appendFileSync(path.join(d, 'issues', '001', 'issue.yaml'), 'copies: 99\n'), [1]],
    ['bulletin.yaml', (d) => fs.appendFileSync(path.join(d, 'bulletin.yaml'), 'endBlockOnEvenPage: false\n'), [1, 2]],
  ];
  for (const [what, change, expected] of rebuilds) {
    it(`rebuilds exactly the issues a change to ${what} concerns`, () => {
      const before = manifest(dir);
      change(dir);
      const r = archive(dir);
      expect(r.code, r.stderr).toBe(0);
      expect(builtCount(r)).toBe(expected.length);
      const after = manifest(dir);
      const changed = after.issues.filter((i, k) => i.inputHash !== before.issues[k]!.inputHash).map((i) => i.number);
      expect(changed).toEqual(expected);
      // The replaced files are gone; the folder holds exactly what the manifest lists.
      const listed = after.issues.flatMap((i) => i.files.map((f) => f.path));
      expect(filesUnder(path.join(dir, 'archive'))).toEqual([...listed, 'index.html', 'manifest.json'].sort());
    });
  }

  it('rebuilds when a configured font file changes', () => {
    fs.mkdirSync(path.join(dir, 'myfonts'), { recursive: true });
    fs.copyFileSync(path.join(REPO, 'fonts', 'FandolKai-Regular.otf'), path.join(dir, 'myfonts', 'kai.otf'));
    fs.appendFileSync(path.join(dir, 'bulletin.yaml'), 'fonts:\n  kai: myfonts/kai.otf\n');
    expect(archive(dir).code).toBe(0);
    const before = manifest(dir);
    // Another valid face under the same name: only the font's bytes changed.
    fs.copyFileSync(path.join(REPO, 'fonts', 'FandolFang-Regular.otf'), path.join(dir, 'myfonts', 'kai.otf'));
    const r = archive(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(builtCount(r)).toBe(2);
    expect(manifest(dir).issues.map((i) => i.inputHash)).not.toEqual(before.issues.map((i) => i.inputHash));
  });

  it('--verify passes on an intact archive', () => {
    const r = archive(dir, '--verify');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/存档核对通过：6 个文件/);
  });

  it('--verify catches a tampered file, names it, and exits 1', () => {
    const rel = manifest(dir).issues[1]!.files.find((f) => f.format === 'docx')!.path;
    const target = path.join(dir, 'archive', rel);
    const good = fs.readFileSync(target);
    fs.appendFileSync(target, 'x');
    try {
      const r = archive(dir, '--verify');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`archive/${rel}  错误：存档文件与清单中的 SHA-256 不符`);
      expect(r.stderr).toMatch(/存档核对未通过/);
    } finally {
      fs.writeFileSync(target, good);
    }
  });

  it('--verify catches sources that no longer produce the archived file', () => {
    const src = path.join(dir, 'issues', '001', '10-province.md');
    const good = fs.readFileSync(src);
    fs.appendFileSync(src, '\n这一句在存档之后才加上。\n');
    try {
      const r = archive(dir, '--verify');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/2024\/工作动态第1期\/[0-9a-f]{12}\/工作动态第1期\.pdf  错误：按现在的稿件重新生成的文件与存档不同/);
    } finally {
      fs.writeFileSync(src, good);
    }
  });

  it('a broken issue fails the run but keeps its previous archived files', () => {
    const src = path.join(dir, 'issues', '001', '10-province.md');
    const good = fs.readFileSync(src);
    fs.writeFileSync(src, '---\nsection: 不存在的栏目\n---\n\n## 标题\n\n正文。\n');
    try {
      const r = archive(dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/issues\/001\/10-province\.md:2:1  错误：没有“不存在的栏目”这个栏目/);
      const m = manifest(dir);
      expect(m.issues.map((i) => i.number)).toEqual([1, 2]);
      for (const f of m.issues[0]!.files) expect(sha(path.join(dir, 'archive', f.path))).toBe(f.sha256);
    } finally {
      fs.writeFileSync(src, good);
    }
  });
});

describe('archive output in CI and on a terminal', () => {
  afterAll(cleanupTemp);
  it('prints plain progress lines without a terminal', () => {
    const dir = makeArchiveSeries();
    const r = runCli(['archive', '--out', 'out'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/存档：需要生成 2 期/);
    expect(r.stderr).toMatch(/\[1\/2\] 第\d期/);
    expect(r.stderr).toMatch(/\[2\/2\] 第\d期/);
    expect(fs.existsSync(path.join(dir, 'out', 'manifest.json'))).toBe(true);
  });
});
