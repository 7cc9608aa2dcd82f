/**
 * Reading what Windows editors save: UTF-8 with or without BOM, CRLF line ends, and GBK /
 * GB18030 (Notepad's "ANSI" on a Chinese system). Text comes back as clean UTF-8 with LF.
 */
import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';
import { Diagnostics } from '../diagnostics.js';
import { FileRefused, readUserFile } from './user-file.js';

// iconv-lite and its tables (some 490 KB) are loaded at the first file that is not UTF-8, not
// at every start: most series are all UTF-8. A require the bundler cannot see keeps it out of
// the bundle; it resolves from node_modules as pdfmake does.
let iconvLib: typeof Iconv | undefined;
const iconv = (): typeof Iconv => (iconvLib ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv);

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

export interface DecodedSource {
  text: string;
  encoding: 'utf-8' | 'utf-16' | 'gb18030';
  /** Byte offsets (in the file) of bytes that are not UTF-8 in an otherwise UTF-8 file. */
  badBytes: number[];
}

/**
 * `keepLineEnds`: the text with each line's own ending (LF, CRLF or a lone CR) and no BOM, for
 * writing a file back as it was; by default every ending becomes LF.
 */
export function decodeSource(bytes: Uint8Array, opts: { keepLineEnds?: boolean } = {}): DecodedSource {
  const normalise = opts.keepLineEnds ? (t: string): string => t.replace(/^\uFEFF/, '') : normaliseText;
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: normalise(iconv().decode(Buffer.from(bytes.subarray(2)), 'utf-16le')), encoding: 'utf-16', badBytes: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: normalise(iconv().decode(Buffer.from(bytes.subarray(2)), 'utf-16be')), encoding: 'utf-16', badBytes: [] };
  try {
    return { text: normalise(utf8.decode(bytes)), encoding: 'utf-8', badBytes: [] };
  } catch {
    // Not valid UTF-8. A GBK file (Notepad's "ANSI" on a Chinese PC) has almost no valid UTF-8
    // multi-byte sequences; a UTF-8 file with one damaged byte has many. Only the first is read
    // as GB18030 (a superset of GBK); the second stays UTF-8 and the bad bytes are pointed at.
    const { valid, bad } = scanUtf8(bytes);
    if (valid > 0 && bad.length * 10 <= valid) {
      // The bad bytes are reported at their place and left out, so they cause no second
      // message about a U+FFFD nobody typed.
      const skip = new Set(bad);
      const kept = bytes.filter((_x, i) => !skip.has(i));
      return { text: normalise(utf8Lenient.decode(kept)), encoding: 'utf-8', badBytes: bad };
    }
    return { text: normalise(iconv().decode(Buffer.from(bytes), 'gb18030')), encoding: 'gb18030', badBytes: [] };
  }
}

/** Counts valid UTF-8 multi-byte sequences and collects the offsets of bytes that start none. */
function scanUtf8(b: Uint8Array): { valid: number; bad: number[] } {
  let valid = 0;
  const bad: number[] = [];
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need === 0) {
      i++;
      continue;
    }
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      bad.push(i);
      i++;
    }
  }
  return { valid, bad };
}

/** 1-based line and column of a byte offset. */
function lineColOf(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: utf8Lenient.decode(bytes.subarray(start, offset)).length + 1 };
}

function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * A bulletin item is a few kilobytes; 1 MB of text already makes ~600 pages. Beyond this the
 * file is almost certainly not meant as an item (a pasted export, a log) and would only make
 * the build slow and large. The same bound holds for the YAML files.
 */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export interface TextLimit {
  maxBytes: number;
  /** What the file is, for the message about its size (稿件文件). */
  what: string;
  hint: string;
}

const YAML_LIMIT: TextLimit = { maxBytes: MAX_SOURCE_BYTES, what: '设置文件', hint: '设置文件通常只有几 KB，请检查是否放错了文件' };

/**
 * Reads a source file; a missing, unreadable or oversized file, or one that is no regular file
 * (a folder, a FIFO), is an error attached to it.
 */
export function readSourceText(absPath: string, relFile: string, diags: Diagnostics, limit: TextLimit = YAML_LIMIT): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readUserFile(absPath, { shown: relFile, maxBytes: limit.maxBytes, what: limit.what, tooLargeHint: limit.hint });
  } catch (e) {
    if (!(e instanceof FileRefused)) throw e;
    const rule = {
      missing: 'file-unreadable',
      unreadable: 'file-unreadable',
      'not-file': 'file-not-regular',
      'too-large': 'source-too-large',
    }[e.reason];
    const at = e.reason === 'too-large' || e.reason === 'not-file' ? 1 : undefined;
    diags.error(rule, relFile, at, at, e.reason === 'missing' ? e.message : e.detail);
    return undefined;
  }
  const { text, encoding, badBytes } = decodeSource(bytes);
  for (const at of badBytes.slice(0, 5)) {
    const p = lineColOf(bytes, at);
    diags.error(
      'encoding-bad-byte',
      relFile,
      p.line,
      p.col,
      `这里有一个无法识别的字节（0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}），文件其余部分是 UTF-8。可能是复制粘贴时带进了乱码；请删掉这一处并重新输入这个字`,
    );
  }
  const clean = reportControlChars(text, relFile, diags);
  if (encoding !== 'utf-8') {
    diags.warn(
      'encoding-not-utf8',
      relFile,
      undefined,
      undefined,
      `文件是 ${encoding === 'gb18030' ? 'GBK/GB18030' : 'UTF-16'} 编码，已按此读取；建议另存为 UTF-8（记事本：另存为 → 编码选 UTF-8）`,
    );
  }
  return clean;
}

/**
 * NUL and other control characters are invisible in editors and would reach the page as U+FFFD
 * (a "missing glyph" error about a character the clerk never typed). Point at each, then drop
 * it so that it causes no second, misleading message.
 */
function reportControlChars(text: string, relFile: string, diags: Diagnostics): string {
  // eslint-disable-next-line no-control-regex
  const re = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
  if (!re.test(text)) return text;
  const lines = text.split('\n');
  let reported = 0;
  lines.forEach((l, i) => {
    // eslint-disable-next-line no-control-regex
    for (const m of l.matchAll(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g)) {
      if (reported++ >= 5) return;
      const cp = m[0].codePointAt(0)!;
      const name = cp === 0 ? '空字符（NUL，U+0000）' : `控制字符（U+${cp.toString(16).toUpperCase().padStart(4, '0')}）`;
      diags.error(
        'control-char',
        relFile,
        i + 1,
        m.index! + 1,
        `这里有一个看不见的${name}，可能是从其他软件复制时带进来的。请删掉这一处（可以删掉前后一两个字再重新输入）`,
      );
    }
  });
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}
