/**
 * Parity of our PDF and LibreOffice's rendering of our DOCX, measured as a reader would see
 * it: the printed lines of the body (page numbers left out), grouped by height, compared by
 * their text; and the page counts.
 *
 * LibreOffice measures the DOCX; it is not its reader. Where its lines differ from the PDF's,
 * `explainedParity` says why, line by line:
 * - Settings its DOCX import drops are set again in its own format and the document rendered
 *   once more (docxToPdfVariants): a line that is alike then differs because of that setting.
 *   autoSpaceDE/DN are one (its import ignores them, so it spaces hanzi from digits and
 *   Latin letters; ODF's style:text-autospace="none" is the same switch in LibreOffice).
 * - What still differs is classified at the first line of each run of differing lines, the
 *   rest of the run following from it: a number broken from its unit, LibreOffice's own
 *   line-start and line-end rules in place of the DOCX's lists, a closing mark hung or not,
 *   the PDF's own allowance at script changes.
 */
import type { Issue } from '../../src/model/types.js';
import { renderDocx, renderPdf } from './render-format.js';
import { docxToPdf, docxToPdfVariants, libreOfficeVersion, pdfLines, type PdfLine, type PdfPage } from './libreoffice.js';

const quiet = { log: (): void => undefined };
const PAGE_NUMBER_LINE = /^—(\d+)—$/;
/** Text without spaces of any kind: the tab of a print line and spaces LibreOffice adds differ by engine. */
export const squeeze = (s: string): string => s.replace(/[\s\u3000]/g, '');

/** A printed line: its text without spaces, and where its last glyph ends (pt from the left). */
export interface PrintedLine {
  text: string;
  right: number;
}

/** Printed lines of a page, top to bottom: pieces at the same height are one line. */
export function printedRows(p: PdfPage): PrintedLine[] {
  const rows: PdfLine[][] = [];
  for (const l of p.lines) {
    if (PAGE_NUMBER_LINE.test(squeeze(l.text))) continue;
    const last = rows[rows.length - 1];
    if (last && Math.abs(last[0]!.yMin - l.yMin) < 2) last.push(l);
    else rows.push([l]);
  }
  return rows
    .map((r) => ({
      text: squeeze(
        r
          .sort((a, b) => a.xMin - b.xMin)
          .map((l) => l.text)
          .join(''),
      ),
      right: Math.max(...r.map((l) => l.xMax)),
    }))
    .filter((r) => r.text !== '');
}

export function printedLines(p: PdfPage): string[] {
  return printedRows(p).map((r) => r.text);
}

/**
 * Pages of a rendering: LibreOffice leaves the blank page it inserts before an even-page
 * section out of its PDF export, but numbers the pages after it; the last page number
 * printed counts them.
 */
function pageCount(pages: PdfPage[]): number {
  const numbers = pages.flatMap((p) =>
    p.lines
      .map((l) => PAGE_NUMBER_LINE.exec(squeeze(l.text))?.[1])
      .filter(Boolean)
      .map(Number),
  );
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

/** Pairs [i, j] of a longest common subsequence of `a` and `b`, in order. */
export function alignLines(a: string[], b: string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function compare(pdfPages: PdfPage[], docxPages: PdfPage[]): Parity {
  const pdf = pdfPages.map(printedLines);
  const docx = docxPages.map(printedLines);
  const a = pdf.flat();
  const alike = alignLines(a, docx.flat()).length;
  return {
    pdfPages: pageCount(pdfPages),
    docxPages: pageCount(docxPages),
    pdf,
    docx,
    alike,
    total: a.length,
    share: a.length ? alike / a.length : 1,
  };
}

export async function parity(issue: Issue): Promise<Parity> {
  return compare(pdfLines((await renderPdf(issue, quiet)).bytes), pdfLines(docxToPdf((await renderDocx(issue, quiet)).bytes)));
}

/** Why a line of LibreOffice's rendering differs from the PDF's. */
export const REASONS = {
  autospace:
    'autoSpaceDE/DN: LibreOffice’s DOCX import ignores both and sets a gap where hanzi meet digits or Latin letters; with its own autospace off (ODF text-autospace none) the line is alike',
  overflowPunct:
    'overflowPunct: LibreOffice’s DOCX import reads it inverted (on = no hanging), so a closing mark the PDF hangs past the 28th cell moves the line’s last character down',
  kinsokuLists:
    'noLineBreaksBefore/After: LibreOffice’s DOCX import ignores these lists (GB/T 15834’s marks, in settings.xml) and breaks Chinese by its own rules: it keeps a quotation mark with the character beside it (Unicode line breaking, UAX #14 LB19) and lets a dash start a line',
  number:
    'a number with its unit (spec §11): no Word setting can say it, so the DOCX does not; LibreOffice breaks after the number where the PDF keeps it with its unit',
  pdfAllowance:
    'the PDF breaks a cell early where Latin meets Chinese: its LATIN_IN_CJK allowance (src/layout/spec.ts), tuned to LibreOffice 7.4, widens such lines by 0.25 pt a change',
  other: 'not explained',
} as const;
export type Reason = keyof typeof REASONS;

export interface LineDiff {
  pdf: string;
  /** LibreOffice's line in the same place, when there is one. */
  docx?: string;
  /** For a reason other than autospace: LibreOffice's line in the same place with its autospace off. */
  docxNoAutospace?: string;
  reason: Reason;
  /** The line differs only because an earlier line of its run did. */
  follows: boolean;
}

export interface ExplainedParity extends Parity {
  libreOffice: string;
  /** Lines of LibreOffice's rendering of its own flat ODF of the DOCX that differ from its rendering of the DOCX (0: the variants measure the DOCX). */
  roundTripDiffers: number;
  diffs: LineDiff[];
  byReason: Partial<Record<Reason, number>>;
}

const CLOSING = /[，。、；：？！”’）》」』】]$/;
const QUOTE = /[“”‘’]/;
/** Marks that never start a line (spec §9, GB/T 15834 §5.1), a dash and an ellipsis among them. */
const NO_LINE_START = /^[。，、；：？！）》」』】〕〗〉”’…—]/;
const ASCII = /[\x21-\x7e]/;

/** Where LibreOffice's autospace is switched off in its own format. */
function autospaceOff(fodt: string): string {
  const on = /style:text-autospace="ideograph-alpha"/g;
  if (!on.test(fodt)) throw new Error('LibreOffice’s .fodt of the DOCX has no text-autospace to switch off: the instrument changed');
  return fodt.replace(on, 'style:text-autospace="none"');
}

/**
 * The reason for a run of differing lines, read at its first line: the PDF's line `a` and
 * LibreOffice's lines `lo` with `j` the one in the same place (both start the run).
 */
function classify(a: PrintedLine, lo: PrintedLine[], j: number, blockRight: number): Reason {
  const b = lo[j];
  if (!b) return 'other';
  if (b.text.startsWith(a.text)) {
    // LibreOffice set more on the line than the PDF.
    if (/[0-9]$/.test(b.text)) return 'number';
    if (NO_LINE_START.test(lo[j + 1]?.text ?? '')) return 'kinsokuLists';
    if (ASCII.test(a.text)) return 'pdfAllowance';
    return 'other';
  }
  if (a.text.startsWith(b.text)) {
    // LibreOffice moved characters of the PDF's line down.
    const moved = a.text.slice(b.text.length);
    if (CLOSING.test(a.text) && a.right > blockRight + 1) return 'overflowPunct';
    if (QUOTE.test(moved) || QUOTE.test(b.text.slice(-1))) return 'kinsokuLists';
  }
  return 'other';
}

/** For line `i` of the first sequence, the index of the line in the same place in the second: as far past the last aligned pair before it. */
function samePlace(pairs: Array<[number, number]>, i: number): { from: number; at: number } {
  let k = pairs.length - 1;
  while (k >= 0 && pairs[k]![0] > i) k--;
  const [pi, pj] = k >= 0 ? pairs[k]! : [-1, -1];
  return { from: pi + 1, at: pj + 1 + (i - pi - 1) };
}

/**
 * The PDF against LibreOffice's rendering of the DOCX, with the reason for every line that
 * differs. `blockRight` is the right edge of the text block in points from the page's left.
 */
export async function explainedParity(issue: Issue, blockRight: number): Promise<ExplainedParity> {
  const pdfPages = pdfLines((await renderPdf(issue, quiet)).bytes);
  const rendered = docxToPdfVariants((await renderDocx(issue, quiet)).bytes, { autospaceOff });
  const loPages = pdfLines(rendered.docx);
  const base = compare(pdfPages, loPages);
  const pdf = pdfPages.flatMap(printedRows);
  const lo = loPages.flatMap(printedRows);
  const noAuto = pdfLines(rendered.variants.autospaceOff!).flatMap(printedRows);
  const text = (ls: PrintedLine[]): string[] => ls.map((l) => l.text);

  const roundTrip = pdfLines(rendered.fodt).flatMap(printedLines);
  const roundTripDiffers = Math.max(roundTrip.length, lo.length) - alignLines(text(lo), roundTrip).length;

  const asIs = alignLines(text(pdf), text(lo));
  const alike = new Set(asIs.map(([i]) => i));
  const withoutAutospace = alignLines(text(pdf), text(noAuto));
  const alikeWithoutAutospace = new Set(withoutAutospace.map(([i]) => i));

  const diffs: LineDiff[] = [];
  const runReason = new Map<number, Reason>();
  pdf.forEach((line, i) => {
    if (alike.has(i)) return;
    const docx = lo[samePlace(asIs, i).at]?.text;
    if (alikeWithoutAutospace.has(i)) {
      diffs.push({ pdf: line.text, docx, reason: 'autospace', follows: false });
      return;
    }
    const { from, at } = samePlace(withoutAutospace, i);
    if (!runReason.has(from)) runReason.set(from, classify(pdf[from]!, noAuto, samePlace(withoutAutospace, from).at, blockRight));
    diffs.push({ pdf: line.text, docx, docxNoAutospace: noAuto[at]?.text, reason: runReason.get(from)!, follows: i !== from });
  });
  const byReason: Partial<Record<Reason, number>> = {};
  for (const d of diffs) byReason[d.reason] = (byReason[d.reason] ?? 0) + 1;
  return { ...base, libreOffice: libreOfficeVersion() ?? 'unknown', roundTripDiffers, diffs, byReason };
}
