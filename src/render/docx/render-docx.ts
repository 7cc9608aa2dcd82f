/**
 * The DOCX renderer: the one Galley translated into an editable Word document driven
 * by its styles, byte-identical for the same sources.
 */
import type { Galley } from '../../layout/galley.js';
import type { RenderContext, Rendered } from '../formats.js';
import { buildDocument } from './document.js';
import { reproducibleDocx } from './reproducible-zip.js';

export async function renderDocx(galley: Galley, ctx: RenderContext): Promise<Rendered> {
  const out = await reproducibleDocx(buildDocument(galley), galley.meta.isoDate, galley.text);
  ctx.progress({
    kind: 'docx-fonts',
    file: `${galley.meta.fileStem}.docx`,
    officialNames: Object.values(galley.fonts).map((f) => f.officialName),
  });
  // Word and WPS paginate a DOCX at the reader's end: no page count is claimed here.
  return { bytes: out };
}
