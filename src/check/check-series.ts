/** `bulletin check`: every rule over the chosen issues, problems collected for one report. */
import type { IssueConfig } from '../config/issue-file.js';
import { Diagnostics, UserError, type Diagnostic } from '../diagnostics.js';
import { numberingProblems } from '../numbering/sequence.js';
import path from 'node:path';
import { FontResolver } from '../fonts/resolve.js';
import { issueLayoutProblems } from '../layout/limits.js';
import type { FontRole, Issue } from '../model/types.js';
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
  if (issue) fontNamesNotInstalled(ctx, issue, diags);
  if (issue) pageLimits(issue, diags);
  return issue;
}

/**
 * What `build` would refuse because the page cannot hold it (a table too wide, an end block
 * taller than a page) or adapt (a wide table in smaller type), found by the same code as
 * `build`, on the composition alone: no PDF is rendered.
 */
function pageLimits(issue: Issue, diags: Diagnostics): void {
  let found: Diagnostic[];
  try {
    found = issueLayoutProblems(issue);
  } catch (e) {
    // A font that cannot serve stops composition; say it unless the font check already did.
    if (!(e instanceof UserError)) throw e;
    found = e.diagnostics.length ? e.diagnostics : [{ severity: 'error', rule: 'font', file: 'bulletin.yaml', message: e.message }];
    const said = (d: Diagnostic): boolean => diags.list.some((x) => x.file === d.file && x.line === d.line && x.message === d.message);
    found = found.filter((d) => !said(d));
  }
  for (const d of found) diags.add(d);
}

/** Configured family names that are not installed: the shipped font serves instead, said once per role. */
function fontNamesNotInstalled(ctx: SeriesContext, issue: Issue, diags: Diagnostics): void {
  const resolver = new FontResolver(issue);
  for (const role of Object.keys(issue.fonts) as FontRole[]) {
    let r;
    try {
      r = resolver.resolve(role);
    } catch {
      continue; // reported by fontProblems
    }
    if (!r.notInstalled?.length) continue;
    const line = ctx.series.lineOf(['fonts', role]);
    if (diags.list.some((d) => d.rule === 'font-not-installed' && d.line === line && d.message.startsWith(`fonts.${role} `))) continue;
    diags.warn(
      'font-not-installed',
      'bulletin.yaml',
      line,
      1,
      `fonts.${role} 中的${r.notInstalled.map((n) => `“${n}”`).join('、')}在这台电脑上没有安装，将改用${r.origin === 'system' ? `已安装的“${r.candidate}”` : `随附字体 ${path.basename(r.file)}`}。如需原字体，请先安装`,
    );
  }
}
