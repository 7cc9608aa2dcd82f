/**
 * Pagination of the paged edition (layout/paginate.ts), read from the paged document — no PDF:
 * widows and orphans (a paragraph split between pages keeps two lines each side, spec §11 and
 * Word's widow control), a head never alone at the foot of a page, a table split only between
 * rows with its header row repeated, an image never split, and the end block at the foot of
 * the last page — with endBlockOnEvenPage on the first even page where it fits, a blank page
 * only where it must be. Pages hold the spec's 22 lines.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Galley } from '../../src/layout/galley.js';
import type { FlowBlock, FlowRow } from '../../src/layout/flow-blocks.js';
import type { PItem, PagedDocument, PText } from '../../src/layout/paged.js';
import { countPages, paginate, Paginator } from '../../src/layout/paginate.js';
import type { TableFlow } from '../../src/layout/place-table.js';
import { composeIssue } from '../../src/render-issue.js';
import { cleanupTemp, issueYaml, makeSeries, newsItem, requireModel } from '../helpers/series.js';

afterAll(cleanupTemp);

/** The spec's page: 22 lines (pitch and block size do not matter to these rules). */
const LINES = 22;
const PITCH = 10;

/** A paginator over a bare 22-line page with nothing above the body. */
function pager(): Paginator {
  const g = { text: { minSplitLines: 2 } } as unknown as Galley;
  const geo = {
    pageWidth: 600,
    pageHeight: 800,
    left: 0,
    top: 0,
    blockWidth: 400,
    blockHeight: LINES * PITCH,
    pitch: PITCH,
    cell: 14,
    lines: LINES,
  };
  return new Paginator({ g, fonts: undefined as never, geo });
}

/** Rows that record themselves: block name and row index, at the line they were drawn on. */
function rows(name: string, n: number, lines = 1): FlowRow[] {
  return Array.from({ length: n }, (_, i) => ({
    lines,
    draw: (top: number): PItem[] => [
      { kind: 'text', text: `${name}${i}`, face: undefined as never, sizePt: 1, x: 0, baseline: top, widthPt: 1, spacingPt: 0 },
    ],
  }));
}

const para = (name: string, n: number, more: Partial<FlowBlock> = {}): FlowBlock => ({
  blankBefore: 0,
  keepWithNext: false,
  splittable: true,
  rows: rows(name, n),
  ...more,
});
const head = (name: string): FlowBlock => ({ blankBefore: 0, keepWithNext: true, splittable: false, rows: rows(name, 1) });

/** Per page, the rows of `name` on it, as [row index, grid line]. */
function placed(p: Paginator, name: string): Array<Array<[number, number]>> {
  return p.pages.map((page) =>
    page.items
      .filter((i): i is PText => i.kind === 'text' && i.text.startsWith(name) && /^\d+$/.test(i.text.slice(name.length)))
      .map((i) => [Number(i.text.slice(name.length)), Math.round(i.baseline / PITCH)] as [number, number]),
  );
}

describe('widows and orphans', () => {
  test('two lines left: a 5-line paragraph splits 2 / 3', () => {
    const p = pager();
    p.body([para('A', 20), para('B', 5)]);
    expect(placed(p, 'B').map((x) => x.length)).toEqual([2, 3]);
  });

  test('one line left: the paragraph moves whole to the next page (no orphan)', () => {
    const p = pager();
    p.body([para('A', 21), para('B', 5)]);
    expect(placed(p, 'B').map((x) => x.length)).toEqual([0, 5]);
    expect(placed(p, 'B')[1]![0]).toEqual([0, 0]);
  });

  test('three lines left of a 4-line paragraph: one line is pulled over, 2 / 2 (no widow)', () => {
    const p = pager();
    p.body([para('A', 19), para('B', 4)]);
    expect(placed(p, 'B').map((x) => x.length)).toEqual([2, 2]);
  });

  test('two lines left of a 3-line paragraph: it cannot leave two on each side, so it moves whole', () => {
    const p = pager();
    p.body([para('A', 20), para('B', 3)]);
    expect(placed(p, 'B').map((x) => x.length)).toEqual([0, 3]);
  });

  test('a paragraph longer than a page keeps two lines at the top of its last page', () => {
    const p = pager();
    p.body([para('A', 10), para('B', 35)]);
    // 12 on the first page, 22 would leave 1 for the third: 21 and 2.
    expect(placed(p, 'B').map((x) => x.length)).toEqual([12, 21, 2]);
  });
});

describe('heads keep with what follows', () => {
  test('a head with two lines left goes to the next page with its paragraph', () => {
    const p = pager();
    p.body([para('A', 20), head('H'), para('B', 5)]);
    expect(placed(p, 'H')).toEqual([[], [[0, 0]]]);
    expect(placed(p, 'B')[1]![0]).toEqual([0, 1]);
  });

  test('a head with three lines left stays, with the first two lines of its paragraph', () => {
    const p = pager();
    p.body([para('A', 19), head('H'), para('B', 5)]);
    expect(placed(p, 'H')).toEqual([[[0, 19]], []]);
    expect(placed(p, 'B').map((x) => x.length)).toEqual([2, 3]);
  });

  test('a title, its subtitle and the paragraph they open move together; blank lines are dropped at the top of a page', () => {
    const p = pager();
    p.body([para('A', 18), { ...head('T'), blankBefore: 1 }, head('S'), { ...para('B', 6), blankBefore: 1 }]);
    expect(placed(p, 'T')).toEqual([[], [[0, 0]]]);
    expect(placed(p, 'S')).toEqual([[], [[0, 1]]]);
    expect(placed(p, 'B')[1]![0]).toEqual([0, 3]);
  });
});

describe('images and tables', () => {
  test('an image (8 lines) with five lines left is not split: it starts the next page', () => {
    const p = pager();
    p.body([para('A', 17), { blankBefore: 0, keepWithNext: false, splittable: false, rows: rows('I', 1, 8) }]);
    expect(placed(p, 'I')).toEqual([[], [[0, 0]]]);
  });

  test('a table breaks only between rows, and its header row opens every page it is on', () => {
    const draws: Array<{ page: number; from: number; to: number }> = [];
    const p = pager();
    const table: TableFlow = {
      headerPt: 20,
      rowsPt: Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 25 : 18)),
      rulePt: 0.5,
      draw: (from, to) => {
        draws.push({ page: p.pages.length, from, to });
        return [];
      },
    };
    p.body([para('A', 5), { blankBefore: 0, keepWithNext: false, splittable: false, rows: rows('C', 1), table }, para('B', 4)]);
    expect(draws.length).toBeGreaterThan(2);
    // Consecutive, whole rows: each page takes up where the last stopped, all 30 once.
    expect(draws[0]!.from).toBe(0);
    draws.slice(1).forEach((d, i) => expect(d.from).toBe(draws[i]!.to));
    expect(draws.at(-1)!.to).toBe(30);
    // Each segment (header, its rows, the bottom rule) fits the lines its page had left.
    draws.forEach((d, i) => {
      const h = table.headerPt + table.rowsPt.slice(d.from, d.to).reduce((a, b) => a + b, 0) + table.rulePt;
      const room = (i === 0 ? LINES - 6 : LINES) * PITCH;
      expect(h).toBeLessThanOrEqual(room);
      // And no more rows would have fitted.
      if (d.to < 30) expect(h + table.rowsPt[d.to]!).toBeGreaterThan(room);
      expect(d.page).toBe(i + 1);
    });
    // The caption stays with the table's first rows.
    expect(placed(p, 'C')[0]).toEqual([[0, 5]]);
  });
});

describe('the end block', () => {
  /** A paragraph of n full body lines: 26 characters after its indent, then 28 a line. */
  const lines = (n: number): string => '协'.repeat(26 + 28 * (n - 1));

  /** A news item: its lead with a one-line paragraph, then a paragraph of `n` full lines. */
  function build(n: number, even: boolean): PagedDocument {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': newsItem('高校动态', '推进会', `正文。\n\n${lines(n)}`),
    });
    const issue = requireModel(dir);
    const { galley, faces } = composeIssue({ ...issue, endBlock: { ...issue.endBlock, onEvenPage: even } });
    return paginate(galley, faces);
  }

  const texts = (doc: PagedDocument, page: number): string[] =>
    doc.pages[page - 1]!.items.filter((i): i is PText => i.kind === 'text').map((i) => i.text);
  const endPage = (doc: PagedDocument): number =>
    doc.pages.findIndex((p) => p.items.some((i) => i.kind === 'text' && i.text === '报：')) + 1;
  const hasNumber = (doc: PagedDocument, page: number): boolean => texts(doc, page).some((t) => /^—\s*\d+\s*—$/.test(t));
  const bodyOn = (doc: PagedDocument, page: number): number => texts(doc, page).filter((t) => t.startsWith('协')).length;

  /** Lines of the long paragraph page 1 holds under the masthead, the section head and the lead. */
  let firstPage = 0;
  beforeAll(() => {
    firstPage = bodyOn(build(60, false), 1);
  });

  test('without the even-page option: at the foot of the last page when it fits, else alone on the next', () => {
    // Ten lines on page 2: room for the end block below them.
    const roomy = build(firstPage + 10, false);
    expect(roomy.pages).toHaveLength(2);
    expect(endPage(roomy)).toBe(2);
    const full = build(firstPage + LINES, false);
    expect(endPage(full)).toBe(3);
    expect(bodyOn(full, 2)).toBe(LINES);
    expect(bodyOn(full, 3)).toBe(0);
  });

  test('on an even page: on the same page when the body ends on an even page with room', () => {
    const doc = build(firstPage + 10, true);
    expect(doc.pages).toHaveLength(2);
    expect(endPage(doc)).toBe(2);
    expect(bodyOn(doc, 2)).toBeGreaterThan(0);
  });

  test('on an even page: the next page, numbered, when the body ends on an odd page', () => {
    const doc = build(5, true);
    expect(doc.pages).toHaveLength(2);
    expect(endPage(doc)).toBe(2);
    expect(bodyOn(doc, 2)).toBe(0);
    expect(hasNumber(doc, 2)).toBe(true);
    expect(doc.pages.some((p) => p.blank)).toBe(false);
  });

  test('on an even page: a blank, unnumbered page only when an even last page has no room', () => {
    const doc = build(firstPage + LINES, true);
    expect(doc.pages).toHaveLength(4);
    expect(doc.pages[2]!.blank).toBe(true);
    expect(doc.pages[2]!.items).toEqual([]);
    expect(endPage(doc)).toBe(4);
    expect(hasNumber(doc, 4)).toBe(true);
  });
});

describe('counting pages for the contents box', () => {
  test('countPages gives what paginate gives, up to the number asked for', () => {
    const files: Record<string, string> = { 'issues/001/issue.yaml': issueYaml(1, '2024-05-08') };
    for (let i = 10; i < 24; i++)
      files[`issues/001/${i}.md`] = newsItem('高校动态', `推进会${i}`, '这是一段足够长的新闻正文，用来把版面撑满好几页。'.repeat(12));
    const dir = makeSeries(files);
    const { galley, faces } = composeIssue(requireModel(dir, '1'));
    const pages = paginate(galley, faces).pages.length;
    expect(pages).toBeGreaterThan(3);
    for (const atMost of [1, 2, 3, pages, pages + 5]) {
      const { galley: g, faces: f } = composeIssue(requireModel(dir, '1'));
      expect(countPages(g, f, atMost), `at most ${atMost}`).toBe(Math.min(pages, atMost));
    }
  });
});
