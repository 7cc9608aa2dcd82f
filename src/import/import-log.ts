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
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { yamlText } from '../output/escape.js';
import { writeFileAtomic } from '../output/write-atomic.js';

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

/** The records of an issue folder; a missing log is an empty one, an unreadable one throws. */
export function readImportLog(issueDir: string): ImportRecord[] {
  const file = path.join(issueDir, IMPORT_LOG);
  if (!fs.existsSync(file)) return [];
  const data = parse(fs.readFileSync(file, 'utf8')) as { imports?: unknown } | null;
  const list = data?.imports;
  if (!Array.isArray(list)) return [];
  return list.filter((r): r is ImportRecord => typeof r === 'object' && r !== null && typeof (r as ImportRecord).sha256 === 'string');
}

/** Appends records, rewriting the log atomically (earlier records are kept as they were). */
export function appendImportLog(issueDir: string, records: ImportRecord[]): void {
  if (!records.length) return;
  const all = [...readImportLog(issueDir), ...records].map(ordered);
  writeFileAtomic(path.join(issueDir, IMPORT_LOG), HEADER + yamlText({ imports: all }));
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
