/**
 * Galley → print-ready PDF bytes, with pdfmake (loaded lazily: `check` and `list` never pay
 * for it). The faces are the ones the galley was composed with; only used faces are embedded.
 */
import type { Galley } from '../../layout/galley.js';
import { missingGlyphsError } from '../../layout/fallback.js';
import type { RenderContext, Rendered } from '../formats.js';
import { buildDocument } from './document.js';
import { gridOf } from './grid.js';
import { runPdfmake } from './pdfmake-run.js';

export async function renderPdf(galley: Galley, ctx: RenderContext): Promise<Rendered> {
  const fonts = ctx.faces;
  let n = 0;
  const env = { fonts, galley, grid: gridOf(galley), images: new Set<string>(), nextId: (prefix: string) => `${prefix}-${++n}` };
  const plan = buildDocument(galley, env);
  if (fonts.missing.size > 0) throw missingGlyphsError([...fonts.missing.values()]);
  const bytes = await runPdfmake(plan.doc, fonts.usedFaces(), env.images);
  return { bytes, pages: plan.pages(), diagnostics: [] };
}
