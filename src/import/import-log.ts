/**
 * The record of what `bulletin import` took in: one file per issue, `issues/NNN/imports.yaml`,
 * appended to on every import and never rewritten by hand. It answers "which submissions did
 * this issue receive" even after an item file was edited, merged or deleted (so `bulletin stats`
 * counts received submissions from here and printed items from the item files), and it is how
 * a second import of the same file into the same issue is recognised and refused.
 *
 * Format (YAML, UTF-8):
 *
 *   # comment lines explaining the file
 *   imports:
 *     - file: 赣南师大4月动态.docx       # original file name (base name, as received)
 *       sha256: 3f9a…                    # SHA-256 of the original file's bytes, 64 lower-case hex
 *       date: 2026-11-23                 # day of the import (local calendar date, ISO)
 *       unit: 赣南师范大学               # canonical unit name; absent when unknown
 *       kind: 高校                       # the unit's kind in the registry; absent when unknown
 *       section: 高校动态                # section the items were filed under
 *       items:                           # item files written, relative to the issue folder
 *         - 20-赣南师范大学.md
 *       count: 3                         # news items (## headings) or articles produced
 *
 * Every item file written by import also carries `source: {file, sha256}` in its front matter,
 * so an item can be traced back to its submission without this log.
 */
import path from 'node:path';
import { LineCounter, parseDocument, stringify } from 'yaml';
import { writeFileAtomic } from '../output/write-atomic.js';
import { relPath } from '../paths.js';
import { MAX_SOURCE_BYTES } from '../sources/read-text.js';
import { FileRefused, readUserText } from '../sources/user-file.js';
import { ImportError } from './read-submission.js';

export const IMPORT_LOG = 'imports.yaml';

export interface ImportRecord {
  file: string;
  sha256: string;
  date: string;
  unit?: string;
  kind?: string;
  section: string;
  items: string[];
  count: number;
}

const HEADER = [
  '# 导入记录：bulletin import 每导入一个来稿文件就在这里加一条（原文件名、SHA-256、单位、栏目、生成的稿件文件）。',
  '# 统计收稿（bulletin stats）和识别重复导入都靠它，请不要修改或删除；删掉生成的稿件文件不影响这里的记录。',
  '',
].join('\n');

/**
 * The records of an issue folder; a missing log is an empty one. One that cannot be read (not
 * YAML, a folder, a FIFO) stops the import of the file at hand with an ImportError naming the
 * log's line: importing past it could record the same submission twice, or lose the log.
 */
export function readImportLog(issueDir: string): ImportRecord[] {
  const file = path.join(issueDir, IMPORT_LOG);
  const shown = relPath(process.cwd(), file);
  let text: string;
  try {
    text = readUserText(file, { shown, maxBytes: MAX_SOURCE_BYTES, what: '导入记录' });
  } catch (e) {
    if (e instanceof FileRefused && e.reason === 'missing') return [];
    if (e instanceof FileRefused) throw new ImportError(`${e.message}。这是本期的导入记录，为了不丢失其中的记录，没有导入`);
    throw e;
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    const p = lc.linePos(doc.errors[0]!.pos[0]);
    throw new ImportError(`${shown}:${p.line}:${p.col} 不是有效的 YAML，为了不丢失其中的记录，没有导入。请改正这个文件（或从备份恢复）后重试`);
  }
  let data: { imports?: unknown } | null;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) as { imports?: unknown } | null;
  } catch {
    throw new ImportError(`${shown} 中有无法解析的引用（以 * 或 & 开头的值），为了不丢失其中的记录，没有导入。请改正这个文件（或从备份恢复）后重试`);
  }
  const list = data?.imports;
  if (!Array.isArray(list)) return [];
  return list.filter((r): r is ImportRecord => typeof r === 'object' && r !== null && typeof (r as ImportRecord).sha256 === 'string');
}

/** Appends records, rewriting the log atomically (earlier records are kept as they were). */
export function appendImportLog(issueDir: string, records: ImportRecord[]): void {
  if (!records.length) return;
  const all = [...readImportLog(issueDir), ...records].map(ordered);
  writeFileAtomic(path.join(issueDir, IMPORT_LOG), HEADER + stringify({ imports: all }, { lineWidth: 0 }));
}

/** Keys in a fixed order and no undefined values, so the log diffs cleanly. */
function ordered(r: ImportRecord): ImportRecord {
  return {
    file: r.file,
    sha256: r.sha256,
    date: r.date,
    ...(r.unit ? { unit: r.unit } : {}),
    ...(r.kind ? { kind: r.kind } : {}),
    section: r.section,
    items: r.items,
    count: r.count,
  };
}
