/**
 * The names of an issue's output files, and the refusals that must come before anything is
 * written: two issues that would write the same file (a repeated number, a label without {n}),
 * and names longer than a file system allows.
 */
import type { IssueConfig } from '../config/issue-file.js';
import { SERIES_FILE, type Series } from '../config/series.js';
import { UserError } from '../diagnostics.js';
import { fileStem, issueLabel } from '../numbering/label.js';
import { totalFor } from '../numbering/sequence.js';
import { relPath } from '../paths.js';

/** The label printed in the masthead and the stem of the output files (工作动态第9期). */
export function issueNames(series: Series, cfg: IssueConfig, all: IssueConfig[]): { total?: number; label: string; stem: string } {
  const total = cfg.total ?? totalFor(series.numbering, series.totalOffset, all, cfg);
  const label = issueLabel(series, { number: cfg.number, year: cfg.date.year, total, special: cfg.special });
  return { total, label, stem: fileStem(series.name, label) };
}

/**
 * Files made for preprinted 红头 paper (`build --preprinted`) carry this after the stem, so a
 * PDF without its masthead is never taken for the issue as published, nor overwrites it.
 */
export const PREPRINTED_SUFFIX = '（套打）';

/** The file name of one output: the stem, the preprinted mark where it applies, the extension. */
export function outputName(stem: string, ext: string, preprinted: boolean): string {
  return `${stem}${preprinted ? PREPRINTED_SUFFIX : ''}${ext}`;
}

/** Most file systems allow 255 bytes per name (NTFS: 255 UTF-16 units, more than enough here). */
const MAX_NAME_BYTES = 255;

/** Throws before anything is written when the issue's files would clash or cannot be named. */
export function checkOutputNames(series: Series, cfg: IssueConfig, all: IssueConfig[], exts: string[]): void {
  const { stem } = issueNames(series, cfg, all);
  const longest = Math.max(...exts.map((e) => Buffer.byteLength(`${stem}${e}`)));
  // Room for the hidden temporary name written beside it (.NAME.pid.n.tmp).
  if (longest + 24 > MAX_NAME_BYTES) {
    const key = cfg.special ? 'specialLabel' : 'label';
    const line = series.lineOf([key]) ?? series.lineOf(['name']);
    throw new UserError(`生成的文件名太长，没有生成。请缩短 bulletin.yaml 的 name 或 ${key}`, [
      {
        severity: 'error',
        rule: 'output-name-too-long',
        file: SERIES_FILE,
        line,
        column: line ? 1 : undefined,
        message: `生成的文件名太长：“${stem}”有 ${longest} 字节，超过了文件名的上限（约 ${MAX_NAME_BYTES - 24} 字节，约 75 个汉字）。请缩短 name 或 ${key}`,
      },
    ]);
  }
  const clashes = all.filter((o) => o !== cfg && issueNames(series, o, all).stem === stem);
  if (clashes.length) {
    const message =
      `${relPath(series.root, cfg.dir)} 与 ${clashes.map((c) => relPath(series.root, c.dir)).join('、')} 生成的文件同名（${stem}），后生成的会覆盖先生成的，所以没有生成。` +
      `请改正重复的期号（issue.yaml 的 number），或在 bulletin.yaml 的期号格式中写上 {n}`;
    // The place to fix: the repeated number, or else the label that leaves the number out.
    const key = cfg.special ? 'specialLabel' : 'label';
    const where = clashes.some((c) => c.number === cfg.number)
      ? { file: cfg.file, line: cfg.lineOf(['number']) }
      : { file: SERIES_FILE, line: series.lineOf([key]) };
    throw UserError.at(where.file, message, { line: where.line, column: where.line ? 1 : undefined, rule: 'output-name-clash' });
  }
}
