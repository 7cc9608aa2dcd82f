/**
 * The end block's place: the bottom of the last page, on a page of its own when the body
 * leaves no room, and on an even page when the series asks for it (a blank page before it
 * then carries no number).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Issue } from '../../src/model/types.js';
import { MM } from '../helpers/official-spec.js';
import { GEOM, bodyLines, horizontalRules, isPageNumber, renderAndRead, type Rendered } from '../helpers/pdf-render.js';
import { requireModel, SAMPLE } from '../helpers/series.js';

let issue: Issue;
let plain: Rendered;
let even: Rendered;

const endLines = (r: Rendered) => r.pdf.pages.at(-1)!.lines.filter((l) => !isPageNumber(l));

beforeAll(async () => {
  // The pages as they fall without the contents box (issue 24), which these cases were chosen on.
  issue = { ...requireModel(SAMPLE, '9'), contents: { setting: 'never' } };
  plain = await renderAndRead(issue);
  even = await renderAndRead({ ...issue, endBlock: { ...issue.endBlock, onEvenPage: true } });
});

describe('end block placement', () => {
  test('第9期: the end block at the foot of the last page, a blank line at least above it; alone only when the page before has no room for it', () => {
    const last = plain.pdf.pages.at(-1)!;
    const own = endLines(plain);
    const start = own.findIndex((l) => l.text.startsWith('报：'));
    expect(start).toBeGreaterThanOrEqual(0);
    const body = own.slice(0, start);
    if (body.length > 0) expect(own[start].y - body.at(-1)!.y).toBeGreaterThan(1.9 * GEOM.pitch);
    // No room left on the page before for a blank line and the end block's lines under its body.
    else expect(bodyLines(plain.pdf.pages.at(-2)!).at(-1)!.y).toBeGreaterThan(GEOM.bottom - (own.length + 1) * GEOM.pitch);
    const text = plain.pdf.pages
      .flatMap((p) => p.lines)
      .map((l) => l.text.replace(/\s/g, ''))
      .join('');
    expect(text).toContain('社会反响热烈。');
    expect(own.at(-1)!.y).toBeGreaterThan(GEOM.bottom - GEOM.pitch);
    expect(last.lines.filter(isPageNumber)).toHaveLength(1);
  });

  test("on an even page: the end block starts an even page of its own, as the DOCX's even-page section does", () => {
    const pages = even.pdf.pages;
    expect(pages.length % 2).toBe(0);
    expect(pages.length).toBe(plain.pdf.pages.length + 1);
    const last = pages.at(-1)!;
    expect(last.lines.filter(isPageNumber).map((l) => l.text.replace(/\s/g, ''))).toEqual([`—${pages.length}—`]);
    expect(endLines(even)[0].text.startsWith('报：')).toBe(true);
    expect(endLines(even).map((l) => l.text)).toEqual(
      endLines(plain)
        .filter((l) => !/社会|教育活动/.test(l.text))
        .map((l) => l.text),
    );
  });

  test('on an even page with room after an odd last page: the end block alone on the next, numbered page', async () => {
    // Only a short editor's note: the body ends on page 1 with room to spare.
    const note = { ...issue.note!, blocks: [{ type: 'paragraph' as const, runs: [{ text: '他山之石，可以攻玉。' }], indent: true }] };
    const short = { ...issue, note, sections: [], endBlock: { ...issue.endBlock, onEvenPage: true } };
    const r = await renderAndRead(short);
    const pages = r.pdf.pages;
    expect(pages.length % 2).toBe(0);
    const before = pages.at(-2)!;
    expect(bodyLines(before).length).toBeGreaterThan(0);
    expect(before.lines.some(isPageNumber)).toBe(true);
    expect(endLines(r)[0].text.startsWith('报：')).toBe(true);
    const withoutEven = await renderAndRead({ ...short, endBlock: { ...short.endBlock, onEvenPage: false } });
    expect(withoutEven.pdf.pages.length % 2).toBe(1);
  });
});

describe('end block after layout passes', () => {
  // pdfmake lays the document out again after every keep-with-next break; the spacer that
  // reserves the end block once grew by its own position on each pass.
  test('the mixed fixture (two keep-with-next breaks) keeps its end block on the last page of text', async () => {
    const r = await renderAndRead(requireModel(`${SAMPLE}/test/fixtures/mixed`));
    const last = r.pdf.pages.at(-1)!;
    expect(last.lines.some((l) => l.text.includes('西昌民族'))).toBe(true);
    expect(endLines(r).some((l) => l.text.startsWith('报：'))).toBe(true);
  });

  test('an item whose body is only a heading renders (the spacer once overflowed a page)', async () => {
    const base = requireModel(`${SAMPLE}/test/fixtures/mixed`);
    const item = {
      kind: 'news' as const,
      lead: [{ text: '协。', bold: true }],
      leadText: '协。',
      units: [],
      body: [{ type: 'heading' as const, level: 1 as const, runs: [{ text: '协' }] }],
      at: { file: 'x.md', line: 1 },
    };
    const r = await renderAndRead({
      ...base,
      note: undefined,
      sections: [{ name: '省级动态', heading: '【省级动态】', kind: 'news', entries: [item] }],
    });
    expect(r.pdf.pages.length).toBe(1);
    expect(endLines(r).some((l) => l.text.startsWith('报：'))).toBe(true);
  });
});

describe('end block rules', () => {
  test('thick rules first and last, a thin rule between every two lists, all full width (as the DOCX draws them)', async () => {
    const r = await renderAndRead(requireModel(`${SAMPLE}/test/fixtures/mixed`));
    const endTop = GEOM.bottom - 6 * GEOM.pitch - 1; // 报 1, 送 2, 发 1, 共印 1, print line 1
    const rules = horizontalRules(r.bytes)
      .filter((l) => l.y >= endTop && l.y <= GEOM.bottom + 1 && l.x2 - l.x1 > 1)
      .sort((a, b) => a.y - b.y);
    // Spec §6: first and last 0.35 mm, the ones between 0.25 mm.
    const want = [0.35, 0.25, 0.25, 0.25, 0.25, 0.35].map((w) => Number((w * MM).toFixed(2)));
    expect(rules.map((l) => Number(l.widthPt.toFixed(2)))).toEqual(want);
    expect(rules.at(-1)!.y).toBeCloseTo(GEOM.bottom, 1);
    for (const l of rules) {
      expect(l.x1).toBeCloseTo(GEOM.left, 1);
      expect(l.x2).toBeCloseTo(GEOM.right, 1);
    }
    // Between the lists: after 报 (1 line), 送 (2 lines), 发 (1 line) and 共印 (1 line).
    expect(rules.map((l) => Math.round((l.y - rules[0]!.y) / GEOM.pitch))).toEqual([0, 1, 3, 4, 5, 6]);
  });
});

describe('end block lines', () => {
  test('no list ends with one character and its mark alone on a line: the word it ends goes down with it', async () => {
    const news = requireModel(`${SAMPLE}/test/fixtures/news`);
    const send = news.endBlock.distribution.find((d) => d.label === '送')!;
    const r = await renderAndRead(news);
    const lines = endLines(r).map((l) => l.text.replace(/\s+/g, ''));
    const at = lines.findIndex((l) => l.startsWith('送：'));
    expect(at).toBeGreaterThanOrEqual(0);
    // The list wraps (it is longer than a line) and reads whole, its last line more than 局。
    const wrapped = [lines[at]!.slice(2), lines[at + 1]!];
    expect(wrapped.join('')).toBe(`${send.text}。`.replace(/。。$/, '。'));
    expect(Array.from(wrapped[1]!).filter((c) => /\p{L}/u.test(c)).length).toBeGreaterThanOrEqual(2);
    expect(wrapped[1]).toBe('教育局。');
  });
});
