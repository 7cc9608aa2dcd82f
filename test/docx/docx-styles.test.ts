/**
 * The DOCX is driven by its styles: change the size of 简报正文 in styles.xml, as an editor
 * would in Word, and LibreOffice's rendering of the body changes — bigger glyphs, fewer
 * characters a line — because no paragraph or run repeats the size.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, expect, test } from 'vitest';
import { needs, why } from '../helpers/clients.js';
import { BODY } from '../../src/layout/spec.js';
import { STYLE_ID } from '../../src/render/docx/styles.js';
import { SERIES, docxOf, issueOf } from '../helpers/docx-build.js';
import { docxToPdf, pdfLines, type PdfLine } from '../helpers/libreoffice.js';

const lo = needs('libreoffice', 'poppler');

/** The DOCX with 简报正文's size set to `halfPoints`. */
function restyled(docx: Uint8Array, halfPoints: number): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files['word/styles.xml']!);
  const re = new RegExp(`(<w:style [^>]*w:styleId="${STYLE_ID.body}"[^>]*>[\\s\\S]*?<w:sz w:val=")\\d+("/>)`);
  expect(re.test(xml)).toBe(true);
  files['word/styles.xml'] = strToU8(xml.replace(re, `$1${halfPoints}$2`));
  return zipSync(files);
}

const bodyLine = (l: PdfLine): boolean => l.text.replace(/\s/g, '').length >= 20;

lo.describe(`styles drive the DOCX${why(lo)}`, () => {
  let before: PdfLine[];
  let after: PdfLine[];
  beforeAll(async () => {
    const docx = await docxOf(issueOf(SERIES.mixed));
    before = pdfLines(docxToPdf(docx))
      .flatMap((p) => p.lines)
      .filter(bodyLine);
    after = pdfLines(docxToPdf(restyled(docx, BODY.sizePt * 2 - 8)))
      .flatMap((p) => p.lines)
      .filter(bodyLine);
  }, 120_000);

  test('a smaller 简报正文 sets smaller glyphs and more characters on each body line', () => {
    const height = (ls: PdfLine[]): number => ls.reduce((a, l) => a + (l.yMax - l.yMin), 0) / ls.length;
    const chars = (ls: PdfLine[]): number => Math.max(...ls.map((l) => l.text.replace(/\s/g, '').length));
    expect(height(after)).toBeLessThan(height(before) - 2);
    expect(chars(after)).toBeGreaterThan(chars(before) + 2);
  });
});
