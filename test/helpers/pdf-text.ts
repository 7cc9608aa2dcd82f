/**
 * Reads a PDF back the way a reader sees it: per page, the text lines grouped by baseline,
 * each with its position (points from the top-left corner, as the layout spec measures) and
 * the fonts its pieces use. Uses pdfjs-dist, so tests need no Debian package.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfItem {
  text: string;
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  width: number;
  /** Font size as drawn (the text matrix scale). */
  size: number;
  /** PostScript name of the embedded font, without the subset tag. */
  font: string;
}

export interface PdfLine {
  text: string;
  x: number;
  y: number;
  right: number;
  items: PdfItem[];
  fonts: string[];
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  lines: PdfLine[];
}

export interface PdfRead {
  pages: PdfPage[];
  info: Record<string, unknown>;
  outline: Array<{ title: string; items: Array<{ title: string }> }>;
  /** Every embedded font: name, and whether pdfjs found it missing or without a Unicode map. */
  fonts: Array<{ name: string; missingFile: boolean }>;
}

const BASELINE_TOLERANCE = 0.6;

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  const fonts = new Map<string, { name: string; missingFile: boolean }>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const view = page.view;
    const height = view[3] - view[1];
    const width = view[2] - view[0];
    await page.getOperatorList();
    const content = await page.getTextContent();
    const items: PdfItem[] = [];
    for (const it of content.items) {
      if (!('str' in it) || it.str === '') continue;
      const fontObj = page.commonObjs.has(it.fontName)
        ? (page.commonObjs.get(it.fontName) as { name?: string; missingFile?: boolean })
        : undefined;
      const full = fontObj?.name ?? it.fontName;
      const font = full.replace(/^[A-Z]{6}\+/, '');
      fonts.set(full, { name: full, missingFile: Boolean(fontObj?.missingFile) });
      const [a, b, , , e, f] = it.transform as number[];
      items.push({ text: it.str, x: e, y: height - f, width: it.width, size: Math.hypot(a, b), font });
    }
    items.sort((p, q) => p.y - q.y || p.x - q.x);
    const lines: PdfLine[] = [];
    for (const item of items) {
      const line = lines.find((l) => Math.abs(l.y - item.y) <= BASELINE_TOLERANCE);
      if (line) line.items.push(item);
      else lines.push({ text: '', x: 0, y: item.y, right: 0, items: [item], fonts: [] });
    }
    for (const l of lines) {
      l.items.sort((p, q) => p.x - q.x);
      l.text = l.items.map((i) => i.text).join('');
      l.x = l.items[0].x;
      l.right = Math.max(...l.items.map((i) => i.x + i.width));
      l.fonts = [...new Set(l.items.map((i) => i.font))];
    }
    lines.sort((p, q) => p.y - q.y);
    pages.push({ number: n, width, height, lines });
  }
  const meta = await doc.getMetadata();
  const rawOutline = (await doc.getOutline()) ?? [];
  const outline = rawOutline.map((o) => ({ title: o.title, items: (o.items ?? []).map((c) => ({ title: c.title })) }));
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown>, outline, fonts: [...fonts.values()] };
}

/** Removes everything but the letters a reader reads: whitespace is layout, not text. */
export function normaliseText(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}
