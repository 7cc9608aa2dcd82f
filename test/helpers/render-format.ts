/**
 * One format of an issue model, through the pipeline's one composition (src/render-issue.ts):
 * the renderers themselves take only the Galley. `log` hears the progress as the clerk reads it.
 */
import { progressText } from '../../src/cli/report.js';
import type { ComposeOptions } from '../../src/layout/compose.js';
import type { Issue } from '../../src/model/types.js';
import { formatById, type OutputFormat, type Rendered } from '../../src/render/formats.js';
import { renderHtmlString as htmlOfGalley } from '../../src/render/html/render-html.js';
import { composeIssue, renderFormat } from '../../src/render-issue.js';

interface Log {
  log(message: string): void;
}

function format(id: OutputFormat['id']): OutputFormat {
  const f = formatById(id);
  if (!f) throw new Error(`format ${id} missing`);
  return f;
}

/** `options.preprinted`: for preprinted 红头 paper (套打). */
export function renderPdf(issue: Issue, ctx: Log, options: ComposeOptions = {}): Promise<Rendered> {
  return renderFormat(issue, format('pdf'), (p) => ctx.log(progressText(p)), options);
}

export function renderDocx(issue: Issue, ctx: Log, options: ComposeOptions = {}): Promise<Rendered> {
  return renderFormat(issue, format('docx'), (p) => ctx.log(progressText(p)), options);
}

export function renderHtmlString(issue: Issue, variant: 'web' | 'wechat' = 'web'): string {
  return htmlOfGalley(composeIssue(issue).galley, variant);
}
