import type { Issue } from '../../model/types.js';
import { UserError } from '../../diagnostics.js';
import type { RenderContext } from '../formats.js';

// Placeholder until the DOCX renderer lands; `build` reports it rather than writing nothing.
export async function renderDocx(_issue: Issue, _ctx: RenderContext): Promise<Uint8Array> {
  throw new UserError('DOCX 输出尚未实现');
}
