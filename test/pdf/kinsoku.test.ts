/**
 * GB/T 15834 §5.1 line breaking: —— and …… never split or start a line, opening marks never
 * end one, closing marks never start one — in paragraphs built to put each of them exactly
 * at a line break.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { gluedBefore } from '../../src/layout/kinsoku.js';
import { GEOM, bodyLines, expectKinsoku, NO_LINE_START, renderAndRead, type Rendered } from '../helpers/pdf-render.js';
import { issueYaml, makeSeries, newsItem, requireModel } from '../helpers/series.js';

const FILL = '测';
/** Paragraphs whose n-th cell (after the 2-cell indent) holds the mark, for n around the line end. */
function paragraphs(): string[] {
  const out: string[] = [];
  for (const mark of ['——', '……', '，', '。', '”', '“', '《', '》']) {
    for (let n = 22; n <= 27; n++) out.push(`${FILL.repeat(n)}${mark}${FILL.repeat(30)}`);
  }
  return out;
}

let r: Rendered;

beforeAll(async () => {
  const dir = makeSeries({
    'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
    'issues/001/10-a.md': newsItem('省级动态', '标点测试', paragraphs().join('\n\n')),
  });
  r = await renderAndRead(requireModel(dir));
});

describe('kinsoku', () => {
  test('glue marks: dash and ellipsis to what precedes, closing marks to the left, opening to the right', () => {
    const g = (s: string) => gluedBefore(Array.from(s));
    expect(g('甲——乙')).toEqual([false, true, true, false]);
    expect(g('甲……乙')).toEqual([false, true, true, false]);
    expect(g('甲，“乙”')).toEqual([false, true, false, true, true]);
    expect(g('甲\n——')).toEqual([false, false, false, true]);
  });

  test('in print, no line starts with a closing mark, a dash or an ellipsis, and none ends with an opening mark', () => {
    expect(expectKinsoku(r.pdf.pages)).toBeGreaterThan(40);
  });

  test('full lines still hold 28 characters, or 29 with a squeezed closing mark', () => {
    for (const p of r.pdf.pages) {
      const body = bodyLines(p);
      body.forEach((l, i) => {
        const next = body[i + 1];
        // Paragraph lines only: not the masthead's publisher/date line (two texts on one line).
        if (!next || Math.abs(next.x - GEOM.left) > 0.5 || Math.abs(l.x - GEOM.left) > 0.5 || /\S \S/.test(l.text)) return;
        const n = Array.from(l.text.replace(/ /g, '')).length;
        if (n !== 28) expect([27, 29], l.text).toContain(n);
        // 27 only when a dash or ellipsis unit (3 cells with its glued character) could not fit.
        if (n === 27) expect(next.text, l.text).toMatch(/^.(——|……)/u);
        if (n === 29) expect(NO_LINE_START.has(Array.from(l.text.trim()).at(-1)!), l.text).toBe(true);
      });
    }
  });
});
