/**
 * `bulletin volume`: the year's bound volume (合订本) as one PDF — a cover, a 目录 and every
 * issue's pages as they were issued — read back with pdfjs (bookmarks, page labels) and poppler
 * (text and images page by page), for the repo's own series and a fixture year of twelve issues,
 * some issued and archived with the real commands, one issued after the last archive run, one
 * archived by an older bulletin (no contents record), the rest drafts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/archive/manifest.js';
import { assertCliBuilt, cleanupTemp, copySeries, REPO, runCli, tempDir, type CliResult } from '../helpers/series.js';
import { paragraphsOf, partsOf, textOf } from '../helpers/docx-build.js';
import { headline, makeVolumeYear } from './fixture.js';
import { contentsEntries, internalLinks, letters, pageImages, pageTexts, readVolume, type VolumeRead } from './read-volume.js';

const SLOW = 240_000;
const YEAR = Array.from({ length: 12 }, (_, i) => i + 2);
/** Issued before the archive run: their pages come from the archive. */
const ARCHIVED = [3, 4, 6, 9];
/** Issued after it: built from its record, as `build` does. */
const RECORDED = 12;

const run = (dir: string, ...args: string[]): CliResult => runCli(args, dir, SLOW);

function manifestOf(dir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dir, 'archive', 'manifest.json'), 'utf8')) as Manifest;
}

function archivedPdf(dir: string, n: number): string {
  const entry = manifestOf(dir).issues.find((i) => i.number === n)!;
  return path.join(dir, 'archive', entry.files.find((f) => f.format === 'pdf')!.path);
}

/** The first file page of each issue, from the volume's bookmarks (第N期（…）). */
function issueStarts(read: VolumeRead): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of read.outline) {
    const n = /^第(\d+)期/.exec(m.title)?.[1];
    if (n) out.set(Number(n), m.page);
  }
  return out;
}

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

describe('a year of twelve issues, some issued and archived, some drafts', () => {
  let dir: string;
  let pdf: string;
  let result: CliResult;
  let read: VolumeRead;
  let texts: string[];
  /** Each issue's own PDF and its pages. */
  const own = new Map<number, { file: string; pages: number }>();

  beforeAll(async () => {
    dir = makeVolumeYear();
    for (const n of ARCHIVED) expect(run(dir, 'issue', String(n), '--date', `2024-${String(n - 1).padStart(2, '0')}-11`).code).toBe(0);
    const a = run(dir, 'archive');
    expect(a.code, a.stderr).toBe(0);
    expect(run(dir, 'issue', String(RECORDED), '--date', '2024-11-11').code).toBe(0);
    // 第6期 as an older bulletin archived it: no record of where its parts begin.
    const m = manifestOf(dir);
    delete m.issues.find((i) => i.number === 6)!.contents;
    fs.writeFileSync(path.join(dir, 'archive', 'manifest.json'), `${JSON.stringify(m, null, 2)}\n`);

    result = run(dir, 'volume', '2024');
    expect(result.code, result.stderr).toBe(0);
    pdf = path.join(dir, 'dist', '工作动态2024年合订本.pdf');
    read = await readVolume(pdf);
    texts = pageTexts(pdf);
    // What each issue is on its own: the archived PDF of an issued one; for a draft, the PDF the
    // archive run built of it then — what build makes, from the same sources and settings.
    for (const n of YEAR) own.set(n, { file: archivedPdf(dir, n), pages: pageTexts(archivedPdf(dir, n)).length });
  }, SLOW * 2);

  it("page count = cover + 目录 + the sum of the issues' pages; the viewer numbers the issues' pages 1 … N", () => {
    const labels = read.labels!;
    expect(labels).not.toBeNull();
    const cover = labels.filter((l) => l === '封面').length;
    const contents = labels.filter((l) => l.startsWith('目录')).length;
    const issuePages = YEAR.reduce((sum, n) => sum + own.get(n)!.pages, 0);
    expect(cover).toBe(1);
    expect(contents).toBeGreaterThanOrEqual(1);
    expect(read.pages).toBe(cover + contents + issuePages);
    expect(labels.slice(0, cover + contents)).toEqual([
      '封面',
      ...(contents === 1 ? ['目录'] : Array.from({ length: contents }, (_, i) => `目录${i + 1}`)),
    ]);
    expect(labels.slice(cover + contents)).toEqual(Array.from({ length: issuePages }, (_, i) => String(i + 1)));
    // The issues in order, each starting where the ones before it end.
    let at = cover + contents + 1;
    const starts = issueStarts(read);
    for (const n of YEAR) {
      expect(starts.get(n), `第${n}期`).toBe(at);
      at += own.get(n)!.pages;
    }
    // Issues outside the year are not bound in.
    expect(starts.has(1) || starts.has(14)).toBe(false);
  });

  it('every 目录 line names the page its headline is on, and the 目录 lists every item in order', async () => {
    const labels = read.labels!;
    const front = labels.findIndex((l) => /^\d+$/.test(l));
    const entries = await contentsEntries(pdf, 2, front);
    const text = (label: number): string => letters(texts[front + label - 1]!);
    for (const e of entries) {
      const head = e.text.replace(/^★/, '').replace(/（\d{4}年\d+月\d+日）$/, '');
      expect(text(e.page), `“${e.text}” on page ${e.page}`).toContain(head.slice(0, 14));
    }
    // Every issue, and every item of it, in the order bound.
    const items = entries.map((e) => e.text);
    const expected = YEAR.flatMap((n) => [
      `第${n}期（`,
      ...[1, 2, 3, 4].filter((k) => k < 4 || n === 4).map((k) => `★${letters(headline(n, k))}`),
    ]);
    const found = items.filter((t) => expected.some((x) => t.startsWith(x)));
    expect(found.map((t) => expected.find((x) => t.startsWith(x)))).toEqual(expected);
    // 第6期: its note, its columns and its article, from the archived PDF's own bookmarks.
    const six = items.slice(
      items.findIndex((t) => t.startsWith('第6期（')),
      items.findIndex((t) => t.startsWith('第7期（')),
    );
    expect(six).toEqual([
      '第6期（2024年5月10日）',
      '关于本期专题的说明',
      '【省级动态】',
      `★${letters(headline(6, 1))}`,
      '【高校动态】',
      `★${letters(headline(6, 2))}`,
      `★${letters(headline(6, 3))}`,
      '【经验交流】',
      '第6期经验交流：组团帮扶促提升',
    ]);
    // Not every part on the issue's first page: the pages come from where each part begins.
    expect(new Set(entries.map((e) => e.page)).size).toBeGreaterThan(YEAR.length);
  });

  it("each issue's pages carry the same text and images as its archived PDF (issued) or its build (drafts)", () => {
    const starts = issueStarts(read);
    const images = pageImages(pdf, read.pages);
    let pictures = 0;
    for (const n of YEAR) {
      const { file, pages } = own.get(n)!;
      const theirs = pageTexts(file);
      const theirImages = pageImages(file, pages);
      for (let k = 0; k < pages; k++) {
        const at = starts.get(n)! - 1 + k;
        expect(texts[at], `第${n}期 page ${k + 1}`).toBe(theirs[k]);
        expect(images[at], `第${n}期 page ${k + 1} images`).toEqual(theirImages[k]);
        pictures += theirImages[k]!.length;
      }
    }
    // 第4期's picture was compared, not skipped.
    expect(pictures).toBeGreaterThanOrEqual(1);
  });

  it('the cover names the series, the bulletin, the year, the issues it holds and the publisher, in that order', () => {
    const cover = letters(texts[0]!);
    const said = [
      '江西省高校与县域基础教育协同提质行动',
      '工作动态',
      '2024年合订本',
      '第2期至第13期，共12期',
      '省协同提质行动工作领导小组办公室',
    ];
    const at = said.map((t) => cover.indexOf(t));
    expect(
      at.every((i) => i >= 0),
      cover,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("the 目录 DOCX holds the PDF 目录's lines with the same page numbers, each number after a dotted tab", async () => {
    const front = read.labels!.findIndex((l) => /^\d+$/.test(l));
    const printed = await contentsEntries(pdf, 2, front);
    const xml = partsOf(new Uint8Array(fs.readFileSync(path.join(dir, 'dist', '工作动态2024年合订本目录.docx')))).xml('word/document.xml');
    const paragraphs = paragraphsOf(xml).filter((p) => p.includes('<w:tab/>'));
    const lines = paragraphs.map((p) => {
      const [text, page] = p.split('<w:tab/>');
      return { text: letters(textOf(text!)), page: Number(textOf(page!)) };
    });
    // Each issue: its line, two columns, three items at least.
    expect(printed.length).toBeGreaterThanOrEqual(12 * 6);
    expect(lines).toEqual(printed);
    expect(textOf(paragraphsOf(xml)[0]!)).toMatch(/^目\s*录$/);
    expect(paragraphs.every((p) => /<w:tab w:val="right"[^>]*w:leader="middleDot"/.test(p))).toBe(true);
  });

  it('bookmarks: the cover, the 目录, then every issue with its columns and items, each opening its page', () => {
    expect(read.outline.slice(0, 2).map((m) => [m.title, m.page])).toEqual([
      ['封面', 1],
      ['目录', 2],
    ]);
    const issues = read.outline.slice(2);
    expect(issues.map((m) => m.title)).toEqual(YEAR.map((n) => `第${n}期（2024年${n - 1}月10日）`));
    for (const [i, m] of issues.entries()) {
      const n = YEAR[i]!;
      const columns = m.items.map((c) => c.title);
      expect(columns).toContain('【省级动态】');
      for (const column of m.items) {
        for (const item of column.items)
          expect(letters(texts[item.page - 1]!), `${item.title} (第${n}期)`).toContain(letters(item.title).slice(0, 14));
      }
      expect(m.items.flatMap((c) => c.items.map((x) => x.title))).toEqual(
        expect.arrayContaining([headline(n, 1), headline(n, 2), headline(n, 3)]),
      );
    }
  });

  it('says on the terminal which issues are built now, and shows its progress', () => {
    expect(result.stderr).toContain('第2期（issues/002）还没有印发，按现在的稿件生成');
    expect(result.stderr).toMatch(/第12期（issues\/012）已于 2024-11-11 印发，但存档（archive\/）中还没有印发的文件，按印发记录生成/);
    expect(result.stderr).not.toMatch(/第[3469]期（issues/);
    expect(result.stderr).toContain('[12/12]');
    expect(result.stdout).toMatch(/已生成 dist\/工作动态2024年合订本\.pdf（12 期；封面 1 页、目录 \d+ 页、正文 \d+ 页，共 \d+ 页/);
    expect(result.stdout).toContain('已生成 dist/工作动态2024年合订本目录.docx');
  });

  it(
    'the same issues give the same bytes',
    () => {
      const r = run(dir, 'volume', '2024', '--out', 'again');
      expect(r.code, r.stderr).toBe(0);
      for (const name of ['工作动态2024年合订本.pdf', '工作动态2024年合订本目录.docx']) {
        expect(fs.readFileSync(path.join(dir, 'again', name)).equals(fs.readFileSync(path.join(dir, 'dist', name))), name).toBe(true);
      }
    },
    SLOW,
  );

  describe('what stops it, located, with exit 1 and nothing written', () => {
    let copy: string;
    const fresh = (): string => {
      copy = tempDir('bulletin-volume-copy-');
      fs.cpSync(dir, copy, { recursive: true });
      fs.rmSync(path.join(copy, 'dist'), { recursive: true, force: true });
      return copy;
    };
    const refused = (r: CliResult, pattern: RegExp): void => {
      expect(r.code, `${r.stdout}${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/内部错误|at .*\.js/);
      expect(fs.existsSync(path.join(copy, 'dist', '工作动态2024年合订本.pdf'))).toBe(false);
    };

    it('a span with no issue names what the series holds', () => {
      fresh();
      refused(
        run(copy, 'volume', '2030'),
        /错误：2030年没有任何一期，没有生成合订本。系列中的各期在 2023年12月15日（第1期）至 2025年1月10日（第14期）之间/,
      );
      refused(run(copy, 'volume', '--from', '8', '--to', '3'), /错误：--from 8 在 --to 3 之后/);
      refused(
        run(copy, 'volume', '--from', '2030-01-01', '--to', '2030-06-30'),
        /错误：所选期间（--from 2030-01-01 --to 2030-06-30）没有任何一期/,
      );
      refused(run(copy, 'volume', '--from', '2024-13-01'), /--from 的日期 2024-13-01 不存在/);
      refused(run(copy, 'volume', '--from', '99'), /--from 99：找不到“99”这一期/);
    });

    it('a year that is not a year', () => {
      fresh();
      refused(run(copy, 'volume', '24'), /错误：年份“24”不对，请写四位年份，如 bulletin volume 2024/);
      refused(run(copy, 'volume', '二〇二四'), /错误：年份“二〇二四”不对/);
    });

    it('a missing archive: an archived PDF gone, or --archive naming a folder that holds no archive', () => {
      fresh();
      const file = archivedPdf(copy, 9);
      fs.rmSync(file);
      const shown = path.relative(copy, file).split(path.sep).join('/');
      refused(
        run(copy, 'volume', '2024'),
        new RegExp(
          `${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  错误：存档文件不见了（清单中第9期印发的 PDF）。请从备份或 git 历史（存档分支）恢复它.*也可以运行 bulletin archive`,
        ),
      );
      // A folder typed by hand that is not there, or not an archive, is said, not taken as an empty archive.
      refused(
        run(copy, 'volume', '2024', '--archive', '存档'),
        /错误：--archive 存档：这个文件夹不存在。请写 bulletin archive 写出存档的文件夹（默认为系列下的 archive\/）/,
      );
      fs.mkdirSync(path.join(copy, '存档'));
      refused(
        run(copy, 'volume', '2024', '--archive', '存档'),
        /错误：--archive 存档：这个文件夹里没有存档清单 manifest\.json，不是 bulletin archive 写出的存档/,
      );
    });

    it('an issue missing in the middle is named at the issue after it; --allow-gaps binds the rest', () => {
      fresh();
      fs.rmSync(path.join(copy, 'issues', '007'), { recursive: true });
      refused(run(copy, 'volume', '2024'), /issues\/008\/issue\.yaml  错误：第6期（issues\/006）和第8期之间缺少第7期/);
      const r = run(copy, 'volume', '--from', '5', '--to', '9', '--allow-gaps');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('工作动态第5期至第9期合订本.pdf（4 期；');
    });

    it('an archived PDF changed since it was archived: which file, and how to restore it', () => {
      fresh();
      const file = archivedPdf(copy, 4);
      const bytes = fs.readFileSync(file);
      bytes[bytes.length - 100] ^= 1;
      fs.writeFileSync(file, bytes);
      const shown = path.relative(copy, file).split(path.sep).join('/');
      refused(
        run(copy, 'volume', '2024'),
        new RegExp(
          `${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  错误：已印发（2024-03-11）的存档文件被改动过：与清单中的 SHA-256 不符。请从备份或 git 历史（存档分支）恢复它`,
        ),
      );
      // Grown (or cut short) is found from its size, before it is read.
      fs.writeFileSync(file, Buffer.concat([bytes, Buffer.from('\n%%EOF\n')]));
      refused(
        run(copy, 'volume', '2024'),
        new RegExp(`${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  错误：已印发（2024-03-11）的存档文件被改动过`),
      );
    });

    it('a damaged manifest or issue record is named with how to restore it', () => {
      fresh();
      const m = manifestOf(copy);
      m.issues.find((i) => i.number === 3)!.contents!.find((c) => c.text === '【省级动态】')!.page = 99;
      fs.writeFileSync(path.join(copy, 'archive', 'manifest.json'), JSON.stringify(m));
      refused(run(copy, 'volume', '2024'), /archive\/manifest\.json  错误：清单中第3期的“【省级动态】”在第 99 页，而 PDF 只有 \d 页/);
      fs.writeFileSync(path.join(copy, 'archive', 'manifest.json'), `${JSON.stringify(manifestOf(dir), null, 2)}\n`);
      const record = path.join(copy, 'issues', '003', 'issued.json');
      fs.writeFileSync(record, fs.readFileSync(record, 'utf8').replace('"issued": "2024-02-11"', '"issued": "2024-02-12"'));
      refused(
        run(copy, 'volume', '2024'),
        /issues\/003\/issued\.json  错误：印发记录与存档时不同.*请从版本库或备份恢复这个文件；确要改动已印发的这一期，运行 bulletin archive --reissue 3/,
      );
      fs.writeFileSync(path.join(copy, 'archive', 'manifest.json'), '{"series": 1}');
      refused(run(copy, 'volume', '2024'), /archive\/manifest\.json  错误：格式不对：.*请从备份恢复它/);
      fs.rmSync(path.join(copy, 'archive'), { recursive: true });
      fs.writeFileSync(path.join(copy, 'issues', '009', 'issued.json'), '{');
      refused(run(copy, 'volume', '2024'), /issues\/009\/issued\.json  错误：不是有效的 JSON.*请从版本库或备份恢复它/);
    });

    it(
      '--archive finds an archive kept in another folder',
      () => {
        fresh();
        fs.renameSync(path.join(copy, 'archive'), path.join(copy, '存档'));
        const elsewhere = run(copy, 'volume', '--from', '3', '--to', '4', '--archive', '存档');
        expect(elsewhere.code, elsewhere.stderr).toBe(0);
        expect(elsewhere.stderr).not.toContain('按印发记录生成');
        expect(elsewhere.stderr).toContain('合订本：2 期，2 期取自存档。');
        // Without it, the issued issues are not in archive/: built from their records, and said so.
        const here = run(copy, 'volume', '--from', '3', '--to', '4', '--out', 'again');
        expect(here.code, here.stderr).toBe(0);
        expect(here.stderr).toMatch(/第3期（issues\/003）已于 2024-02-11 印发，但存档（archive\/）中还没有印发的文件，按印发记录生成/);
      },
      SLOW,
    );

    it(
      'never replaces a file bulletin did not write',
      () => {
        fresh();
        fs.mkdirSync(path.join(copy, 'dist'));
        const mine = path.join(copy, 'dist', '工作动态2024年合订本目录.docx');
        fs.writeFileSync(mine, '科室自己的目录');
        const r = run(copy, 'volume', '2024');
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/dist\/工作动态2024年合订本目录\.docx  错误：这个文件已经存在，不是 bulletin 写出的/);
        expect(fs.readFileSync(mine, 'utf8')).toBe('科室自己的目录');
        expect(fs.existsSync(path.join(copy, 'dist', '工作动态2024年合订本.pdf'))).toBe(false);
      },
      SLOW,
    );
  });
});

describe("the repo's own series", () => {
  it(
    'binds 第9期 behind a cover and a 目录 whose every line names the right page',
    async () => {
      const dir = copySeries(REPO);
      const r = run(dir, 'volume');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('提示：没有写年份，按最新一期的年份装订 2024 年的各期');
      const built = tempDir('bulletin-volume-built-');
      expect(run(dir, 'build', '9', '--format', 'pdf', '--out', built).code).toBe(0);
      const own = pageTexts(path.join(built, '工作动态第9期.pdf'));
      const pdf = path.join(dir, 'dist', '工作动态2024年合订本.pdf');
      const read = await readVolume(pdf);
      const texts = pageTexts(pdf);
      const front = read.labels!.indexOf('1');
      expect(read.labels!.slice(0, front)).toEqual(['封面', '目录']);
      expect(read.pages).toBe(2 + own.length);
      expect(texts.slice(front)).toEqual(own);
      const entries = await contentsEntries(pdf, 2, front);
      expect(entries.map((e) => e.text)).toEqual([
        '第9期（2024年4月24日）',
        '关于增设“经验交流”专栏的说明',
        '【经验交流】',
        '多措并举谋协同，精准发力促提质',
        '四县三方强协同，融合创新双提升',
      ]);
      for (const e of entries) expect(letters(texts[front + e.page - 1]!), e.text).toContain(e.text.replace(/（.*$/, '').slice(0, 12));
      expect(new Set(entries.map((e) => e.page)).size).toBeGreaterThan(1);
      expect(read.outline.map((m) => m.title)).toEqual(['封面', '目录', '第9期（2024年4月24日）']);
      // The contents box of 第9期 still opens its items' pages: the issue's own links, as pdfjs
      // reads them, each moved by the front matter's pages.
      const ownLinks = await internalLinks(path.join(built, '工作动态第9期.pdf'));
      expect(ownLinks.length).toBeGreaterThanOrEqual(2);
      const volumeLinks = (await internalLinks(pdf)).filter((l) => l.page > front);
      expect(volumeLinks).toEqual(ownLinks.map((l) => ({ ...l, page: l.page + front, to: l.to + front })));
    },
    SLOW,
  );
});
