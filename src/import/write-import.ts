/**
 * Last stage: put the planned items and pictures into the issue folder and record the import.
 * Names that exist get a number (赣南师范大学-2.md) instead of being overwritten; pictures are
 * named by content, so one that exists is the same picture and is left as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { toIso, today } from '../dates.js';
import { writeFileAtomicExclusive } from '../output/write-atomic.js';
import { MAX_SOURCE_BYTES } from '../sources/read-text.js';
import { FileRefused, readUserText } from '../sources/user-file.js';
import { appendImportLog, readImportLog, type ImportRecord } from './import-log.js';
import type { ImportPlan } from './plan-import.js';

/** The earlier import of the same bytes into this issue, from the log or an item's `source:`. */
export function earlierImport(issueDir: string, sha256: string): { file: string; date?: string; items: string[] } | undefined {
  const logged = readImportLog(issueDir).find((r) => r.sha256 === sha256);
  if (logged) return logged;
  for (const f of fs.existsSync(issueDir) ? fs.readdirSync(issueDir) : []) {
    if (!f.endsWith('.md')) continue;
    let text: string;
    try {
      text = readUserText(path.join(issueDir, f), { shown: f, maxBytes: MAX_SOURCE_BYTES });
    } catch (e) {
      // Not a readable item (a folder or FIFO named x.md, an oversized file): no import of
      // ours; check reports it at its name.
      if (e instanceof FileRefused) continue;
      throw e;
    }
    const m = new RegExp(`^---\\n[\\s\\S]*?sha256:\\s*["']?${sha256}`).exec(text);
    const file = /^\s+file:\s*(.+)$/m.exec(text)?.[1]?.trim();
    if (m) return { file: file ?? f, items: [f] };
  }
  return undefined;
}

export function writeImport(issueDir: string, plan: ImportPlan): ImportRecord {
  const written: string[] = [];
  for (const img of plan.images) {
    const target = path.join(issueDir, ...img.rel.split('/'));
    if (!fs.existsSync(target)) writeFileAtomicExclusive(target, img.bytes);
  }
  for (const item of plan.items) {
    const ext = path.extname(item.name);
    const stem = item.name.slice(0, -ext.length);
    for (let n = 1; ; n++) {
      const name = n === 1 ? item.name : `${stem}-${n}${ext}`;
      try {
        writeFileAtomicExclusive(path.join(issueDir, name), item.text);
        written.push(name);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
  }
  const record: ImportRecord = {
    file: plan.submission.name,
    sha256: plan.submission.sha256,
    date: toIso(today()),
    unit: plan.unit,
    kind: plan.kind,
    section: plan.section,
    items: written,
    count: plan.count,
  };
  appendImportLog(issueDir, [record]);
  return record;
}
