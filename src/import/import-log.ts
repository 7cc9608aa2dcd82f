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
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { ImportError } from './read-submission.js';
import { YAML_DOCUMENT, YAML_OUTPUT, yamlText } from '../output/escape.js';
import { writeFileAtomic } from '../output/write-atomic.js';
import { relPath } from '../paths.js';
import { MAX_SOURCE_BYTES } from '../sources/read-text.js';
import { FileRefused, readUserText } from '../sources/user-file.js';

/**
 * The lock held while an import checks the log and writes its items and its record, so that
 * imports running at once neither lose records nor import one file twice (src/output/file-lock.ts).
 */
export const IMPORT_LOCK = '.imports.lock';

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

/** The log's text, undefined when there is none; a FIFO, folder or oversized file in its place is an ImportError. */
function logText(file: string, shown: string): string | undefined {
  try {
    return readUserText(file, { shown, maxBytes: MAX_SOURCE_BYTES, what: '导入记录' });
  } catch (e) {
    if (e instanceof FileRefused && e.reason === 'missing') return undefined;
    if (e instanceof FileRefused) throw new ImportError(`${e.message}。这是本期的导入记录，为了不丢失其中的记录，没有导入`);
    throw e;
  }
}

/**
 * The records of an issue folder; a missing log is an empty one. One that cannot be read (not
 * YAML, a folder, a FIFO) stops the import of the file at hand with an ImportError naming the
 * log's line: importing past it could record the same submission twice, or lose the log.
 */
export function readImportLog(issueDir: string): ImportRecord[] {
  const file = path.join(issueDir, IMPORT_LOG);
  const shown = relPath(process.cwd(), file);
  const text = logText(file, shown);
  if (text === undefined) return [];
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    const p = lc.linePos(doc.errors[0]!.pos[0]);
    throw new ImportError(
      `${shown}:${p.line}:${p.col} 不是有效的 YAML，为了不丢失其中的记录，没有导入。请改正这个文件（或从备份恢复）后重试`,
    );
  }
  let data: { imports?: unknown } | null;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) as { imports?: unknown } | null;
  } catch {
    throw new ImportError(
      `${shown} 中有无法解析的引用（以 * 或 & 开头的值），为了不丢失其中的记录，没有导入。请改正这个文件（或从备份恢复）后重试`,
    );
  }
  const list = data?.imports;
  if (!Array.isArray(list)) return [];
  return list.filter((r): r is ImportRecord => typeof r === 'object' && r !== null && typeof (r as ImportRecord).sha256 === 'string');
}

/**
 * Appends records, rewriting the log atomically. Everything already in it stays as written —
 * records added by hand (with or without sha256, with keys of their own), comments, order — so
 * the log is edited as a YAML document, not re-serialised from what this reader understands.
 * Call it holding IMPORT_LOCK.
 */
export function appendImportLog(issueDir: string, records: ImportRecord[]): void {
  if (!records.length) return;
  const file = path.join(issueDir, IMPORT_LOG);
  const shown = relPath(process.cwd(), file);
  const text = logText(file, shown);
  if (text === undefined) {
    writeFileAtomic(file, HEADER + yamlText({ imports: records.map(ordered) }));
    return;
  }
  const doc = parseDocument(text, YAML_DOCUMENT);
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const at = e.linePos?.[0] ? `:${e.linePos[0].line}:${e.linePos[0].col}` : '';
    throw new ImportError(`${shown}${at} 不是有效的 YAML，为了不丢失其中的记录，没有导入。请改正这个文件（或从备份恢复）后重试`);
  }
  if (doc.contents === null) doc.contents = doc.createNode({ imports: [] }) as never;
  if (!isMap(doc.contents))
    throw new ImportError(`${shown} 的内容不是“imports: 列表”的格式，为了不丢失其中的记录，没有导入。请改正这个文件后重试`);
  const list = doc.get('imports', true);
  if (list === undefined || list === null) doc.set('imports', doc.createNode([]));
  else if (!isSeq(list)) {
    throw new ImportError(`${shown} 中的 imports 不是列表，为了不丢失其中的记录，没有导入。请改正这个文件后重试`);
  }
  writeFileAtomic(file, appendedText(text, doc, records) ?? rewritten(doc, records));
}

/**
 * The log with the records added at its end as text, so that every byte already there stays
 * (a hand-written `[a, b]` is not re-spaced): possible when the list is the file's last entry,
 * written as a block. Checked by reading the result back; undefined when it does not hold.
 */
function appendedText(text: string, doc: ReturnType<typeof parseDocument>, records: ImportRecord[]): string | undefined {
  const seq = doc.get('imports', true);
  const top = doc.contents;
  if (!isSeq(seq) || seq.flow || !seq.items.length || !seq.range || !isMap(top) || top.items.at(-1)?.value !== seq) return undefined;
  const at = seq.range[0];
  const column = at - (text.lastIndexOf('\n', at - 1) + 1);
  const block = yamlText(records.map(ordered))
    .split('\n')
    .map((l) => (l ? ' '.repeat(column) + l : l))
    .join('\n');
  const next = `${text.endsWith('\n') ? text : `${text}\n`}${block}`;
  const back = parseDocument(next);
  const list = back.get('imports', true);
  if (back.errors.length || !isSeq(list) || list.items.length !== seq.items.length + records.length) return undefined;
  return next;
}

/** The log re-written through the YAML document: comments and hand-written records stay, spacing may not. */
function rewritten(doc: ReturnType<typeof parseDocument>, records: ImportRecord[]): string {
  for (const r of records) {
    doc.addIn(['imports'], doc.createNode(ordered(r)));
  }
  return doc.toString(YAML_OUTPUT);
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
