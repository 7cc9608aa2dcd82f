/**
 * Merged table cells from Word (issue 22): a two-level header (单位 and 备注 down two rows,
 * 派出人数 across two columns), 九江学院 down three rows and 合计 across two columns, made with
 * python-docx (gridSpan / vMerge) and, as an old .doc, through LibreOffice. Import writes them
 * in the sources' table syntax (^ and ||); the bulletin prints them merged: once in the PDF,
 * as one cell in LibreOffice's rendering of the DOCX (gridSpan / vMerge in its XML), and with
 * rowspan / colspan in the web edition, measured in chromium.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { clientPath, needs } from '../helpers/clients.js';
import { paragraphsOf, partsOf, textOf } from '../helpers/docx-build.js';
import { docxToPdf, pdfLines } from '../helpers/libreoffice.js';
import { validateOoxml } from '../helpers/ooxml-validate.js';
import { readPdf, type PdfItem } from '../helpers/pdf-text.js';
import { assertCliBuilt, BIN, cleanupTemp, copySeries, REPO, runCli, tempDir } from '../helpers/series.js';

const MAKE = path.join(REPO, 'test', 'import', 'make-submissions.py');
const python = clientPath('python-docx');
const clients = needs('python-docx', 'libreoffice', 'poppler');
const missing = clients.missing;
const noBrowser = needs('chromium').missing;

const ARTICLE = '九江学院经验材料.docx';
const TABLE = [
  '| 单位 | 派出人数 || 备注 |',
  '| - | - | - | - |',
  '| ^ | 教师 | 学生 | ^ |',
  '| 九江学院 | 12 | 30 | 首批 |',
  '| ^ | 8 | 20 | 第二批 |',
  '| ^ | 6 | 16 | 第三批 |',
  '| 合计 || 92 | 另有　2名志愿者 |',
].join('\n');

/** Whether the pixel at (x, y) points of a PDF page, rendered in grey at 288 dpi, is dark. */
function darkPixels(pdf: string, page: number): (x: number, y: number) => boolean {
  const r = spawnSync('pdftoppm', ['-gray', '-r', '288', '-f', String(page), '-l', String(page), pdf], { maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  const pgm = r.stdout as Buffer;
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'))!;
  const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
  return (x, y) => {
    const [px, py] = [Math.round(x * 4), Math.round(y * 4)];
    return px >= 0 && py >= 0 && px < width && py < height && pgm[offset + py * width + px]! < 128;
  };
}

/** The first position from `from` to `to` (points, in steps of a quarter) where `hit` holds. */
function scan(from: number, to: number, hit: (at: number) => boolean): number | undefined {
  for (let at = from; at <= to; at += 0.25) if (hit(at)) return at;
  return undefined;
}

let series: string;
let out: string;
const stdout = new Map<string, string>();
const items: string[] = [];

/** A .doc as Word 97–2003 saves it: LibreOffice writes it from an .odt of the python-docx file (its direct .docx → .doc export drops python-docx's tables). */
function legacyDoc(docx: string, dir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-lo-profile-'));
  try {
    const convert = (input: string, to: string): void => {
      const r = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', dir, input],
        { encoding: 'utf8', timeout: 120_000 },
      );
      if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    };
    fs.copyFileSync(docx, path.join(dir, 'article.docx'));
    convert(path.join(dir, 'article.docx'), 'odt');
    convert(path.join(dir, 'article.odt'), 'doc');
    return path.join(dir, 'article.doc');
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

describe.skipIf(Boolean(missing))('merged cells from Word to every edition', () => {
  beforeAll(() => {
    assertCliBuilt();
    const subm = tempDir('bulletin-merged-');
    const made = spawnSync(python!, [MAKE, subm], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(made.stderr);
    const doc = path.join(subm, '九江学院经验材料（旧版）.doc');
    fs.copyFileSync(legacyDoc(path.join(subm, ARTICLE), tempDir()), doc);
    series = copySeries(REPO);
    expect(runCli(['new', '--date', '2024-05-20'], series).code).toBe(0);
    for (const f of [ARTICLE, doc]) {
      const r = runCli(['import', path.resolve(subm, f), '--section', '经验交流'], series);
      expect(r.code, r.stderr).toBe(0);
      stdout.set(path.basename(f), r.stdout);
    }
    // The .doc's article is the same text: keep one of the two for the build.
    items.push(...['40-九江学院.md', '40-九江学院-2.md'].map((f) => fs.readFileSync(path.join(series, 'issues/010', f), 'utf8')));
    fs.rmSync(path.join(series, 'issues/010/40-九江学院-2.md'));
    out = tempDir('bulletin-merged-out-');
    const b = spawnSync(process.execPath, [BIN, 'build', '10', '--out', out], { cwd: series, encoding: 'utf8', timeout: 180_000 });
    if (b.status !== 0) throw new Error(b.stderr);
  }, 300_000);
  afterAll(cleanupTemp);

  test('import writes the merges in the table syntax, from the .docx and from the .doc alike; a cell’s two paragraphs stay apart', () => {
    expect(stdout.get('九江学院经验材料（旧版）.doc')).toContain('已用 LibreOffice 转换为 .docx 再导入');
    expect(stdout.get('九江学院经验材料（旧版）.doc')).toContain('→ issues/010/40-九江学院-2.md');
    for (const item of items) expect(item).toContain(`\n${TABLE}\n`);
  });

  test('the PDF prints each merged cell’s text once, centred over the columns it spans, rows of even height', async () => {
    const pdf = await readPdf(new Uint8Array(fs.readFileSync(path.join(out, '工作动态第10期.pdf'))));
    const items = pdf.pages.flatMap((p) => p.lines.flatMap((l) => l.items.map((i) => ({ ...i, page: p.number }))));
    const all = (text: string): Array<PdfItem & { page: number }> => items.filter((i) => i.text.replace(/\s/g, '') === text);
    for (const t of ['九江学院', '合计', '派出人数', '单位', '备注']) expect(all(t), t).toHaveLength(1);
    const one = (t: string): PdfItem => all(t)[0]!;
    // 派出人数 heads the 教师 and 学生 columns together: its centre is between theirs.
    const centre = (i: PdfItem): number => i.x + i.width / 2;
    const between = (centre(one('教师')) + centre(one('学生'))) / 2;
    expect(Math.abs(centre(one('派出人数')) - between)).toBeLessThan(3);
    // The three rows 九江学院 spans are as tall as the others (pdfmake 0.3.11 made the last one taller).
    const ys = ['首批', '第二批', '第三批', '92'].map((t) => one(t).y);
    const steps = ys.slice(1).map((y, i) => y - ys[i]!);
    for (const s of steps) expect(s).toBeCloseTo(steps[0]!, 1);
    // Nothing is repeated into the cells a merge covers.
    expect(all('12')).toHaveLength(1);
    // No rule crosses a merged cell: read from the page's pixels (pdftoppm, 4 px a point).
    const page = all('九江学院')[0]!.page;
    const dark = darkPixels(path.join(out, '工作动态第10期.pdf'), page);
    const mid = (i: PdfItem): number => i.y - i.size / 2;
    // The rule under the 首批 row: under 12 it is drawn, under 九江学院 (merged down) it is not.
    const ruleY = scan(one('首批').y, one('第二批').y - one('第二批').size, (y) => dark(centre(one('12')), y));
    expect(ruleY, 'rule under the 首批 row').toBeDefined();
    expect(dark(centre(one('首批')), ruleY!)).toBe(true);
    expect(dark(one('九江学院').x + one('九江学院').size, ruleY!)).toBe(false);
    // The rule right of 九江学院's column: drawn in its row, not through 合计 (merged across).
    const ruleX = scan(one('九江学院').x + one('九江学院').width + 1, one('12').x - 1, (x) => dark(x, mid(one('首批'))));
    expect(ruleX, 'rule right of the first column').toBeDefined();
    expect(dark(ruleX!, mid(one('合计')))).toBe(false);
  });

  test('the DOCX merges with gridSpan and vMerge, and LibreOffice draws each merged cell once', () => {
    const docx = new Uint8Array(fs.readFileSync(path.join(out, '工作动态第10期.docx')));
    const xml = partsOf(docx).xml('word/document.xml');
    const table = /<w:tbl>(?:(?!<w:tbl>)[\s\S])*?派出人数[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    const rows = [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) =>
      [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => c[0]),
    );
    const cell = (tc: string): string => {
      const span = /<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1];
      const merge = /<w:vMerge w:val="(\w+)"\/>/.exec(tc)?.[1];
      return [textOf(paragraphsOf(tc).join('')), span && `span${span}`, merge].filter(Boolean).join(' ');
    };
    expect(rows.map((r) => r.map(cell))).toEqual([
      ['单位 restart', '派出人数 span2', '备注 restart'],
      ['continue', '教师', '学生', 'continue'],
      ['九江学院 restart', '12', '30', '首批'],
      ['continue', '8', '20', '第二批'],
      ['continue', '6', '16', '第三批'],
      ['合计 span2', '92', '另有　2名志愿者'],
    ]);
    // The head's two rows repeat on a new page.
    expect(rows.length).toBe(6);
    expect([...table.matchAll(/<w:tblHeader\/>/g)]).toHaveLength(2);
    // Nothing Word would offer to repair (the Open XML SDK's schema validation).
    expect(validateOoxml(path.join(out, '工作动态第10期.docx')).map((e) => `${e.path.xpath}: ${e.description}`)).toEqual([]);
    const lines = pdfLines(docxToPdf(docx)).flatMap((p) => p.lines);
    const words = (t: string): number => lines.filter((l) => l.text.split(' ').includes(t)).length;
    for (const t of ['九江学院', '合计', '派出人数']) expect(words(t), t).toBe(1);
    const box = (t: string) => lines.find((l) => l.text.split(' ').includes(t))!;
    const mid = (l: { xMin: number; xMax: number }): number => (l.xMin + l.xMax) / 2;
    // LibreOffice sets 派出人数 (a centred head) in the middle of the two columns it spans.
    expect(Math.abs(mid(box('派出人数')) - (mid(box('教师')) + mid(box('学生'))) / 2)).toBeLessThan(3);
  }, 180_000);

  describe.skipIf(Boolean(noBrowser))('the web edition in chromium', () => {
    test('rowspan and colspan on the merged cells; 九江学院’s cell as tall as its three rows, 派出人数 as wide as its two columns', async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`file://${path.join(out, '工作动态第10期.html')}`);
        const got = await page.evaluate(() => {
          const table = Array.from(document.querySelectorAll('table')).find((t) => t.textContent!.includes('派出人数'))!;
          const cell = (text: string): HTMLTableCellElement =>
            Array.from(table.querySelectorAll('th, td')).find((c) => c.textContent!.trim() === text) as HTMLTableCellElement;
          const rect = (text: string): DOMRect => cell(text).getBoundingClientRect();
          return {
            spans: ['单位', '派出人数', '备注', '九江学院', '合计'].map((t) => [t, cell(t).tagName, cell(t).rowSpan, cell(t).colSpan]),
            headRows: table.tHead!.rows.length,
            cellsPerRow: Array.from(table.rows).map((r) => r.cells.length),
            merged: { height: rect('九江学院').height, rows: rect('首批').height + rect('第二批').height + rect('第三批').height },
            head: { width: rect('派出人数').width, cols: rect('教师').width + rect('学生').width },
          };
        });
        expect(got.spans).toEqual([
          ['单位', 'TH', 2, 1],
          ['派出人数', 'TH', 1, 2],
          ['备注', 'TH', 2, 1],
          ['九江学院', 'TD', 3, 1],
          ['合计', 'TD', 1, 2],
        ]);
        expect(got.headRows).toBe(2);
        expect(got.cellsPerRow).toEqual([3, 2, 4, 3, 3, 3]);
        expect(Math.abs(got.merged.height - got.merged.rows)).toBeLessThan(3);
        expect(Math.abs(got.head.width - got.head.cols)).toBeLessThan(3);
      } finally {
        await browser.close();
      }
    }, 60_000);
  });
});
