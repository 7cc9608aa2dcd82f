/**
 * Problems attached to the file and position they concern, collected along the pipeline and
 * reported together at the end (as unified-engine does), instead of failing on the first one.
 */
/** A note explains without asking anything of the user (archive --verify: a file differs only because the tool changed). */
export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  severity: Severity;
  /** Path relative to the series root (or as the user gave it). */
  file: string;
  line?: number;
  column?: number;
  /** The message in Chinese: what is wrong and what to do. */
  message: string;
  /** Stable rule id, for tests and for filtering. */
  rule: string;
  /** The problem stopped the command (it came with a UserError): the reporter says it once, at its place. */
  fatal?: true;
}

export class Diagnostics {
  readonly list: Diagnostic[] = [];

  add(d: Diagnostic): void {
    this.list.push(d);
  }

  error(rule: string, file: string, line: number | undefined, column: number | undefined, message: string): void {
    this.add({ severity: 'error', rule, file, line, column, message });
  }

  warn(rule: string, file: string, line: number | undefined, column: number | undefined, message: string): void {
    this.add({ severity: 'warning', rule, file, line, column, message });
  }

  get errors(): Diagnostic[] {
    return this.list.filter((d) => d.severity === 'error');
  }

  get warnings(): Diagnostic[] {
    return this.list.filter((d) => d.severity === 'warning');
  }

  hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }

  merge(other: Diagnostics): void {
    this.list.push(...other.list);
  }
}

import { oneLine } from './output/escape.js';
import { byCodeUnits } from './text-order.js';

const TAGS: Record<Severity, string> = { error: '错误', warning: '警告', note: '说明' };

/** `file:line:column  错误：message`, sorted by file and position. */
export function formatDiagnostic(d: Diagnostic): string {
  // A file name may hold a newline: it stays on its one line.
  const where = [oneLine(d.file), d.line ?? '', d.line !== undefined ? (d.column ?? 1) : ''].filter((x) => x !== '').join(':');
  const tag = TAGS[d.severity];
  return `${where}  ${tag}：${d.message}`;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => byCodeUnits(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * A mistake in the user's input or environment that stops a command: printed as a message,
 * exit code 1, never a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }

  /**
   * A problem with a place that stops the command: one fatal diagnostic at `file` (line and
   * column where known), which the reporter prints as `file:line:column  错误：message`. The
   * error's own message names the place too, for callers that show it elsewhere (a list, a page).
   */
  static at(file: string, message: string, where: { line?: number; column?: number; rule?: string } = {}): UserError {
    const d: Diagnostic = {
      severity: 'error',
      fatal: true,
      rule: where.rule ?? 'fatal',
      file,
      line: where.line,
      column: where.column,
      message,
    };
    return new UserError(`${file}${where.line !== undefined ? `:${where.line}` : ''} ${message}`, [d]);
  }
}
