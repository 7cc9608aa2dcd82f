/** The preview renders through the one list of formats: the web edition and the PDF, as `build` does. */
import { formatById } from '../render/formats.js';
import { renderFormat } from '../render-issue.js';
import type { PreviewRenderers } from './rebuild.js';

export function formatRenderers(): PreviewRenderers {
  const html = formatById('html');
  const pdf = formatById('pdf');
  if (!html || !pdf) throw new Error('html and pdf formats must be registered');
  return {
    html: async (issue) => Buffer.from((await renderFormat(issue, html)).bytes).toString('utf8'),
    pdf: async (issue) => (await renderFormat(issue, pdf)).bytes,
  };
}
