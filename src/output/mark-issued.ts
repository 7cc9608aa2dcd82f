/**
 * Writes `issued: <date>` into an issue.yaml through the yaml package's Document API, so the
 * clerk's comments, order and spacing survive; only that one key is added or changed.
 */
import { isScalar, parseDocument } from 'yaml';
import { UserError } from '../diagnostics.js';
import { writeFileAtomic } from './write-atomic.js';
import { decodeSource, MAX_SOURCE_BYTES } from '../sources/read-text.js';
import { readUserFile } from '../sources/user-file.js';

const read = (file: string, shown: string): Buffer => readUserFile(file, { shown, maxBytes: MAX_SOURCE_BYTES });

/** The issued date already written in the file, if any. */
export function issuedIn(file: string, shownFile: string): string | undefined {
  const doc = parseDocument(decodeSource(read(file, shownFile)).text);
  const node = doc.get('issued', true);
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

export function markIssued(file: string, shownFile: string, date: string): void {
  const { text } = decodeSource(read(file, shownFile));
  const doc = parseDocument(text);
  if (doc.errors.length) throw UserError.at(shownFile, `有 YAML 格式错误，请先用 bulletin check 检查并改正`);
  doc.set('issued', date);
  // Re-encoded as UTF-8 with LF: a GBK file stays readable (it is read either way).
  writeFileAtomic(file, doc.toString({ lineWidth: 0 }));
}
