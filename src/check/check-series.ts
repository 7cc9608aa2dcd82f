/** `bulletin check`: every rule over the chosen issues, problems collected for one report. */
import type { IssueConfig } from '../config/issue-file.js';
import { Diagnostics } from '../diagnostics.js';
import { numberingProblems } from '../numbering/sequence.js';
import path from 'node:path';
import { FontResolver } from '../fonts/resolve.js';
import type { FontRole, Issue } from '../model/types.js';
import { loadIssue, type SeriesContext } from '../pipeline.js';
import { fontProblems } from '../render/pdf/coverage.js';
import { checkIssueStubValues, checkStubValues } from './stub-hints.js';
import { checkText, frontMatterLines, proseLines } from './text-rules.js';
import { loadSourceFile, type SourceFile, type SourceLoader } from '../sources/load.js';

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
export function checkIssue(ctx: SeriesContext, cfg: IssueConfig, diags: Diagnostics, load: SourceLoader = loadCheckedSource): Issue | undefined {
  const { issue } = loadIssue(ctx, cfg, diags, load);
  checkIssueStubValues(cfg, diags);
  if (issue) for (const d of fontProblems(issue)) diags.add(d);
  if (issue) fontNamesNotInstalled(ctx, issue, diags);
  return issue;
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
