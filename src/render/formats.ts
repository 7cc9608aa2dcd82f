/**
 * The one list of output formats. `build`, `archive` and the tests iterate over it; adding a
 * format means adding an entry here and a renderer folder beside this file. Renderers are
 * loaded lazily so that `check` and `list` never pay for pdfmake or docx.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Issue } from '../model/types.js';

export interface RenderContext {
  /** Progress and facts worth telling the user (which font served which role), in Chinese. */
  log(message: string): void;
}

/** What a renderer knows when it is done: the file, its own page count, and what it noticed. */
export interface Rendered {
  bytes: Uint8Array;
  /**
   * Pages of this file as its renderer laid it out; undefined when the client paginates
   * (the DOCX: Word or WPS breaks its pages, see archive/build-one.ts for what is recorded).
   */
  pages?: number;
  diagnostics: Diagnostic[];
}

export interface OutputFormat {
  id: 'pdf' | 'docx';
  ext: string;
  /** Turns the issue model into the file; throws UserError for problems in the sources. */
  render(issue: Issue, ctx: RenderContext): Promise<Rendered>;
}

export const FORMATS: readonly OutputFormat[] = [
  {
    id: 'pdf',
    ext: '.pdf',
    render: async (issue, ctx) => (await import('./pdf/render-pdf.js')).renderPdf(issue, ctx),
  },
  {
    id: 'docx',
    ext: '.docx',
    render: async (issue, ctx) => (await import('./docx/render-docx.js')).renderDocx(issue, ctx),
  },
];

export function formatById(id: string): OutputFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}
