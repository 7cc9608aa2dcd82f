/**
 * Submissions received: the records `bulletin import` appends to each issue's imports.yaml
 * (format documented in src/import/import-log.ts, which writes it):
 *
 *   imports:
 *     - file: 赣南师大4月动态.docx
 *       sha256: <64 hex>
 *       date: 2024-04-20
 *       unit: 赣南师范大学        # absent when unknown
 *       section: 高校动态
 *       items: [20-赣南师范大学.md]
 *       count: 3
 *
 * Read here on its own rather than through readImportLog, tolerantly and with positions, because
 * a statistic must not stop at a hand-edited log: a record that cannot be read is reported and
 * left out, the rest counts.
 */
import path from 'node:path';
import { isMap, isSeq, parseDocument, LineCounter, type YAMLMap } from 'yaml';
import type { Diagnostics } from '../diagnostics.js';
import type { SourcePos } from '../model/types.js';
import { IMPORT_LOG } from '../import/import-log.js';
import { relPath } from '../paths.js';
import { MAX_SOURCE_BYTES } from '../sources/read-text.js';
import { FileRefused, readUserText } from '../sources/user-file.js';

/** One submission as received. */
export interface Submission {
  file: string;
  sha256: string;
  /** As written in the log; resolved through the registry by the counting stage. */
  unit?: string;
  at: SourcePos;
}

/** Where received submissions come from; the import log today. */
export interface ReceivedSource {
  read(issueDir: string, seriesRoot: string, diags: Diagnostics): Submission[];
}

export const importLog: ReceivedSource = {
  read(issueDir, seriesRoot, diags) {
    const abs = path.join(issueDir, IMPORT_LOG);
    const rel = relPath(seriesRoot, abs);
    let text: string;
    try {
      text = readUserText(abs, { shown: rel, maxBytes: MAX_SOURCE_BYTES, what: '导入记录' });
    } catch (e) {
      if (!(e instanceof FileRefused)) throw e;
      if (e.reason !== 'missing') diags.warn('imports-broken', rel, 1, 1, `${e.detail}。本期的收稿数没有计入`);
      return [];
    }
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc });
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      diags.warn(
        'imports-broken',
        rel,
        e.linePos?.[0].line,
        e.linePos?.[0].col,
        '导入记录文件格式有误，本期的收稿数没有计入。这个文件由 bulletin import 写入，请从备份恢复或撤销手工修改',
      );
      return [];
    }
    const list = isMap(doc.contents) ? doc.contents.get('imports', true) : undefined;
    if (!isSeq(list)) return [];
    const out: Submission[] = [];
    for (const node of list.items) {
      const range = isMap(node) ? (node as YAMLMap).range : undefined;
      const line = range ? lc.linePos(range[0]).line : undefined;
      const rec = isMap(node) ? ((node as YAMLMap).toJSON() as Record<string, unknown>) : undefined;
      if (!rec || typeof rec.sha256 !== 'string' || typeof rec.file !== 'string') {
        diags.warn('imports-record', rel, line, 1, '这条导入记录缺少 file 或 sha256，没有计入收稿数');
        continue;
      }
      out.push({
        file: rec.file,
        sha256: rec.sha256.toLowerCase(),
        unit: typeof rec.unit === 'string' ? rec.unit : undefined,
        at: { file: rel, line: line ?? 1 },
      });
    }
    return out;
  },
};
