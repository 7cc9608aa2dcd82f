/**
 * Issue model → print-ready PDF bytes, with pdfmake (loaded lazily: `check` and `list` never
 * pay for it). Fonts are resolved per role on first use and only used faces are embedded.
 */
import type { Issue } from '../../model/types.js';
import { FontResolver } from '../../fonts/resolve.js';
import type { RenderContext } from '../formats.js';
import { buildDocument } from './document.js';
import { missingGlyphsError } from '../../layout/fallback.js';
import { Faces } from '../../fonts/faces.js';
import { runPdfmake } from './pdfmake-run.js';

export async function renderPdf(issue: Issue, ctx: RenderContext): Promise<Uint8Array> {
  const fonts = new Faces(new FontResolver(issue), ctx.log);
  let n = 0;
  const env = { fonts, images: new Set<string>(), nextId: (prefix: string) => `${prefix}-${++n}` };
  const { doc } = buildDocument(issue, env);
  if (fonts.missing.size > 0) throw missingGlyphsError([...fonts.missing.values()]);
  return runPdfmake(doc, fonts.usedFaces(), env.images);
}
