/**
 * Values that still hold the stubs' placeholder text (某某大学, 某某标题 …) after an editor
 * uncommented a line of a stub written by `bulletin new`: they would print as they are.
 */
import type { IssueConfig } from '../config/issue-file.js';
import { Diagnostics } from '../diagnostics.js';
import type { SourceFile } from '../sources/load.js';

const PLACEHOLDER = /某某|可选：|去掉行首|写稿时/;

export function checkStubValues(src: SourceFile, diags: Diagnostics): void {
  const front = src.front as Record<string, unknown> | undefined;
  if (!front) return;
  for (const key of ['title', 'subtitle', 'unit']) {
    const values = ([] as unknown[]).concat(front[key] ?? []);
    for (const v of values) {
      if (typeof v === 'string' && PLACEHOLDER.test(v)) {
        diags.warn(
          'stub-hint-left',
          src.rel,
          src.frontLine(key),
          1,
          `${key} 的值“${v}”还是模板里的示例文字，请改成实际的内容，不用时在行首加“# ”`,
        );
      }
    }
  }
}

export function checkIssueStubValues(cfg: IssueConfig, diags: Diagnostics): void {
  for (const [key, value] of Object.entries(cfg.distribution ?? {})) {
    for (const v of ([] as unknown[]).concat(value)) {
      if (typeof v === 'string' && PLACEHOLDER.test(v)) {
        diags.warn(
          'stub-hint-left',
          cfg.file,
          cfg.lineOf(['distribution', key]),
          1,
          `版记“${key}”的值“${v}”还是模板里的示例文字，请改成实际的单位，不用时在行首加“# ”`,
        );
      }
    }
  }
}
