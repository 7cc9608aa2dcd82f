/**
 * No single line of a paragraph alone at the top of a page where pulling one more line over
 * is possible (spec §11), nor alone at the foot of one: PARAGRAPH_SPLIT, read back from the
 * PDF's pages. Paragraphs are sized against the page as printed (a probe finds how many
 * body lines page 1 holds under the masthead), so the cases hold whatever the masthead takes.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { PARAGRAPH_SPLIT } from '../../src/layout/spec.js';
import type { Issue } from '../../src/model/types.js';
import { linesPerPage, pagedIssue } from '../helpers/paged-issue.js';
import { bodyLines, renderAndRead } from '../helpers/pdf-render.js';
import { requireModel, SAMPLE } from '../helpers/series.js';

let base: Issue;
/** Body lines page 1 holds for the article's paragraphs. */
let room: number;

async function counts(lineCounts: number[]): Promise<number[][]> {
  const r = await renderAndRead(pagedIssue(base, lineCounts));
  return linesPerPage(
    r.pdf.pages.map((p) => bodyLines(p).map((l) => l.text.replace(/\s/g, ''))),
    lineCounts.length,
  );
}

beforeAll(async () => {
  base = requireModel(SAMPLE, '9');
  const probe = await counts([40]);
  room = probe[0]![0]!;
  // The probe itself: a long paragraph fills page 1 and goes on.
  expect(room).toBeGreaterThan(8);
  expect(probe[1]![0]).toBe(Math.min(40 - room, 22));
});

describe('widows and orphans in the PDF', () => {
  test(`a paragraph one line too long for page 1 takes a line with its last: ${PARAGRAPH_SPLIT.minLines} open page 2`, async () => {
    const c = await counts([room + 1]);
    expect(c[0]![0]).toBe(room - 1);
    expect(c[1]![0]).toBe(2);
  });

  test('a paragraph whose first line alone fits at the foot of page 1 starts page 2', async () => {
    const c = await counts([room - 1, 6]);
    expect(c[0]).toEqual([room - 1, 0]);
    expect(c[1]).toEqual([0, 6]);
  });

  test('a three-line paragraph with two lines of room moves whole: it cannot leave two on each side', async () => {
    const c = await counts([room - 2, 3]);
    expect(c[0]).toEqual([room - 2, 0]);
    expect(c[1]).toEqual([0, 3]);
  });

  test('four lines with three lines of room split two and two; a paragraph that fits stays', async () => {
    const c = await counts([room - 3, 4]);
    expect(c[0]).toEqual([room - 3, 2]);
    expect(c[1]).toEqual([0, 2]);
    const fits = await counts([room - 2, 2]);
    expect(fits[0]).toEqual([room - 2, 2]);
  });
});
