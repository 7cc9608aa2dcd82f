/** `bulletin check`: every rule over the chosen issues, problems collected for one report. */
import type { IssueConfig } from '../config/issue-file.js';
import { Diagnostics, UserError } from '../diagnostics.js';
import { driftDiagnostics, readRecord, recordPath } from '../archive/record.js';
import { issueLabel } from '../numbering/label.js';
import { relPath } from '../paths.js';
import { numberedIssues, numberingDiagnostic, numberingProblems } from '../numbering/sequence.js';
import { fontNamesNotInstalled } from '../fonts/not-installed.js';
import type { Issue } from '../model/types.js';
import { loadIssue, type SeriesContext } from '../pipeline.js';
import { sourceLocator } from '../sources/locate.js';
import { paperProblems } from './glyphs.js';
import { mixedLeads } from './mixed-leads.js';
import { checkIssueStubValues, checkStubValues } from './stub-hints.js';
import { checkText, frontMatterLines, proseLines } from './text-rules.js';
import { loadSourceFile, type SourceFile, type SourceLoader } from '../sources/load.js';

export function checkNumbering(ctx: SeriesContext, only: IssueConfig[] | undefined, diags: Diagnostics): void {
  const numbered = numberedIssues(ctx.issues);
  const files = only ? new Set(only.map((i) => i.file)) : undefined;
  // An issue.yaml that did not load leaves a hole in the numbers; its own error says why, and
  // a gap warning on the next issue would send the clerk to the wrong file.
  const unloaded = ctx.diags.errors.some((d) => d.file.endsWith('issue.yaml'));
  for (const p of numberingProblems(ctx.series.numbering, numbered)) {
    if (files && !files.has(p.file)) continue;
    if (unloaded && p.kind === 'gap') continue;
    diags.add(numberingDiagnostic(p));
  }
}

/**
 * One source file loaded and put through the rules that look at that file alone. What it
 * reports depends only on the file, so the preview may keep it while the file is unchanged.
 */
export function loadCheckedSource(abs: string, seriesRoot: string, diags: Diagnostics): SourceFile | undefined {
  const src = loadSourceFile(abs, seriesRoot, diags);
  if (src) {
    checkText(src.rel, [...frontMatterLines(src), ...proseLines(src)], diags);
    checkStubValues(src, diags);
  }
  return src;
}

/**
 * Returns the model when the sources built one, so a caller (preview) need not load twice.
 * `load` loads and checks one source file (loadCheckedSource, or a cache of it).
 */
export function checkIssue(
  ctx: SeriesContext,
  cfg: IssueConfig,
  diags: Diagnostics,
  load: SourceLoader = loadCheckedSource,
): Issue | undefined {
  const { sources, issue } = loadIssue(ctx, cfg, diags, load);
  checkIssueStubValues(cfg, diags);
  checkIssuedSources(ctx, cfg, diags);
  if (issue) {
    // What `build` would refuse because the page cannot hold it (a table too wide, an end block
    // taller than a page) or adapt (a wide table in smaller type), on the composition alone.
    const paper = paperProblems(issue, sourceLocator(ctx.series.root, sources));
    for (const d of paper.fonts) diags.add(d);
    fontNamesNotInstalled(ctx.series, issue, diags);
    for (const d of paper.limits) diags.add(d);
    for (const d of mixedLeads(issue)) diags.add(d);
  }
  return issue;
}

/** An issued issue whose sources changed since: the same warnings `archive` gives, where the clerk is editing. */
function checkIssuedSources(ctx: SeriesContext, cfg: IssueConfig, diags: Diagnostics): void {
  let rec;
  try {
    rec = readRecord(ctx.series.root, cfg);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    // The damaged record, at its place, among the other problems (not stopping the check).
    for (const d of e.diagnostics) diags.add({ ...d, fatal: undefined, rule: 'issue-record' });
    if (!e.diagnostics.length) diags.error('issue-record', relPath(ctx.series.root, recordPath(cfg)), undefined, undefined, e.message);
    return;
  }
  if (!rec) return;
  const label = issueLabel(ctx.series, { number: cfg.number, year: cfg.date.year, total: rec.record.total, special: cfg.special });
  for (const d of driftDiagnostics(ctx.series.root, cfg, rec.record, label)) diags.add(d);
}
