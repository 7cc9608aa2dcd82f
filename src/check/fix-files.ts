/**
 * Writing `check --fix` results back. Line endings and a UTF-8 BOM stay as the file had them.
 * A GBK (Notepad "ANSI") or UTF-16 file is written back as UTF-8 with a BOM, and the command
 * says so: every reader of the series (this tool, VS Code, Notepad since Windows 7, WPS) opens
 * UTF-8 with a BOM correctly, the BOM is what makes old Notepad recognise it, and UTF-8 holds
 * every character while a GBK file could not take a rare name character added later.
 */
import fs from 'node:fs';
import { decodeSource } from '../sources/read-text.js';
import { writeFileAtomic } from '../output/write-atomic.js';
import { applyFixes, type Fix } from './fix-text.js';

export interface FixResult {
  /** Set when the file's encoding changed (GBK/UTF-16 → UTF-8). */
  reencodedFrom?: string;
}

export function writeFixed(abs: string, decodedText: string, fixes: Fix[]): FixResult {
  const bytes = fs.readFileSync(abs);
  const { text, encoding } = decodeSource(bytes);
  if (text !== decodedText) throw new Error(`${abs} changed while fixing`);
  const crlf = /\r\n/.test(bytes.toString('latin1'));
  const bom = encoding !== 'utf-8' || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);
  let out = applyFixes(text, fixes);
  if (crlf) out = out.replace(/\n/g, '\r\n');
  writeFileAtomic(abs, Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(out, 'utf8')]));
  return encoding === 'utf-8' ? {} : { reencodedFrom: encoding === 'gb18030' ? 'GBK' : 'UTF-16' };
}
