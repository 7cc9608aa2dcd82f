import type { Issue } from '../../model/types.js';
import { UserError } from '../../diagnostics.js';
import type { RenderContext } from '../formats.js';

// Placeholder until the PDF renderer lands; `build` reports it rather than writing nothing.
export async function renderPdf(_issue: Issue, _ctx: RenderContext): Promise<Uint8Array> {
  throw new UserError('PDF 输出尚未实现');
}
