/**
 * The contents box (本期要目, issue 24) in the PDF, read back with pdfjs:
 * - page 1 holds 本期要目 and every column head and headline in reading order, right under
 *   the masthead (第9期, the mixed fixture, and the news fixture whose 13 items fill page 1);
 * - the box stays on the grid: from the box's title down, every line of page 1 stands on a
 *   grid line of the later pages (read back from them: the first under the 37 mm top margin,
 *   22 filling 225 mm at most 28.95 pt apart); the box moves page 1's body by whole grid lines
 *   of the spec's pitch, its lines follow at that pitch, and its frame takes whole grid lines;
 * - `contents: auto` prints it from 4 pages (counted without the box) and 2 items, exactly:
 *   3 pages or 1 item, no box; `always` and `never` as they say;
 * - each line of the box links to the page where its item begins.
 * The expected texts come from the model, the geometry from the spec's numbers.
 */
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { paginate } from '../../src/layout/paginate.js';
import type { ContentsSetting, Issue } from '../../src/model/types.js';
import { composeIssue } from '../../src/render-issue.js';
import { pagedIssue } from '../helpers/paged-issue.js';
import { contentsText, horizontalRules, isPageNumber, renderAndRead, type Rendered } from '../helpers/pdf-render.js';
import { normaliseText, type PdfLine, type PdfPage } from '../helpers/pdf-text.js';
import { FIXTURES, requireModel, SAMPLE } from '../helpers/series.js';

const MM = 72 / 25.4;
const TOP = 37 * MM;
const PITCH = (225 * MM) / 22;
/** 三号 (spec §1): 16 pt glyphs, tightened to the 15.79 pt cell. */
const BODY_SIZE = 16;
/** Baselines agree to a fiftieth of a point. */
const TOL = 0.02;

const squeeze = normaliseText;
const isBody = (l: PdfLine): boolean => !isPageNumber(l) && l.items.every((i) => Math.abs(i.size - BODY_SIZE) < 0.05);

/** The masthead's text as printed, then the box's: page 1 reads them in this order. */
function page1Start(issue: Issue): string {
  const m = issue.masthead;
  return squeeze(
    [m.classification ?? '', m.seriesLine, m.name, m.label, m.totalLabel ?? '', m.publisher, m.date].join('') + contentsText(issue),
  );
}

const text = (p: PdfPage): string =>
  squeeze(
    p.lines
      .filter((l) => !isPageNumber(l))
      .map((l) => l.text)
      .join(''),
  );

describe('the contents box on page 1', () => {
  const cases = {
    sample: (): Issue => requireModel(SAMPLE, '9'),
    mixed: (): Issue => requireModel(path.join(FIXTURES, 'mixed')),
    news: (): Issue => requireModel(path.join(FIXTURES, 'news')),
  };
  const built: Record<string, { issue: Issue; r: Rendered }> = {};

  beforeAll(async () => {
    for (const [k, make] of Object.entries(cases)) {
      const issue = make();
      built[k] = { issue, r: await renderAndRead(issue) };
    }
  }, 120_000);

  for (const key of Object.keys(cases)) {
    test(`${key}: page 1 holds 本期要目 and every column head and headline, in order, under the masthead`, () => {
      const { issue, r } = built[key]!;
      const page1 = text(r.pdf.pages[0]!);
      expect(page1.startsWith(page1Start(issue))).toBe(true);
      // Nowhere else: the box is printed once.
      expect(r.pdf.pages.filter((p) => text(p).includes('本期要目'))).toHaveLength(1);
      // One line a headline (none of these wraps), each headline whole on its line.
      const headlines = issue.sections.flatMap((s) => s.entries.map((e) => (e.kind === 'news' ? e.leadText.replace(/。$/, '') : e.title)));
      const lines = r.pdf.pages[0]!.lines.map((l) => squeeze(l.text));
      for (const h of headlines)
        expect(
          lines.some((l) => l.endsWith(squeeze(h))),
          h,
        ).toBe(true);
    });
  }

  test('news: 13 headlines fill page 1 under the masthead; the body begins at the top of page 2', () => {
    const { issue, r } = built.news!;
    const p1 = r.pdf.pages[0]!.lines;
    const title = p1.findIndex((l) => squeeze(l.text) === '本期要目');
    expect(
      p1.slice(title + 1).filter((l) => !isPageNumber(l) && !squeeze(l.text).startsWith('★') && !squeeze(l.text).startsWith('【')),
    ).toEqual([]);
    const page2 = r.pdf.pages[1]!.lines.filter((l) => !isPageNumber(l));
    expect(squeeze(page2[0]!.text)).toBe(issue.sections[0]!.heading);
    // On the first grid line of the page.
    expect(page2[0]!.y - TOP).toBeGreaterThan(0);
    expect(page2[0]!.y - TOP).toBeLessThan(PITCH);
  });

  for (const key of ['sample', 'mixed'] as const) {
    test(`${key}: the box moves page 1's body down by whole grid lines of the spec's pitch, every line alike`, async () => {
      const { issue, r } = built[key]!;
      const without = await renderAndRead({ ...issue, contents: { setting: 'never' } });
      const before = without.pdf.pages[0]!.lines.filter(isBody);
      const titleY = r.pdf.pages[0]!.lines.find((l) => squeeze(l.text) === '本期要目')!.y;
      const items = issue.sections.reduce((n, x) => n + x.entries.length, 0);
      // Below the box: its title's line and one line a headline.
      const after = r.pdf.pages[0]!.lines.filter((l) => isBody(l) && l.y > titleY + (items + 0.5) * PITCH);
      expect(after.length).toBeGreaterThan(3);
      const shifts = after.map((l) => {
        const was = before.find((b) => squeeze(b.text) === squeeze(l.text));
        expect(was, l.text).toBeDefined();
        return l.y - was!.y;
      });
      // A whole number of grid lines (the layout's 28.95 pt pitch is a hair under 225 mm / 22,
      // spec §1: within a point over the page), the same for every line to a fiftieth of a point.
      const lines = shifts[0]! / PITCH;
      expect(Math.abs(lines - Math.round(lines)) * PITCH).toBeLessThan(1);
      for (const d of shifts) expect(Math.abs(d - shifts[0]!)).toBeLessThan(TOL);
      // The box's lines and one blank line.
      expect(Math.round(lines)).toBe(1 + items + 1);
    });

    test(`${key}: the box's and the body's lines on page 1 stand on the grid lines of the later pages`, () => {
      const { r } = built[key]!;
      // The grid, read back from the pages without a masthead: the top line's baseline, and the
      // pitch over the longest run of lines on one page.
      const later = r.pdf.pages.slice(1).map((p) => p.lines.filter(isBody));
      const top = Math.min(...later.flat().map((l) => l.y));
      expect(top - TOP).toBeGreaterThan(0);
      expect(top - TOP).toBeLessThan(PITCH);
      const span = later
        .map((ls) => ({ from: ls[0]?.y ?? 0, to: ls.at(-1)?.y ?? 0 }))
        .reduce((a, b) => (b.to - b.from > a.to - a.from ? b : a));
      const pitch = (span.to - span.from) / Math.round((span.to - span.from) / PITCH);
      // Spec §1: 22 lines fill the 225 mm block, at an exact pitch of at most 28.95 pt.
      expect(pitch).toBeLessThanOrEqual(28.95 + TOL);
      expect(22 * pitch).toBeGreaterThan(225 * MM - 1);
      const offGrid = (l: PdfLine): number => Math.abs((l.y - top) / pitch - Math.round((l.y - top) / pitch)) * pitch;
      for (const l of later.flat()) expect(offGrid(l), l.text).toBeLessThan(TOL);
      // Page 1 from the box's title down (the masthead above has its own lines): every line of
      // the body's size, 黑体, 楷体 or 仿宋, on one of those grid lines, within the block.
      const p1 = r.pdf.pages[0]!.lines.filter(isBody);
      const titleAt = p1.findIndex((l) => squeeze(l.text) === '本期要目');
      const lines = p1.slice(titleAt);
      expect(lines.length).toBeGreaterThan(6);
      for (const l of lines) {
        expect(offGrid(l), l.text).toBeLessThan(TOL);
        expect(Math.round((l.y - top) / pitch)).toBeLessThan(22);
      }
    });

    test(`${key}: the box's lines follow at the pitch; its frame takes whole grid lines, its rules between lines`, () => {
      const { issue, r } = built[key]!;
      const p1 = r.pdf.pages[0]!;
      const titleAt = p1.lines.findIndex((l) => squeeze(l.text) === '本期要目');
      const items = issue.sections.reduce((n, s) => n + s.entries.length, 0);
      const boxLines = p1.lines.slice(titleAt, titleAt + 1 + items);
      // The title (黑体) and the headlines (楷体) sit on lines a pitch apart.
      for (let i = 2; i < boxLines.length; i++) expect(boxLines[i]!.y - boxLines[i - 1]!.y).toBeCloseTo(PITCH, 1);
      expect(boxLines[1]!.y - boxLines[0]!.y).toBeCloseTo(PITCH, 0);
      // The frame's rules: ¾ pt, across the text block (156 mm).
      const rules = horizontalRules(r.bytes).filter((x) => Math.abs(x.widthPt - 0.75) < 0.01 && Math.abs(x.x2 - x.x1 - 156 * MM) < 0.5);
      expect(rules).toHaveLength(2);
      const [top, bottom] = [Math.min(...rules.map((x) => x.y)), Math.max(...rules.map((x) => x.y))];
      const pitch = (boxLines.at(-1)!.y - boxLines[1]!.y) / (items - 1);
      expect(bottom - top).toBeCloseTo((1 + items) * pitch, 2);
      expect((bottom - top) / PITCH).toBeCloseTo(1 + items, 1);
      // The top rule above the title's glyphs, below the line before; the bottom rule under the
      // last headline's glyphs, above the next line's.
      const size = BODY_SIZE;
      expect(top).toBeGreaterThan(boxLines[0]!.y - PITCH + 0.2 * size);
      expect(top).toBeLessThan(boxLines[0]!.y - 0.85 * size);
      expect(bottom).toBeGreaterThan(boxLines.at(-1)!.y + 0.1 * size);
      expect(bottom).toBeLessThan(boxLines.at(-1)!.y + PITCH - 0.85 * size);
      // The body's first line after one blank grid line.
      const next = p1.lines.find((l) => l.y > bottom)!;
      expect(next.y - boxLines.at(-1)!.y).toBeCloseTo(2 * PITCH, 0);
    });
  }

  test('each line of the box links to the page where its item begins', async () => {
    const { issue, r } = built.sample!;
    const doc = await getDocument({ data: r.bytes.slice(), verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const links = (await page.getAnnotations()).filter((a) => a.subtype === 'Link' && typeof a.dest === 'string');
    const titles = issue.sections.flatMap((s) => [s.heading, ...s.entries.map((e) => (e.kind === 'news' ? e.leadText : e.title))]);
    const reached: string[] = [];
    for (const a of links) {
      const dest = (await doc.getDestination(a.dest as string))!;
      const target = await doc.getPageIndex(dest[0] as { num: number; gen: number });
      const y = r.pdf.pages[target]!.height - (dest[3] as number);
      // The destination is the first line of the heading the link names.
      const line = r.pdf.pages[target]!.lines.find((l) => Math.abs(l.y - y) < 2 * PITCH && l.y >= y - 1);
      reached.push(squeeze(line!.text));
    }
    await doc.destroy();
    for (const t of titles)
      expect(
        reached.some((x) => x.startsWith(squeeze(t).slice(0, 8))),
        t,
      ).toBe(true);
  });
});

/** 第9期's masthead and end block with two articles: one of `lines` body lines, one short. */
function twoArticles(base: Issue, lines: number[], contents: ContentsSetting, second = true): Issue {
  const one = pagedIssue(base, lines);
  const section = one.sections[0]!;
  const short = {
    kind: 'article' as const,
    title: '第二篇',
    blocks: [{ type: 'paragraph' as const, runs: [{ text: '短文一段。' }], indent: true }],
    units: [],
    at: { file: 'y.md', line: 1 },
  };
  return {
    ...one,
    sections: [{ ...section, entries: second ? [...section.entries, short] : section.entries }],
    contents: { setting: contents },
  };
}

describe('contents: auto | always | never', () => {
  let base: Issue;
  /** Line counts of the long article whose issue runs to 3 pages without the box, and to 4. */
  let three: number[];
  let four: number[];
  const pages = (r: Rendered): number => r.pdf.pages.length;
  const hasBox = (r: Rendered): boolean => text(r.pdf.pages[0]!).includes('本期要目');

  beforeAll(() => {
    base = requireModel(SAMPLE, '9');
    // Find where the issue without a box turns from 3 pages to 4 (the layout only picks the
    // inputs; the pages are counted in the PDFs below).
    const count = (n: number): number => {
      const { galley, faces } = composeIssue(twoArticles(base, [n, 10], 'never'));
      return paginate(galley, faces).pages.length;
    };
    let n = 20;
    while (count(n + 1) < 4) n++;
    three = [n, 10];
    four = [n + 1, 10];
  });

  test('auto: 3 pages without the box, no box; 4 pages, the box (one line more of text)', async () => {
    const [n3, n4, a3, a4] = await Promise.all([
      renderAndRead(twoArticles(base, three, 'never')),
      renderAndRead(twoArticles(base, four, 'never')),
      renderAndRead(twoArticles(base, three, 'auto')),
      renderAndRead(twoArticles(base, four, 'auto')),
    ]);
    expect(pages(n3)).toBe(3);
    expect(pages(n4)).toBe(4);
    expect(hasBox(n3) || hasBox(n4)).toBe(false);
    expect(hasBox(a3)).toBe(false);
    expect(hasBox(a4)).toBe(true);
    expect(text(a4.pdf.pages[0]!)).toContain(contentsText(twoArticles(base, four, 'auto')));
    // Counted without the box: with it, the 3-page issue would run to 4 pages.
    const always3 = await renderAndRead(twoArticles(base, three, 'always'));
    expect(hasBox(always3)).toBe(true);
    expect(pages(always3)).toBe(4);
  });

  test('auto: one item, no box however long the issue; two items, the box', async () => {
    const [one, two] = await Promise.all([
      renderAndRead(twoArticles(base, [60, 60, 60], 'auto', false)),
      renderAndRead(twoArticles(base, [60, 60, 60], 'auto')),
    ]);
    expect(pages(one)).toBeGreaterThan(4);
    expect(hasBox(one)).toBe(false);
    expect(hasBox(two)).toBe(true);
  });

  test('always prints the box on a short issue, never leaves it off a long one', async () => {
    const [short, always, never] = await Promise.all([
      renderAndRead(twoArticles(base, [3], 'never')),
      renderAndRead(twoArticles(base, [3], 'always')),
      renderAndRead(twoArticles(base, [60, 60, 60], 'never')),
    ]);
    expect(pages(short)).toBeLessThan(4);
    expect(hasBox(short)).toBe(false);
    expect(hasBox(always)).toBe(true);
    expect(pages(never)).toBeGreaterThan(4);
    expect(hasBox(never)).toBe(false);
  });
});
