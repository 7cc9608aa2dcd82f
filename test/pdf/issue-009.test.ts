/**
 * 第9期, the real bulletin: complete text in order, the grid (28 × 22), the masthead, the
 * end block and the page numbers where the spec puts them, metadata, outline, and the same
 * bytes on a second build.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { mastheadLines, MASTHEAD, GRID } from '../../src/layout/spec.js';
import type { Issue } from '../../src/model/types.js';
import { renderPdf } from '../helpers/render-format.js';
import { GEOM, bodyLines, expectKinsoku, isPageNumber, modelText, pdfText, renderAndRead, type Rendered } from '../helpers/pdf-render.js';
import { requireModel, SAMPLE } from '../helpers/series.js';

let issue: Issue;
const isHead = (t: string): boolean => t.startsWith('【');
let r: Rendered;

beforeAll(async () => {
  issue = requireModel(SAMPLE, '9');
  r = await renderAndRead(issue);
});

describe('第9期 PDF', () => {
  test('the text comes out complete and in reading order', () => {
    // 第9期 runs to 9 pages: `contents: auto` prints the contents box under the masthead.
    expect(pdfText(r.pdf)).toBe(modelText(issue, { contents: true }));
    expect(pdfText(r.pdf)).not.toMatch(/\uFFFD/);
  });

  test('every font is embedded as a subset; the log names the font of each role', () => {
    expect(r.pdf.fonts.length).toBeGreaterThan(0);
    for (const f of r.pdf.fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
      expect(f.missingFile).toBe(false);
    }
    expect(r.log).toContain('字体：正文（仿宋） → FandolFang-Regular.otf（随附）');
  });

  test('masthead on page 1, on whole grid lines, closed within the top part of the page', () => {
    const p1 = r.pdf.pages[0];
    const find = (t: string) => p1.lines.find((l) => l.text.replace(/\s/g, '') === t);
    const series = find(issue.masthead.seriesLine)!;
    const name = find(issue.masthead.name)!;
    const label = find(issue.masthead.label)!;
    const pub = p1.lines.find((l) => l.text.startsWith(issue.masthead.publisher))!;
    expect([series, name, label, pub].every(Boolean)).toBe(true);
    expect(series.y).toBeLessThan(name.y);
    expect(name.y).toBeLessThan(label.y);
    expect(label.y).toBeLessThan(pub.y);
    expect(pub.y).toBeLessThan(GEOM.pageHeight * 0.4);
    // Centred lines, the publisher flush left and the date flush right.
    for (const l of [series, name, label]) expect(Math.abs((l.x + l.right) / 2 - (GEOM.left + GEOM.right) / 2)).toBeLessThan(1);
    expect(pub.x).toBeCloseTo(GEOM.left, 1);
    expect(pub.right).toBeCloseTo(GEOM.right, 0);
    expect(pub.text).toContain(issue.masthead.date);
    // The body starts on the grid line after the masthead.
    const first = p1.lines.find((l) => l.y > pub.y)!;
    const firstTop = GEOM.top + mastheadLines(false) * GEOM.pitch;
    expect(first.y - first.items[0].size * 0.88).toBeCloseTo(firstTop, 1); // 黑体's ascender: 0.88 em
    // No masthead on later pages.
    for (const p of r.pdf.pages.slice(1))
      expect(p.lines.some((l) => l.text.includes(issue.masthead.name) && l.items[0].size > 30)).toBe(false);
    expect(MASTHEAD.name.sizePt).toBeGreaterThan(30);
  });

  test('body lines sit on the grid: one pitch apart, 22 on a full page', () => {
    let fullPages = 0;
    for (const p of r.pdf.pages.slice(1, -1)) {
      const lines = bodyLines(p);
      for (let i = 1; i < lines.length; i++) {
        // Whole grid lines apart: the same line positions as a page of plain text.
        const steps = (lines[i].y - lines[i - 1].y) / GEOM.pitch;
        expect(steps).toBeGreaterThan(0.999);
        expect(Math.abs(steps - Math.round(steps))).toBeLessThan(0.002);
      }
      const firstAtTop = lines[0].y - GEOM.top < GEOM.pitch;
      if (firstAtTop && lines.length === p.lines.filter((l) => !isPageNumber(l)).length) {
        // 22 lines, or 21 where widow and orphan control carried a line over (spec §11).
        expect(lines.length).toBeLessThanOrEqual(GRID.lines);
        expect(lines.length).toBeGreaterThanOrEqual(GRID.lines - 1);
        if (lines.length === GRID.lines) fullPages++;
      }
    }
    expect(fullPages).toBeGreaterThanOrEqual(3);
  });

  // Full lines on the grid, glyph by glyph (28 cells, a hung closing mark): test/pdf/grid-cells.test.ts.

  test('no line starts with closing punctuation nor ends with opening punctuation; —— and …… stay whole', () => {
    expect(expectKinsoku(r.pdf.pages, isHead)).toBeGreaterThan(100);
  });

  test('page numbers — N — about 7 mm below the block, odd flush right and even flush left, one character in', () => {
    for (const p of r.pdf.pages) {
      const n = p.lines.filter(isPageNumber);
      expect(n, `page ${p.number}`).toHaveLength(1);
      const l = n[0];
      expect(l.text.replace(/\s/g, '')).toBe(`—${p.number}—`);
      const top = l.y - 0.8 * GEOM.pageNumberSize; // FandolSong's ascender is 0.8 em
      expect(top - GEOM.bottom).toBeGreaterThan(18);
      expect(top - GEOM.bottom).toBeLessThan(22);
      if (p.number % 2 === 1) expect(l.right).toBeCloseTo(GEOM.right - GEOM.pageNumberSize, 0);
      else expect(l.x).toBeCloseTo(GEOM.left + GEOM.pageNumberSize, 0);
    }
  });

  test('the end block closes the last page: last line on the bottom grid line, print line 1 char in each side', () => {
    const last = r.pdf.pages.at(-1)!;
    const lines = last.lines.filter((l) => !isPageNumber(l));
    const printLine = lines.at(-1)!;
    expect(printLine.text.replace(/\s/g, '')).toBe(`${issue.endBlock.printer}${issue.endBlock.printDate}`);
    expect(printLine.y).toBeGreaterThan(GEOM.bottom - GEOM.pitch);
    expect(printLine.y).toBeLessThan(GEOM.bottom);
    expect(printLine.x).toBeCloseTo(GEOM.left + GEOM.endSize, 1);
    expect(printLine.right).toBeCloseTo(GEOM.right - GEOM.endSize, 0);
    const bao = lines.find((l) => l.text.startsWith('报：'))!;
    expect(bao.x).toBeCloseTo(GEOM.left + GEOM.endSize, 1);
    expect(bao.items[0].size).toBeCloseTo(GEOM.endSize, 1);
    // 送： wraps: its second line hangs after the colon.
    const song = lines.findIndex((l) => l.text.startsWith('送：'));
    const wrapped = lines[song + 1];
    expect(wrapped.x).toBeCloseTo(GEOM.left + 3 * GEOM.endSize, 1);
  });

  test('metadata, outline and reproducible bytes', async () => {
    expect(r.pdf.info.Title).toBe('工作动态 第9期');
    expect(r.pdf.info.Author).toBe(issue.meta.author);
    expect(r.pdf.info.Creator).toBe('bulletin');
    expect(r.pdf.info.Producer).toBe('bulletin');
    expect(r.pdf.info.CreationDate).toBe('D:20240424000000Z');
    const sec = r.pdf.outline.find((o) => o.title === '【经验交流】')!;
    expect(sec.items.map((i) => i.title)).toEqual(issue.sections[0].entries.map((e) => (e.kind === 'article' ? e.title : e.leadText)));
    const { bytes: again, pages } = await renderPdf(issue, { log: () => undefined });
    expect(pages).toBe(r.pdf.pages.length);
    expect(Buffer.compare(Buffer.from(again), Buffer.from(r.bytes))).toBe(0);
  });
});
