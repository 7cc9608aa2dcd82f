/**
 * 套打 (issue 24): the PDF for paper whose red masthead is already printed. Page 1 has no red
 * pixel (pdftoppm), and every glyph other than the red series line's and name's stands where
 * it stands in the normal PDF, on every page (pdfminer, glyph by glyph); of the rules only
 * the red one under the masthead is gone. 第9期 (with its contents box) and the mixed fixture
 * (a 密级 line, which preprinted paper does not carry, and 总第N期).
 */
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { Issue } from '../../src/model/types.js';
import { quiet } from '../helpers/docx-build.js';
import { needs, why } from '../helpers/clients.js';
import { readGlyphs, type GlyphPage } from '../helpers/pdf-glyphs.js';
import { redPixels } from '../helpers/pdf-pixels.js';
import { horizontalRules } from '../helpers/pdf-render.js';
import { renderPdf } from '../helpers/render-format.js';
import { FIXTURES, requireModel, SAMPLE } from '../helpers/series.js';

const clients = needs('pdfminer', 'poppler');
const key = (g: { ch: string; x: number; y: number }): string => `${g.ch}@${g.x.toFixed(2)},${g.y.toFixed(2)}`;
const glyphKeys = (pages: GlyphPage[]): string[][] =>
  pages.map((p) => p.lines.flatMap((l) => l.glyphs.filter((g) => g.ch.trim() !== '').map(key)).sort());

clients.describe(`preprinted paper (套打)${why(clients)}`, () => {
  const cases = { sample: (): Issue => requireModel(SAMPLE, '9'), mixed: (): Issue => requireModel(path.join(FIXTURES, 'mixed')) };
  const out: Record<string, { issue: Issue; normal: Uint8Array; preprinted: Uint8Array }> = {};

  beforeAll(async () => {
    for (const [k, make] of Object.entries(cases)) {
      const issue = make();
      out[k] = {
        issue,
        normal: (await renderPdf(issue, quiet)).bytes,
        preprinted: (await renderPdf(issue, quiet, { preprinted: true })).bytes,
      };
    }
  }, 120_000);

  for (const k of Object.keys(cases)) {
    test(`${k}: page 1 has no red pixel; the normal page 1 has its red masthead`, () => {
      expect(redPixels(out[k]!.normal)).toBeGreaterThan(2000);
      expect(redPixels(out[k]!.preprinted)).toBe(0);
    });

    test(`${k}: every other glyph stands where it stands in the normal PDF, on every page`, () => {
      const { issue, normal, preprinted } = out[k]!;
      const a = readGlyphs(normal);
      const b = readGlyphs(preprinted);
      expect(b).toHaveLength(a.length);
      // The red lines' glyphs are what is missing from page 1, nothing else.
      const [a1, ...aRest] = glyphKeys(a);
      const [b1, ...bRest] = glyphKeys(b);
      const redLines = a[0]!.lines
        .filter((l) => l.text === issue.masthead.seriesLine || l.text === issue.masthead.name)
        .flatMap((l) => l.glyphs.map(key));
      expect(redLines.map((x) => x[0]).join('')).toBe(issue.masthead.seriesLine + issue.masthead.name);
      expect(b1).toEqual(a1!.filter((g) => !redLines.includes(g)));
      expect(b1!.length).toBeGreaterThan(100);
      expect(a1!.length - b1!.length).toBe(Array.from(issue.masthead.seriesLine + issue.masthead.name).length);
      expect(bRest).toEqual(aRest);
      // The rest of the masthead is there: the label, publisher and date, and the 密级 line.
      const page1 = b[0]!.lines.map((l) => l.text).join('');
      for (const t of [issue.masthead.label, issue.masthead.publisher, issue.masthead.date, issue.masthead.classification ?? ''])
        expect(page1).toContain(t);
    });

    test(`${k}: the red rule under the masthead is gone, every other rule where it was`, () => {
      const { normal, preprinted } = out[k]!;
      const rule = (r: { widthPt: number; y: number; x1: number; x2: number }): string => `${r.widthPt}@${r.y},${r.x1}-${r.x2}`;
      const a = horizontalRules(normal).map(rule);
      const b = horizontalRules(preprinted).map(rule);
      const gone = a.filter((r) => !b.includes(r));
      // The masthead's heavy rule: 2.25 pt (custom 0.5–1 mm, spec §4).
      expect(gone).toHaveLength(1);
      expect(Number(gone[0]!.split('@')[0])).toBeCloseTo(2.25, 2);
      expect(b.every((r) => a.includes(r))).toBe(true);
    });
  }
});
