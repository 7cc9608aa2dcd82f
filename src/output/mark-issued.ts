/**
 * Writes `issued: <date>` into an issue.yaml through the yaml package's Document API, so the
 * clerk's comments, order and spacing survive; only that one key is added or changed.
 */
import fs from 'node:fs';
import { isScalar, parseDocument } from 'yaml';
import { UserError } from '../diagnostics.js';
import { writeFileAtomic } from './write-atomic.js';
import { decodeSource } from '../sources/read-text.js';

/** The issued date already written in the file, if any. */
export function issuedIn(file: string): string | undefined {
  const doc = parseDocument(decodeSource(fs.readFileSync(file)).text);
  const node = doc.get('issued', true);
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

export function markIssued(file: string, shownFile: string, date: string): void {
  const { text } = decodeSource(fs.readFileSync(file));
  const doc = parseDocument(text);
  if (doc.errors.length) throw UserError.at(shownFile, `有 YAML 格式错误，请先用 bulletin check 检查并改正`);
  doc.set('issued', date);
  // Re-encoded as UTF-8 with LF: a GBK file stays readable (it is read either way).
  writeFileAtomic(file, doc.toString({ lineWidth: 0 }));
}
