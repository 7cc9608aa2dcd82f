/**
 * Pages → print-ready PDF bytes, with pdfmake (loaded lazily: `check` and `list` never pay
 * for it). The pages come from layout/paginate.ts, made in the pipeline from the one Galley;
 * the faces are the ones it was set with, and only used faces are embedded.
 */
import type { Galley } from '../../layout/galley.js';
import { missingGlyphsError } from '../../layout/fallback.js';
import type { RenderContext, Rendered } from '../formats.js';
import type { Faces } from '../../fonts/faces.js';
import { documentOf, type DrawnDocument } from './draw-pages.js';
import { runPdfmake } from './pdfmake-run.js';

export async function renderPdf(_galley: Galley, ctx: RenderContext): Promise<Rendered> {
  const pages = ctx.pages;
  if (!pages) throw new Error('the PDF draws pages: the pipeline paginates the galley for it');
  return { bytes: await drawPdf(pages, ctx.faces), pages: pages.pages.length };
}

/** Pages drawn into a PDF with the faces they were set with (an issue's, or a bound volume's front matter). */
export async function drawPdf(pages: DrawnDocument, fonts: Faces): Promise<Uint8Array> {
  const images = new Set<string>();
  const doc = documentOf(pages, fonts, images);
  if (fonts.missing.size > 0) throw missingGlyphsError([...fonts.missing.values()]);
  return runPdfmake(doc, fonts.usedFaces(), images);
}
