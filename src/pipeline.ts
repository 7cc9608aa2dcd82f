/**
 * The stages every command shares, in order: find the series → load its issues → load an
 * issue's sources → build the model. Each stage collects its problems in one Diagnostics.
 */
import type { IssueConfig } from './config/issue-file.js';
import { loadSeries, requireSeriesRoot, type Series } from './config/series.js';
import { Diagnostics, UserError } from './diagnostics.js';
import { buildIssue } from './model/build-issue.js';
import type { Issue } from './model/types.js';
import { loadAllIssues, type BrokenIssue } from './sources/find.js';
import { loadIssueSources, type SourceFile, type SourceLoader } from './sources/load.js';

export interface SeriesContext {
  series: Series;
  issues: IssueConfig[];
  /** Folders under issues/ whose issue.yaml is missing or wrong; their errors are in diags. */
  broken: BrokenIssue[];
  diags: Diagnostics;
}

/** Loads bulletin.yaml and every issue.yaml; a broken bulletin.yaml stops here. */
export function openSeries(cwd: string): SeriesContext {
  const root = requireSeriesRoot(cwd);
  const diags = new Diagnostics();
  const series = loadSeries(root, diags);
  // Any error in bulletin.yaml stops every command: a section listed twice would print its
  // items twice, an issuesDir outside the series would read other folders.
  if (!series || diags.hasErrors()) throw new UserError('bulletin.yaml 有错误，请先改正', diags.list);
  const { issues, broken } = loadAllIssues(series, diags);
  return { series, issues, broken, diags };
}

/** For commands that use every issue (new, archive): a broken one stops them, named. */
export function requireNoBroken(ctx: SeriesContext, why: string): void {
  if (ctx.broken.length === 0) return;
  const where = ctx.broken.map((b) => b.file).join('、');
  throw new UserError(
    `${where} 有错误，${why}。请先改正上面列出的问题`,
    ctx.broken.flatMap((b) => b.diagnostics),
  );
}

export interface LoadedIssue {
  cfg: IssueConfig;
  sources: SourceFile[];
  issue?: Issue;
}

export function loadIssue(ctx: SeriesContext, cfg: IssueConfig, diags: Diagnostics = ctx.diags, load?: SourceLoader): LoadedIssue {
  const sources = loadIssueSources(cfg.dir, ctx.series.root, diags, load);
  const issue = buildIssue(ctx.series, cfg, sources, ctx.issues, diags);
  return { cfg, sources, issue };
}
