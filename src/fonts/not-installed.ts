/**
 * A family name configured in bulletin.yaml's fonts that this computer lacks: the build goes on
 * with the next candidate (or the shipped font), and `check` and `build` both say so at the
 * setting, as a warning.
 */
import path from 'node:path';
import type { Series } from '../config/series.js';
import type { Diagnostics } from '../diagnostics.js';
import type { FontRole, Issue } from '../model/types.js';
import { FontResolver } from './resolve.js';

/** Configured family names that are not installed: the shipped font serves instead, said once per role. */
export function fontNamesNotInstalled(series: Pick<Series, 'lineOf'>, issue: Issue, diags: Diagnostics): void {
  const resolver = new FontResolver(issue);
  for (const role of Object.keys(issue.fonts) as FontRole[]) {
    let r;
    try {
      r = resolver.resolve(role);
    } catch {
      continue; // reported by paperProblems
    }
    if (!r.notInstalled?.length) continue;
    const line = series.lineOf(['fonts', role]);
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
