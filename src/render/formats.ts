/**
 * The one list of output formats. `build`, `archive` and the tests iterate over it; adding a
 * format means adding an entry here and a renderer folder beside this file. Renderers are
 * loaded lazily so that `check` and `list` never pay for pdfmake or docx.
 */
import type { Faces } from '../fonts/faces.js';
import type { Galley } from '../layout/galley.js';
import type { PagedDocument } from '../layout/paged.js';
import type { OnProgress } from '../progress.js';

export interface RenderContext {
  /** Facts worth telling the clerk as the files are made (typed; src/cli/report.ts words them). */
  progress: OnProgress;
  /** The faces the galley was composed with: the PDF embeds what its text uses. */
  faces: Faces;
  /** The galley on pages (layout/paginate.ts), made once for the formats that are `paged`. */
  pages?: PagedDocument;
}

/**
 * What a renderer knows when it is done: the file and its own page count. A renderer decides
 * nothing (composition.md), so it has no problems of its own to report: those are found and
 * located before it runs (render-issue.ts), or it throws.
 */
export interface Rendered {
  bytes: Uint8Array;
  /**
   * Pages of this file as its renderer laid it out; undefined when the client paginates
   * (the DOCX: Word or WPS breaks its pages, see archive/build-one.ts for what is recorded).
   */
  pages?: number;
}

export interface OutputFormat {
  id: 'pdf' | 'docx' | 'html' | 'wechat';
  ext: string;
  /** Built when no --format is given, and kept in the archive. */
  byDefault: boolean;
  /**
   * The file carries its own fonts (the PDF): a character none of them has would print as an
   * empty box, so the build stops and names it (layout/coverage.ts).
   */
  embedsFonts?: true;
  /** The format draws pages: the pipeline paginates the galley for it (RenderContext.pages). */
  paged?: true;
  /** The format is printed on paper: `build --preprinted` makes it for preprinted 红头 paper. */
  paper?: true;
  /** Translates the one Galley into the file; throws UserError for problems in the sources. */
  render(galley: Galley, ctx: RenderContext): Promise<Rendered>;
}

export const FORMATS: readonly OutputFormat[] = [
  {
    id: 'pdf',
    ext: '.pdf',
    byDefault: true,
    embedsFonts: true,
    paged: true,
    paper: true,
    render: async (galley, ctx) => (await import('./pdf/render-pdf.js')).renderPdf(galley, ctx),
  },
  {
    id: 'docx',
    ext: '.docx',
    byDefault: true,
    paper: true,
    render: async (galley, ctx) => (await import('./docx/render-docx.js')).renderDocx(galley, ctx),
  },
  {
    // The web edition: one self-contained page, no script, readable on a phone.
    id: 'html',
    ext: '.html',
    byDefault: true,
    render: async (galley, ctx) => (await import('./html/render-html.js')).renderHtml(galley, ctx, 'web'),
  },
  {
    // For the WeChat official-account editor, which drops <style> and class: every style inline.
    id: 'wechat',
    ext: '.wechat.html',
    byDefault: false,
    render: async (galley, ctx) => (await import('./html/render-html.js')).renderHtml(galley, ctx, 'wechat'),
  },
];

/** What `build` writes without --format, and what the archive keeps. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = FORMATS.filter((f) => f.byDefault);

export function formatById(id: string): OutputFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}
