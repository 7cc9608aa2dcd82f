/** Printing problems the same way for every command: file:line:column  错误：message. */
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const stdio: Output = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};

export function printDiagnostics(list: Diagnostic[], io: Output): void {
  for (const d of sortDiagnostics(list)) io.err(formatDiagnostic(d));
}

export function summary(list: Diagnostic[]): string {
  const e = list.filter((d) => d.severity === 'error').length;
  const w = list.filter((d) => d.severity === 'warning').length;
  if (e === 0 && w === 0) return '没有发现问题。';
  return `共 ${e} 个错误，${w} 个警告。${e ? '请先改正错误。' : ''}`;
}
