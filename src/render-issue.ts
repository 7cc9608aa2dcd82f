/**
 * One issue → the bytes of each requested format. Shared by `build` and `archive` so that the
 * archive holds exactly what a clerk's build produces. The issue is composed here, once, and
 * every format translates that one Galley: no renderer sees the model.
 */
import type { IssueConfig } from './config/issue-file.js';
import { Diagnostics, UserError } from './diagnostics.js';
import type { Faces } from './fonts/faces.js';
import { relPath } from './paths.js';
import { loadIssue, type SeriesContext } from './pipeline.js';
import type { Issue } from './model/types.js';
import { compose, issueMetrics, type ComposeOptions } from './layout/compose.js';
import type { Galley } from './layout/galley.js';
import type { PagedDocument } from './layout/paged.js';
import { layoutLimits } from './layout/limits.js';
import { paginate } from './layout/paginate.js';
import { missingGlyphs } from './layout/coverage.js';
import { missingGlyphsError } from './layout/fallback.js';
import { fontNamesNotInstalled } from './fonts/not-installed.js';
import { silent, type OnProgress } from './progress.js';
import { sourceLocator } from './sources/locate.js';
import type { OutputFormat, RenderContext, Rendered } from './render/formats.js';

export interface Composed {
  galley: Galley;
  /** The faces the galley was measured with; the PDF embeds them. */
  faces: Faces;
}

/** The one composition of an issue; `progress` hears which font file serves each role. */
export function composeIssue(issue: Issue, progress: OnProgress = silent, options: ComposeOptions = {}): Composed {
  const faces = issueMetrics(issue, progress);
  return { galley: compose(issue, faces, options), faces };
}

/** The context a format renders in: the pages made once when a format draws pages. */
function contextFor(formats: readonly OutputFormat[], { galley, faces }: Composed, progress: OnProgress): RenderContext {
  return formats.some((f) => f.paged) ? { progress, faces, pages: paginate(galley, faces) } : { progress, faces };
}

/** One format of an issue, for callers that render on their own (the preview, tests). */
export async function renderFormat(
  issue: Issue,
  format: OutputFormat,
  progress: OnProgress = silent,
  options: ComposeOptions = {},
): Promise<Rendered> {
  const composed = composeIssue(issue, format.embedsFonts ? progress : undefined, options);
  return format.render(composed.galley, contextFor([format], composed, progress));
}

export interface RenderedIssue {
  issue: Issue;
  files: Array<{ format: OutputFormat } & Rendered>;
  warnings: Diagnostics;
  /** The pages the paged formats drew, when one was asked for: where each item begins. */
  paged?: PagedDocument;
}

/**
 * `options.preprinted`: the paper formats leave out what preprinted 红头 paper carries (`build
 * --preprinted`); the archive never asks for it, so it keeps the whole masthead.
 */
export async function renderIssue(
  ctx: SeriesContext,
  cfg: IssueConfig,
  formats: readonly OutputFormat[],
  progress: OnProgress = silent,
  options: ComposeOptions = {},
): Promise<RenderedIssue> {
  const diags = new Diagnostics();
  const { issue, sources } = loadIssue(ctx, cfg, diags);
  if (!issue || diags.hasErrors()) {
    throw new UserError(
      `${relPath(ctx.series.root, cfg.dir)} 的稿件有错误，没有生成文件。请改正后重试（bulletin check 可列出全部问题）`,
      diags.list,
    );
  }
  // What the page cannot hold is refused here, located, before a renderer meets it; what it
  // adapts to (a wide table in smaller type) is said with the other warnings.
  // Which file serves a role is news where a format embeds the fonts.
  const composed = composeIssue(issue, formats.some((f) => f.embedsFonts) ? progress : undefined, options);
  // A configured font this computer lacks is said at its setting, as `check` says it.
  fontNamesNotInstalled(ctx.series, issue, diags);
  const { galley, faces: metrics } = composed;
  const limits = layoutLimits(galley, metrics);
  for (const d of limits) diags.add(d);
  if (limits.some((d) => d.severity === 'error')) {
    throw new UserError(`${relPath(ctx.series.root, cfg.dir)} 的版面排不下，没有生成文件。请按上面的提示修改后重试`, diags.list);
  }
  // Every character no font has, each at its place, as `check` lists them: a file that embeds
  // its fonts would print them as empty boxes.
  if (formats.some((f) => f.embedsFonts)) {
    const missing = missingGlyphs(galley, metrics, sourceLocator(ctx.series.root, sources));
    if (missing.length > 0) throw missingGlyphsError(missing);
  }
  // Render everything before anything is written: a failure in one format leaves no partial set.
  const files: RenderedIssue['files'] = [];
  const formatCtx = contextFor(formats, composed, progress);
  for (const format of formats) {
    const r = await format.render(galley, formatCtx);
    files.push({ format, ...r });
  }
  return { issue, files, warnings: diags, ...(formatCtx.pages ? { paged: formatCtx.pages } : {}) };
}
