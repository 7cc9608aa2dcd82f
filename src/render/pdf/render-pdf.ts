/**
 * Galley → print-ready PDF bytes, with pdfmake (loaded lazily: `check` and `list` never pay
 * for it). Fonts are resolved per role on first use and only used faces are embedded.
 */
import type { Issue } from '../../model/types.js';
import { FontResolver } from '../../fonts/resolve.js';
import { Faces } from '../../fonts/faces.js';
import { compose } from '../../layout/compose.js';
import { missingGlyphsError } from '../../layout/fallback.js';
import type { RenderContext, Rendered } from '../formats.js';
import { buildDocument } from './document.js';
import { runPdfmake } from './pdfmake-run.js';

export async function renderPdf(issue: Issue, ctx: RenderContext): Promise<Rendered> {
  const fonts = new Faces(new FontResolver(issue), ctx.log);
  const galley = compose(issue, fonts);
  let n = 0;
  const env = { fonts, images: new Set<string>(), nextId: (prefix: string) => `${prefix}-${++n}` };
  const plan = buildDocument(galley, env);
  if (fonts.missing.size > 0) throw missingGlyphsError([...fonts.missing.values()]);
  const bytes = await runPdfmake(plan.doc, fonts.usedFaces(), env.images);
  return { bytes, pages: plan.pages(), diagnostics: [] };
}
