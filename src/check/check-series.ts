/** `bulletin check`: every rule over the chosen issues, problems collected for one report. */
import type { IssueConfig } from '../config/issue-file.js';
import { Diagnostics } from '../diagnostics.js';
import { numberingProblems } from '../numbering/sequence.js';
import type { Issue } from '../model/types.js';
import { loadIssue, type SeriesContext } from '../pipeline.js';
import { fontProblems } from '../render/pdf/coverage.js';
import { checkIssueStubValues, checkStubValues } from './stub-hints.js';
import { checkText, frontMatterLines, proseLines } from './text-rules.js';

export function checkNumbering(ctx: SeriesContext, only: IssueConfig[] | undefined, diags: Diagnostics): void {
  const numbered = ctx.issues.map((i) => ({ number: i.number, date: i.date, special: i.special, file: i.file, line: i.lineOf(['number']) }));
  const files = only ? new Set(only.map((i) => i.file)) : undefined;
  // An issue.yaml that did not load leaves a hole in the numbers; its own error says why, and
  // a gap warning on the next issue would send the clerk to the wrong file.
  const unloaded = ctx.diags.errors.some((d) => d.file.endsWith('issue.yaml'));
  for (const p of numberingProblems(ctx.series.numbering, numbered)) {
    if (files && !files.has(p.file)) continue;
    if (unloaded && p.kind === 'gap') continue;
    if (p.kind === 'clash') diags.error(`numbering-${p.kind}`, p.file, p.line, 1, p.message);
    else diags.warn(`numbering-${p.kind}`, p.file, p.line, 1, p.message);
  }
}

/** Returns the model when the sources built one, so a caller (preview) need not load twice. */
export function checkIssue(ctx: SeriesContext, cfg: IssueConfig, diags: Diagnostics): Issue | undefined {
  const { sources, issue } = loadIssue(ctx, cfg, diags);
  for (const src of sources) {
    checkText(src.rel, [...frontMatterLines(src), ...proseLines(src)], diags);
    checkStubValues(src, diags);
  }
  checkIssueStubValues(cfg, diags);
  if (issue) for (const d of fontProblems(issue)) diags.add(d);
  return issue;
}
