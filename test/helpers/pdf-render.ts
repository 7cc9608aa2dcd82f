/**
 * Renders a model to PDF for tests and reads it back, plus the page geometry the tests
 * measure against — from the official spec's numbers (official-spec.ts), never from the code.
 */
import zlib from 'node:zlib';
import { expect } from 'vitest';
import type { Block, Issue } from '../../src/model/types.js';
import { MM, SPEC_BLOCK, SPEC_GRID, SPEC_KINSOKU, SPEC_PAGE, SPEC_SIZE } from './official-spec.js';
import { renderPdf } from './render-format.js';
import { readPdf, type PdfLine, type PdfPage, type PdfRead } from './pdf-text.js';

export const GEOM = {
  pageWidth: SPEC_PAGE.widthMm * MM,
  pageHeight: SPEC_PAGE.heightMm * MM,
  left: SPEC_PAGE.leftMm * MM,
  top: SPEC_PAGE.topMm * MM,
  right: (SPEC_PAGE.widthMm - SPEC_PAGE.rightMm) * MM,
  bottom: (SPEC_PAGE.topMm + SPEC_BLOCK.heightMm) * MM,
  pitch: SPEC_GRID.pitchPt,
  cell: SPEC_GRID.cellPt,
  bodySize: SPEC_SIZE.bodyPt,
  pageNumberSize: SPEC_SIZE.pageNumberPt,
  endSize: SPEC_SIZE.endBlockPt,
};

export interface Rendered {
  bytes: Uint8Array;
  pdf: PdfRead;
  log: string[];
}

export async function renderAndRead(issue: Issue): Promise<Rendered> {
  const log: string[] = [];
  const { bytes } = await renderPdf(issue, { log: (m) => log.push(m) });
  return { bytes, pdf: await readPdf(bytes), log };
}

const PAGE_NUMBER_RE = /^—\s*\d+\s*—$/;

export function isPageNumber(l: PdfLine): boolean {
  return PAGE_NUMBER_RE.test(l.text.trim());
}

/** Lines of body text: body size, inside the text block, not a page number. */
export function bodyLines(page: PdfPage): PdfLine[] {
  return page.lines.filter(
    (l) =>
      !isPageNumber(l) &&
      l.y < GEOM.bottom &&
      l.items.every((i) => i.size <= GEOM.bodySize && i.size >= GEOM.bodySize - SPEC_SIZE.bodyTighteningPt),
  );
}

export const NO_LINE_START = new Set(Array.from(SPEC_KINSOKU.noLineStart));
export const NO_LINE_END = new Set(Array.from(SPEC_KINSOKU.noLineEnd));

/** Full-width characters take one cell; everything else (digits, Latin) is not counted. */
export function isFullWidth(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return cp >= 0x2e80 || '“”‘’—…·★●'.includes(ch);
}

function blockText(b: Block): string {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return b.runs.map((r) => r.text).join('');
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${b.start + i}.` : '●'}${item.map(blockText).join('')}`).join('');
    case 'table':
      return [b.caption ?? '', ...[b.header, ...b.rows].map((row) => row.map((c) => c.runs.map((r) => r.text).join('')).join(''))].join('');
    case 'image':
      return b.caption ?? '';
  }
}

/**
 * The contents box's text, from the model (issue 24): 本期要目, then each column's head and its
 * items — ★ and a news item's lead without the 。 that closes it in the body, an article's title.
 */
export function contentsText(issue: Issue): string {
  const parts = ['本期要目'];
  for (const s of issue.sections) {
    parts.push(s.heading);
    for (const e of s.entries) parts.push(e.kind === 'news' ? `★${e.leadText.replace(/。$/, '')}` : e.title);
  }
  return parts.join('').replace(/[\s\u3000]+/g, '');
}

/**
 * The whole printed text of an issue in reading order, from the model; `contents`: the issue
 * prints the contents box under the masthead.
 */
export function modelText(issue: Issue, { contents = false } = {}): string {
  const m = issue.masthead;
  const parts: string[] = [m.classification ?? '', m.seriesLine, m.name, m.label, m.totalLabel ?? '', m.publisher, m.date];
  if (contents) parts.push(contentsText(issue));
  if (issue.note) {
    parts.push(issue.note.runIn ? `${issue.note.title}：` : issue.note.title, ...issue.note.blocks.map(blockText));
  }
  for (const s of issue.sections) {
    parts.push(s.heading);
    for (const e of s.entries) {
      if (e.kind === 'news') parts.push('★', e.lead.map((r) => r.text).join(''), ...e.body.map(blockText));
      else parts.push(e.title, e.subtitle ?? '', ...e.blocks.map(blockText));
    }
  }
  const eb = issue.endBlock;
  for (const d of eb.distribution) parts.push(`${d.label}：${d.text}`);
  parts.push(eb.copies ?? '', eb.printer, eb.printDate);
  return parts.join('').replace(/[\s\u3000]+/g, '');
}

/** Text of the PDF in reading order without page numbers. */
export function pdfText(pdf: PdfRead): string {
  return pdf.pages
    .flatMap((p) => p.lines.filter((l) => !isPageNumber(l)).map((l) => l.text))
    .join('')
    .replace(/[\s\u3000]+/g, '');
}

/**
 * Asserts GB/T 15834 §5.1 on every body line of the pages: no line ends with an opening
 * mark; a line that continues a paragraph (flush left, one pitch under the previous) starts
 * with no closing mark, dash or ellipsis, and no —— or …… is cut across two lines.
 * Returns how many continuation lines were checked, so a test can require enough of them.
 */
export function expectKinsoku(pages: PdfPage[], skip: (text: string) => boolean = () => false): number {
  let continuations = 0;
  for (const p of pages) {
    const lines = bodyLines(p);
    lines.forEach((l, i) => {
      const chars = Array.from(l.text.replace(/ /g, ''));
      expect(NO_LINE_END.has(chars.at(-1)!), l.text).toBe(false);
      const prev = lines[i - 1];
      if (!prev || Math.abs(l.x - GEOM.left) > 0.5 || Math.abs(l.y - prev.y - GEOM.pitch) > 0.1 || skip(l.text)) return;
      continuations++;
      expect(NO_LINE_START.has(chars[0]!), l.text).toBe(false);
      expect(l.text.startsWith('—') || l.text.startsWith('…'), l.text).toBe(false);
      expect(/—$/.test(prev.text.trim()) && /^—/.test(l.text.trim()), `${prev.text}/${l.text}`).toBe(false);
      expect(/…$/.test(prev.text.trim()) && /^…/.test(l.text.trim()), `${prev.text}/${l.text}`).toBe(false);
    });
  }
  return continuations;
}

export interface PdfRule {
  widthPt: number;
  /** Distance from the top of the page, in points. */
  y: number;
  x1: number;
  x2: number;
}

/**
 * Horizontal rules stroked anywhere in the PDF, read from its (deflated) content streams:
 * pdfkit writes a rule as `w … m … l S` in a y-up space flipped by the page height.
 */
export function horizontalRules(bytes: Uint8Array): PdfRule[] {
  const buf = Buffer.from(bytes);
  const raw = buf.toString('latin1');
  const out: PdfRule[] = [];
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    let text: string;
    try {
      text = zlib.inflateSync(buf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue;
    }
    const rule = /([\d.]+) w\n(?:[^\n]*\n){0,3}?([\d.]+) ([\d.]+) m\n([\d.]+) ([\d.]+) l\n/g;
    for (let r = rule.exec(text); r; r = rule.exec(text)) {
      if (r[3] !== r[5]) continue;
      out.push({ widthPt: Number(r[1]), y: Number(r[3]), x1: Number(r[2]), x2: Number(r[4]) });
    }
  }
  return out;
}
