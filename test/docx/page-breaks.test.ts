/**
 * Pages of the DOCX in LibreOffice against our PDF where pages break on purpose: widows and
 * orphans (PARAGRAPH_SPLIT; the DOCX says w:widowControl outright), and the end block on an
 * even page after a body that ends on an odd page and after one that ends on an even page
 * (with and without room for it there).
 * Needs LibreOffice and pdftotext; under CI a missing client fails the test instead of
 * skipping it.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { needs, why } from '../helpers/clients.js';
import type { Issue } from '../../src/model/types.js';
import { renderDocx } from '../helpers/render-format.js';
import { renderPdf } from '../helpers/render-format.js';
import { partsOf, quiet } from '../helpers/docx-build.js';
import { docxToPdf, pdfLines, type PdfPage } from '../helpers/libreoffice.js';
import { linesPerPage, pagedIssue } from '../helpers/paged-issue.js';
import { parity, printedLines, squeeze } from '../helpers/parity.js';
import { requireModel, SAMPLE } from '../helpers/series.js';

const lo = needs('libreoffice', 'poppler');
let base: Issue;
let room: number;

beforeAll(async () => {
  base = requireModel(SAMPLE, '9');
  const probe = pdfLines((await renderPdf(pagedIssue(base, [40]), quiet)).bytes);
  room = linesPerPage(probe.map(printedLines), 1)[0]![0]!;
  expect(room).toBeGreaterThan(8);
});

describe('widow control in the DOCX', () => {
  test('the document defaults turn w:widowControl on, before w:kinsoku as the schema orders them', async () => {
    const styles = partsOf((await renderDocx(base, quiet)).bytes).xml('word/styles.xml');
    expect(/<w:pPrDefault><w:pPr>([\s\S]*?)<\/w:pPr>/.exec(styles)?.[1]).toMatch(/^<w:widowControl w:val="1"\/><w:kinsoku\/>/);
  });
});

lo.describe(`pages in LibreOffice and in the PDF${why(lo)}`, () => {
  const cases = [
    { name: 'one line too many for page 1', lines: () => [room + 1] },
    { name: 'a first line alone at the foot', lines: () => [room - 1, 6] },
    { name: 'three lines, two of room', lines: () => [room - 2, 3] },
    { name: 'four lines, three of room', lines: () => [room - 3, 4] },
  ];
  test.for(cases)('widows and orphans: $name — the same lines on the same pages, none alone', { timeout: 120_000 }, async ({ lines }) => {
    const counts = lines();
    const p = await parity(pagedIssue(base, counts));
    const pdf = linesPerPage(p.pdf, counts.length);
    const lo = linesPerPage(p.docx, counts.length);
    expect(lo).toEqual(pdf);
    expect(p.docxPages).toBe(p.pdfPages);
    // No paragraph has a single line on a page it shares with another page.
    counts.forEach((n, i) => {
      const spread = pdf.map((page) => page[i]!).filter((k) => k > 0);
      if (spread.length > 1) for (const k of spread) expect(k, `paragraph ${i} of ${n} lines: ${spread}`).toBeGreaterThanOrEqual(2);
    });
  });

  /** Physical pages of LibreOffice's PDF with the page number each prints. */
  function numbered(pages: PdfPage[]): Array<{ number: number | undefined; text: string }> {
    return pages.map((pg) => {
      const n = pg.lines.map((l) => /^—(\d+)—$/.exec(squeeze(l.text))?.[1]).find(Boolean);
      return { number: n === undefined ? undefined : Number(n), text: printedLines(pg).join('') };
    });
  }

  test('end block on an even page, body ending on an odd page: the end block alone on the next page, numbered', {
    timeout: 120_000,
  }, async () => {
    const issue = pagedIssue(base, [5], true);
    const pdf = pdfLines((await renderPdf(issue, quiet)).bytes);
    const lo = numbered(pdfLines(docxToPdf((await renderDocx(issue, quiet)).bytes)));
    expect(pdf).toHaveLength(2);
    expect(printedLines(pdf[0]!).some((l) => l.startsWith('甲'))).toBe(true);
    expect(printedLines(pdf[1]!)[0]).toMatch(/^报：/);
    expect(lo.map((p) => p.number)).toEqual([1, 2]);
    expect(lo[0]!.text).toContain('甲');
    expect(lo[1]!.text).toMatch(/^报：/);
  });

  test("end block on an even page, body ending on an even page with room: the PDF sets it at the foot of that page; the DOCX's even-page section starts the next even page", {
    timeout: 120_000,
  }, async () => {
    const issue = pagedIssue(base, [room + 8], true);
    const pdf = pdfLines((await renderPdf(issue, quiet)).bytes);
    const lo = numbered(pdfLines(docxToPdf((await renderDocx(issue, quiet)).bytes)));
    // PDF (issue 20): the body on pages 1 and 2, the end block under it on page 2 — no blank page.
    expect(pdf).toHaveLength(2);
    const last = printedLines(pdf[1]!);
    const end = last.findIndex((l) => l.startsWith('报：'));
    expect(end).toBeGreaterThan(0);
    expect(last[end - 1]).toMatch(/^甲+$/);
    // The DOCX cannot know where Word ends its body: its end block opens a section that starts
    // on an even page, so LibreOffice leaves page 3 out of its PDF and numbers the end block's
    // page 4. A measured difference (the DOCX stays right however an editor reflows it).
    expect(lo.map((p) => p.number)).toEqual([1, 2, 4]);
    expect(lo[1]!.text).toMatch(/甲$/);
    expect(lo[2]!.text).toMatch(/^报：/);
    // The same body lines on the same pages.
    expect(linesPerPage([printedLines(pdf[0]!), last], 1)).toEqual(
      linesPerPage(
        pdfLines(docxToPdf((await renderDocx(issue, quiet)).bytes))
          .slice(0, 2)
          .map(printedLines),
        1,
      ),
    );
  });

  test('end block on an even page, body ending on an even page without room: the odd page after it blank and unnumbered, the end block on the next even page', {
    timeout: 120_000,
  }, async () => {
    const issue = pagedIssue(base, [room + 21], true);
    const pdf = pdfLines((await renderPdf(issue, quiet)).bytes);
    const lo = numbered(pdfLines(docxToPdf((await renderDocx(issue, quiet)).bytes)));
    // PDF: body on pages 1 and 2, page 3 empty (no number either), the end block on page 4.
    expect(pdf).toHaveLength(4);
    expect(printedLines(pdf[1]!).at(-1)).toMatch(/^甲+$/);
    expect(pdf[2]!.lines).toEqual([]);
    expect(printedLines(pdf[3]!)[0]).toMatch(/^报：/);
    // LibreOffice leaves the blank page out of its PDF but numbers the end block's page 4.
    expect(lo.map((p) => p.number)).toEqual([1, 2, 4]);
    expect(lo[1]!.text).toMatch(/甲$/);
    expect(lo[2]!.text).toMatch(/^报：/);
  });
});
