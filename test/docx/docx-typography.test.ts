/**
 * Spec §11: no space is added where hanzi meet digits or Latin letters (no 4 月 26 日), and in
 * print a number never splits inside nor from the hanzi after it (5月13 / 日, 7 / 0余名).
 * Paragraphs are built so that a date falls on every position around a line end. The PDF is
 * read back with pdfjs and, glyph by glyph, pdfminer. The DOCX says what Word's own settings
 * can say (autoSpaceDE/DN off: test/docx/docx-settings.test.ts) and holds the text as written;
 * how LibreOffice, which ignores those settings, breaks these lines is measured in
 * test/docx/parity.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mixedStretches, noBreakBefore, numberGlue } from '../../src/layout/kinsoku.js';
import type { Issue } from '../../src/model/types.js';
import { docxOf, paragraphsOf, partsOf, textOf } from '../helpers/docx-build.js';
import { squeeze } from '../helpers/parity.js';
import { needs } from '../helpers/clients.js';
import { readGlyphs } from '../helpers/pdf-glyphs.js';
import { bodyLines, renderAndRead } from '../helpers/pdf-render.js';
import { cleanupTemp, issueYaml, makeSeries, newsItem, requireModel } from '../helpers/series.js';

const FILL = '测';
const DATES = '5月13日召开会议，2023年11月启动，共有70余名教师参加。';
/** A date at every cell around the line end of the first and the second line. */
function paragraphs(): string[] {
  const out: string[] = [];
  for (let n = 14; n <= 27; n++) out.push(`${FILL.repeat(n)}${DATES}${FILL.repeat(n + 3)}${DATES}`);
  return out;
}

const HAN = /\p{Script=Han}/u;
const DIGIT = /[0-9]/;

/** Pairs of consecutive lines where a number is split or torn from the hanzi after it. */
function splitNumbers(lines: string[]): string[] {
  const bad: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const end = Array.from(lines[i - 1]!).at(-1) ?? '';
    const start = Array.from(lines[i]!)[0] ?? '';
    if (DIGIT.test(end) && (DIGIT.test(start) || HAN.test(start))) bad.push(`${lines[i - 1]} / ${lines[i]}`);
  }
  return bad;
}

let issue: Issue;
const pdfminer = needs('pdfminer');

beforeAll(() => {
  const dir = makeSeries({
    'issues/001/issue.yaml': issueYaml(1, '2024-05-20'),
    'issues/001/10-a.md': newsItem('省级动态', '日期测试', paragraphs().join('\n\n')),
  });
  issue = requireModel(dir);
});

afterAll(() => cleanupTemp());

describe('the rules, decided in src/layout', () => {
  test('a number is glued inside and to the hanzi after it, not to the one before', () => {
    const g = (s: string): string =>
      Array.from(s)
        .map((c, i) => (i > 0 && numberGlue(Array.from(s))[i] ? '+' : '|') + c)
        .join('');
    expect(g('于5月13日')).toBe('|于|5+月|1+3+日');
    expect(g('70余名')).toBe('|7+0+余|名');
  });

  test('stretches kept whole that mix Latin and Chinese text', () => {
    const chars = Array.from('在2023年11月，全省');
    const keep = mixedStretches(chars, noBreakBefore(chars));
    expect(chars.filter((_, i) => keep[i]).join('')).toBe('2023年11月，');
  });
});

describe('PDF', () => {
  pdfminer.it('no space where hanzi meet digits; numbers whole and with their unit at every line end', async () => {
    const { pdf, bytes } = await renderAndRead(issue);
    const lines: string[] = [];
    for (const page of pdf.pages) for (const l of bodyLines(page)) lines.push(squeeze(l.text));
    // Glyph by glyph: where a hanzi meets a digit the gap is the line's own, nothing added.
    let meetings = 0;
    for (const page of readGlyphs(bytes)) {
      for (const l of page.lines) {
        if (!l.text.includes(FILL)) continue;
        const g = l.glyphs.filter((x) => x.ch.trim() !== '');
        const gaps = g.slice(1).map((b, i) => b.x - (g[i]!.x + g[i]!.width));
        const usual = [...gaps].sort((p, q) => p - q)[gaps.length >> 1] ?? 0;
        gaps.forEach((gap, i) => {
          const [x, y] = [g[i]!.ch, g[i + 1]!.ch];
          if (!((HAN.test(x) && DIGIT.test(y)) || (DIGIT.test(x) && HAN.test(y)))) return;
          meetings++;
          expect(Math.abs(gap - usual), `${l.text}: ${x}${y}`).toBeLessThan(0.05);
        });
      }
    }
    expect(meetings).toBeGreaterThan(50);
    expect(lines.join('')).toContain('5月13日召开会议，2023年11月启动，共有70余名教师参加。');
    expect(splitNumbers(lines)).toEqual([]);
  });
});

describe('DOCX', () => {
  test('the dates and counts as written, in runs that name no language of their own', async () => {
    const doc = partsOf(await docxOf(issue)).xml('word/document.xml');
    const printed = paragraphsOf(doc).map(textOf).join('\n');
    // Each source paragraph is one DOCX paragraph (the first after the item's ★ lead).
    for (const p of paragraphs()) expect(printed).toMatch(new RegExp(`(^|\n|。)${p}(\n|$)`));
    expect(doc).not.toContain('<w:lang');
  });
});
