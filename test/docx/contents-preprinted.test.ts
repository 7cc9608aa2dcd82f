/**
 * The DOCX side of issue 24.
 * - 本期要目: a table of Word's own right after the masthead, ruled on its four sides, its
 *   title and a row per headline, the same text in the same order as the PDF's box; in
 *   LibreOffice page 1 holds all of it (the 13 headlines of the news fixture too) and the body
 *   after it moves by whole grid lines.
 * - 套打: no run prints red and no rule, shading or shape in any printing part is red (the
 *   same scan finds them in the normal DOCX); the red lines are empty paragraphs of their
 *   height, so in LibreOffice page 1 has no red pixel and every other line stands where it
 *   stands in the normal DOCX.
 * LibreOffice measures; under CI a missing client fails instead of skipping.
 */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Issue } from '../../src/model/types.js';
import { docxOf, paragraphsOf, partsOf, quiet, textOf, textRunsOf } from '../helpers/docx-build.js';
import { needs, why } from '../helpers/clients.js';
import { docxToPdf, pdfLines, type PdfLine } from '../helpers/libreoffice.js';
import { redPixels } from '../helpers/pdf-pixels.js';
import { contentsText } from '../helpers/pdf-render.js';
import { renderDocx } from '../helpers/render-format.js';
import { FIXTURES, requireModel, SAMPLE } from '../helpers/series.js';

const MM = 72 / 25.4;
const PITCH = (225 * MM) / 22;
const squeeze = (s: string): string => s.replace(/[\s\u3000]+/g, '');
const tables = (xml: string): string[] => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
const masthead = (issue: Issue): string => {
  const m = issue.masthead;
  return squeeze([m.classification ?? '', m.seriesLine, m.name, m.label, m.totalLabel ?? '', m.publisher, m.date].join(''));
};

const cases = {
  sample: (): Issue => requireModel(SAMPLE, '9'),
  mixed: (): Issue => requireModel(path.join(FIXTURES, 'mixed')),
  news: (): Issue => requireModel(path.join(FIXTURES, 'news')),
};

describe('本期要目 in the DOCX', () => {
  const built: Record<string, { issue: Issue; xml: string; docx: Uint8Array }> = {};
  beforeAll(async () => {
    for (const [k, make] of Object.entries(cases)) {
      const issue = make();
      const docx = await docxOf(issue);
      built[k] = { issue, docx, xml: partsOf(docx).xml('word/document.xml') };
    }
  });

  for (const k of Object.keys(cases)) {
    test(`${k}: a table right after the masthead holds 本期要目 and every headline in order, ruled on its four sides`, () => {
      const { issue, xml } = built[k]!;
      const box = tables(xml)[0]!;
      expect(squeeze(textOf(box))).toBe(contentsText(issue));
      // After the publisher line (and the blank line under the red rule), before the body.
      const at = xml.indexOf(box);
      expect(xml.lastIndexOf('MastheadPublisher', at)).toBeGreaterThan(0);
      expect(
        paragraphsOf(xml.slice(0, at))
          .filter((p) => textOf(p) !== '')
          .at(-1),
      ).toContain('MastheadPublisher');
      const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(box)![1]!;
      for (const side of ['top', 'bottom', 'left', 'right']) expect(borders).toMatch(new RegExp(`<w:${side} w:val="single"`));
      for (const side of ['insideH', 'insideV']) expect(borders).toMatch(new RegExp(`<w:${side} w:val="none"`));
      // The title row, then a row per headline.
      const items = issue.sections.reduce((n, s) => n + s.entries.length, 0);
      expect([...box.matchAll(/<w:tr>|<w:tr /g)]).toHaveLength(1 + items);
    });
  }
});

const lo = needs('libreoffice', 'poppler');

lo.describe(`本期要目 and 套打 in LibreOffice${why(lo)}`, () => {
  const pages: Record<string, PdfLine[][]> = {};
  const pdfs: Record<string, Uint8Array> = {};
  let mixed: Issue;
  beforeAll(async () => {
    mixed = cases.mixed();
    const docs: Record<string, Promise<Uint8Array>> = {
      sample: docxOf(cases.sample()),
      news: docxOf(cases.news()),
      mixed: docxOf(mixed),
      mixedNever: docxOf({ ...mixed, contents: { setting: 'never' } }),
      samplePreprinted: renderDocx(cases.sample(), quiet, { preprinted: true }).then((r) => r.bytes),
      mixedPreprinted: renderDocx(mixed, quiet, { preprinted: true }).then((r) => r.bytes),
    };
    for (const [k, d] of Object.entries(docs)) {
      pdfs[k] = docxToPdf(await d, k);
      pages[k] = pdfLines(pdfs[k]!).map((p) => p.lines);
    }
  }, 300_000);

  for (const k of ['sample', 'mixed', 'news'] as const) {
    test(`${k}: page 1 holds the masthead, then 本期要目 and every headline in order`, () => {
      const issue = cases[k]();
      const page1 = squeeze(pages[k]![0]!.map((l) => l.text).join(''));
      expect(page1.startsWith(masthead(issue) + contentsText(issue))).toBe(true);
    });
  }

  test('mixed: the body after the box moves down by whole grid lines, every line alike', () => {
    const before = pages.mixedNever![0]!;
    const titleY = pages.mixed![0]!.find((l) => squeeze(l.text) === '本期要目')!.yMin;
    const items = mixed.sections.reduce((n, s) => n + s.entries.length, 0);
    const after = pages.mixed![0]!.filter((l) => l.yMin > titleY + (items + 0.5) * PITCH && !/^—/.test(l.text));
    expect(after.length).toBeGreaterThan(3);
    const shifts = after.map((l) => l.yMin - before.find((b) => squeeze(b.text) === squeeze(l.text))!.yMin);
    for (const d of shifts) expect(Math.abs(d - shifts[0]!)).toBeLessThan(0.05);
    // The box's lines and the blank line after it (LibreOffice keeps the DOCX's 28.95 pt grid,
    // within a point of the spec's 225 mm / 22 over these lines).
    expect(Math.abs(shifts[0]! - (1 + items + 1) * PITCH)).toBeLessThan(1);
  });

  for (const k of ['sample', 'mixed'] as const) {
    test(`${k} 套打: page 1 has no red pixel, and every other line stands where it stands in the normal DOCX`, () => {
      const issue = cases[k]();
      expect(redPixels(pdfs[k]!)).toBeGreaterThan(2000);
      expect(redPixels(pdfs[`${k}Preprinted`]!)).toBe(0);
      const line = (l: PdfLine): string => `${squeeze(l.text)}@${l.xMin.toFixed(1)},${l.yMin.toFixed(1)}`;
      const normal = pdfLines(pdfs[k]!).map((p) => p.lines.map(line));
      const pre = pdfLines(pdfs[`${k}Preprinted`]!).map((p) => p.lines.map(line));
      expect(pre).toHaveLength(normal.length);
      const red = [issue.masthead.seriesLine, issue.masthead.name];
      expect(normal[0]!.filter((l) => !pre[0]!.includes(l)).map((l) => l.split('@')[0])).toEqual(red);
      expect(pre[0]!.every((l) => normal[0]!.includes(l))).toBe(true);
      expect(pre.slice(1)).toEqual(normal.slice(1));
    });
  }
});

describe('套打 in the DOCX', () => {
  for (const k of ['sample', 'mixed'] as const) {
    test(`${k}: no text run and no rule is red; the red lines are empty paragraphs of no red style, everything else as written`, async () => {
      const issue = cases[k]();
      const normal = partsOf(await docxOf(issue));
      const pre = partsOf((await renderDocx(issue, quiet, { preprinted: true })).bytes);
      const styles = pre.xml('word/styles.xml');
      const xml = pre.xml('word/document.xml');
      // Styles that print red: a text run in a paragraph of one of them would print red.
      const redStyles = [...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g)]
        .filter((m) => /<w:color w:val="FF0000"\/>/i.test(m[0]))
        .map((m) => m[1]!);
      expect(redStyles.length).toBeGreaterThan(0);
      const paragraphs = paragraphsOf(xml);
      // No paragraph is in a red style: what a clerk types into the kept room is not red.
      for (const p of paragraphs) {
        const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1];
        expect(style && redStyles.includes(style), `${style}: ${textOf(p)}`).toBe(false);
      }
      // No run, border or shading of its own in red.
      expect(xml).not.toMatch(/w:color="FF0000"|<w:color w:val="FF0000"/i);
      expect(xml).not.toMatch(/<w:pBdr>/);
      // Paragraph for paragraph the same text, but for the two red lines.
      const before = paragraphsOf(normal.xml('word/document.xml')).map(textOf);
      const after = paragraphs.map(textOf);
      expect(after).toHaveLength(before.length);
      const changed = before.map((t, i) => (t === after[i] ? null : [t, after[i]])).filter(Boolean);
      expect(changed).toEqual([
        [issue.masthead.seriesLine, ''],
        [issue.masthead.name, ''],
      ]);
    });
  }

  test('no part that prints draws red: no red border, shading or shape; red text only in styles whose paragraphs are empty', async () => {
    for (const k of ['sample', 'mixed'] as const) {
      const issue = cases[k]();
      const normal = redMarks(partsOf(await docxOf(issue)));
      const pre = redMarks(partsOf((await renderDocx(issue, quiet, { preprinted: true })).bytes));
      // The normal DOCX prints the red rule and the two red lines, which the scan finds.
      expect(normal.drawn.length, k).toBeGreaterThan(0);
      expect(normal.printedInRedStyle, k).toEqual([issue.masthead.seriesLine, issue.masthead.name]);
      expect(pre.drawn, k).toEqual([]);
      expect(pre.printedInRedStyle, k).toEqual([]);
    }
  });
});

/** Red as the masthead prints it (#FF0000 on screen, C0 M80 Y80 K0 in print) or near it. */
function isRed(hex: string): boolean {
  if (!/^[0-9a-f]{6}$/i.test(hex)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return r! >= 0xb0 && g! < 0x80 && b! < 0x80;
}

/**
 * What prints red in a DOCX's printing parts (body, headers, footers, numbering, styles; the
 * theme's palette prints only where used): `drawn`, every red border, shading, shape or
 * direct text colour; `printedInRedStyle`, the text of body paragraphs whose style is red.
 */
function redMarks(parts: ReturnType<typeof partsOf>): { drawn: string[]; printedInRedStyle: string[] } {
  const printing = parts.names.filter((n) => /^word\/(document|styles|numbering|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(n));
  const drawn: string[] = [];
  for (const name of printing) {
    const xml = parts.xml(name);
    // In styles.xml a style's own text colour is judged by the paragraphs that use it, below.
    const scanned = name === 'word/styles.xml' ? xml.replace(/<w:rPr>[\s\S]*?<\/w:rPr>/g, '') : xml;
    for (const m of scanned.matchAll(/(<w:color w:val|w:color|w:fill|strokecolor|fillcolor|<a:srgbClr val)="#?([0-9A-Fa-f]{6})"/g)) {
      if (isRed(m[2]!)) drawn.push(`${name}: ${m[0]}`);
    }
  }
  const styles = parts.xml('word/styles.xml');
  const red = [...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)]
    .filter((m) => [...m[2]!.matchAll(/<w:color w:val="([0-9A-Fa-f]{6})"/g)].some((c) => isRed(c[1]!)))
    .map((m) => m[1]!);
  const body = parts.xml('word/document.xml');
  const printedInRedStyle = [
    ...paragraphsOf(body).filter((p) => red.includes(/<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1] ?? '')),
    ...textRunsOf(body).filter((r) => red.includes(/<w:rStyle w:val="([^"]+)"\/>/.exec(r)?.[1] ?? '')),
  ]
    .map(textOf)
    .filter((t) => t.trim() !== '');
  return { drawn, printedInRedStyle };
}
