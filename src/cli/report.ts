/** Printing problems the same way for every command: file:line:column  错误：message. */
import path from 'node:path';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { terminalText } from '../output/escape.js';
import { ROLE_LABELS } from '../fonts/resolve.js';
import { relPath } from '../paths.js';
import type { Progress } from '../progress.js';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/**
 * How a command run ends when it reported its problems instead of throwing (check, import and
 * list go on to say every problem, then end with 1): main() returns it as the exit code.
 */
export interface RunStatus {
  code: number;
}

/**
 * The terminal: every line a command prints passes terminalText, so a name or text from a file
 * (a submission's name, a label from an archived manifest) cannot move the cursor, rewrite
 * earlier lines, retitle the window or reorder what the clerk reads.
 */
export const stdio: Output = {
  out: (l) => process.stdout.write(`${terminalText(l)}\n`),
  err: (l) => process.stderr.write(`${terminalText(l)}\n`),
};

export function printDiagnostics(list: Diagnostic[], io: Output): void {
  for (const d of sortDiagnostics(list)) io.err(formatDiagnostic(d));
}

/** Outputs edited since bulletin wrote them, kept under another name by writeOutputSet: said at each file. */
export function printKept(
  dir: string,
  kept: Array<[string, string]>,
  io: Output,
  what = '可能有人在 Word/WPS 里改了它',
  todo = '，请把其中的修改改到稿件里，否则下次生成还会不同',
): void {
  printDiagnostics(
    kept.map(([name, keptAs]) => ({
      severity: 'warning' as const,
      rule: 'output-edited',
      file: relPath(process.cwd(), path.join(dir, name)),
      message: `在上次生成之后被修改过（${what}）。修改过的文件已保留为 ${keptAs}${todo}`,
    })),
    io,
  );
}

export function summary(list: Diagnostic[]): string {
  const e = list.filter((d) => d.severity === 'error').length;
  const w = list.filter((d) => d.severity === 'warning').length;
  if (e === 0 && w === 0) return '没有发现问题。';
  return `共 ${e} 个错误，${w} 个警告。${e ? '请先改正错误。' : ''}`;
}

/** A progress event in the clerk's words: which font file serves a role, how the DOCX names its fonts. */
export function progressText(p: Progress): string {
  if (p.kind === 'docx-fonts') return `DOCX：${p.file}，字体按公文字体命名（${p.officialNames.join('、')}）`;
  const label = p.role === 'fallback' ? '缺字补充' : ROLE_LABELS[p.role];
  const r = p.font;
  const where =
    r.origin === 'shipped'
      ? `${path.basename(r.file)}（随附）`
      : r.origin === 'system'
        ? `${r.candidate}（已安装：${r.file}）`
        : `${relPath(p.seriesRoot, r.file)}（指定文件）`;
  return `字体：${label} → ${where}`;
}
