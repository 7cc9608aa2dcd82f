/** The preview renders through the one list of formats: the web edition and the PDF, as `build` does. */
import { formatById } from '../render/formats.js';
import type { PreviewRenderers } from './rebuild.js';

const quiet = { log: (): void => undefined };

export function formatRenderers(): PreviewRenderers {
  const html = formatById('html');
  const pdf = formatById('pdf');
  if (!html || !pdf) throw new Error('html and pdf formats must be registered');
  return {
    html: async (issue) => Buffer.from((await html.render(issue, quiet)).bytes).toString('utf8'),
    pdf: async (issue) => (await pdf.render(issue, quiet)).bytes,
  };
}
