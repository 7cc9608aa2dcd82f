/**
 * The DOCX renderer: the issue composed once (src/layout/compose.ts) and translated into an
 * editable Word document driven by its styles, byte-identical for the same sources.
 */
import type { Issue } from '../../model/types.js';
import type { RenderContext, Rendered } from '../formats.js';
import { compose, issueMetrics } from '../../layout/compose.js';
import { buildDocument } from './document.js';
import { reproducibleDocx } from './reproducible-zip.js';

export async function renderDocx(issue: Issue, ctx: RenderContext): Promise<Rendered> {
  const galley = compose(issue, issueMetrics(issue));
  const out = await reproducibleDocx(buildDocument(galley), issue.meta.isoDate);
  ctx.log(`DOCX：${issue.meta.fileStem}.docx，字体按公文字体命名（${Object.values(issue.fonts).map((f) => f.officialName).join('、')}）`);
  // Word and WPS paginate a DOCX at the reader's end: no page count is claimed here.
  return { bytes: out, diagnostics: [] };
}
