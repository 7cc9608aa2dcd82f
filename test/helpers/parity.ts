/**
 * Parity of our PDF and LibreOffice's rendering of our DOCX, measured as a reader would see
 * it: the printed lines of the body (page numbers left out), grouped by height, compared by
 * their text; and the page counts.
 */
import type { Issue } from '../../src/model/types.js';
import { renderDocx } from './render-format.js';
import { renderPdf } from './render-format.js';
import { docxToPdf, pdfLines, type PdfLine, type PdfPage } from './libreoffice.js';

const quiet = { log: (): void => undefined };
const PAGE_NUMBER_LINE = /^—(\d+)—$/;
/** Text without spaces of any kind: the tab of a print line and spaces LibreOffice adds differ by engine. */
export const squeeze = (s: string): string => s.replace(/[\s\u3000]/g, '');

/** Printed lines of a page, top to bottom: pieces at the same height are one line. */
export function printedLines(p: PdfPage): string[] {
  const rows: PdfLine[][] = [];
  for (const l of p.lines) {
    if (PAGE_NUMBER_LINE.test(squeeze(l.text))) continue;
    const last = rows[rows.length - 1];
    if (last && Math.abs(last[0]!.yMin - l.yMin) < 2) last.push(l);
    else rows.push([l]);
  }
  return rows.map((r) => squeeze(r.sort((a, b) => a.xMin - b.xMin).map((l) => l.text).join(''))).filter(Boolean);
}

/**
 * Pages of a rendering: LibreOffice leaves the blank page it inserts before an even-page
 * section out of its PDF export, but numbers the pages after it; the last page number
 * printed counts them.
 */
function pageCount(pages: PdfPage[]): number {
  const numbers = pages.flatMap((p) => p.lines.map((l) => PAGE_NUMBER_LINE.exec(squeeze(l.text))?.[1]).filter(Boolean).map(Number));
  return Math.max(pages.length, ...numbers);
}

export interface Parity {
  pdfPages: number;
  /** Pages of LibreOffice's rendering of the DOCX, blank pages it leaves out of its PDF included. */
  docxPages: number;
  /** Lines of our PDF, per page. */
  pdf: string[][];
  docx: string[][];
  /** PDF lines that LibreOffice prints with the same text, in the same order (longest common subsequence). */
  alike: number;
  total: number;
  share: number;
}

function lcs(a: string[], b: string[]): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(prev[j]!, prev[j - 1]!);
      diag = up;
    }
  }
  return prev[b.length]!;
}

export async function parity(issue: Issue): Promise<Parity> {
  const pdfPages = pdfLines((await renderPdf(issue, quiet)).bytes);
  const docxPages = pdfLines(docxToPdf((await renderDocx(issue, quiet)).bytes));
  const pdf = pdfPages.map(printedLines);
  const docx = docxPages.map(printedLines);
  const a = pdf.flat();
  const alike = lcs(a, docx.flat());
  return { pdfPages: pageCount(pdfPages), docxPages: pageCount(docxPages), pdf, docx, alike, total: a.length, share: a.length ? alike / a.length : 1 };
}
