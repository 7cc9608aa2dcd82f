/**
 * One issue → the bytes of each requested format. Shared by `build` and `archive` so that the
 * archive holds exactly what a clerk's build produces.
 */
import type { IssueConfig } from '../config/issue-file.js';
import { Diagnostics, UserError } from '../diagnostics.js';
import { relPath } from '../paths.js';
import { loadIssue, type SeriesContext } from '../pipeline.js';
import type { Issue } from '../model/types.js';
import { issueLayoutProblems } from '../layout/limits.js';
import type { OutputFormat, RenderContext, Rendered } from './formats.js';

export interface RenderedIssue {
  issue: Issue;
  files: Array<{ format: OutputFormat } & Rendered>;
  warnings: Diagnostics;
}

export async function renderIssue(
  ctx: SeriesContext,
  cfg: IssueConfig,
  formats: readonly OutputFormat[],
  renderCtx: RenderContext,
): Promise<RenderedIssue> {
  const diags = new Diagnostics();
  const { issue } = loadIssue(ctx, cfg, diags);
  if (!issue || diags.hasErrors()) {
    throw new UserError(
      `${relPath(ctx.series.root, cfg.dir)} 的稿件有错误，没有生成文件。请改正后重试（bulletin check 可列出全部问题）`,
      diags.list,
    );
  }
  // What the page cannot hold is refused here, located, before a renderer meets it; what it
  // adapts to (a wide table in smaller type) is said with the other warnings.
  const limits = issueLayoutProblems(issue);
  for (const d of limits) diags.add(d);
  if (limits.some((d) => d.severity === 'error')) {
    throw new UserError(`${relPath(ctx.series.root, cfg.dir)} 的版面排不下，没有生成文件。请按上面的提示修改后重试`, diags.list);
  }
  // Render everything before anything is written: a failure in one format leaves no partial set.
  const files: RenderedIssue['files'] = [];
  for (const format of formats) {
    const r = await format.render(issue, renderCtx);
    files.push({ format, ...r });
    for (const d of r.diagnostics) diags.add(d);
  }
  return { issue, files, warnings: diags };
}
