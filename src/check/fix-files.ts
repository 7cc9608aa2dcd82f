/**
 * Writing `check --fix` results back. Each line keeps its own ending (LF, CRLF or a lone CR, as
 * mixed as the file had them) and a UTF-8 BOM stays. A GBK (Notepad "ANSI") or UTF-16 file is
 * written back as UTF-8 with a BOM, and the command says so: every reader of the series (this
 * tool, VS Code, Notepad since Windows 7, WPS) opens UTF-8 with a BOM correctly, the BOM is what
 * makes old Notepad recognise it, and UTF-8 holds every character while a GBK file could not
 * take a rare name character added later.
 *
 * A file is fixed only when its text can be written back whole. Bytes that are no UTF-8 in a
 * UTF-8 file (a GBK name pasted in), control characters, and characters a GBK or UTF-16 file
 * could not be decoded into are reported by `check` as errors; they would not survive the
 * rewrite (decoding drops or replaces them), so such a file is left as it is, with a word.
 */
import { writeFileAtomic } from '../output/write-atomic.js';
import { decodeSource, MAX_SOURCE_BYTES } from '../sources/read-text.js';
import { readUserFile } from '../sources/user-file.js';
import { applyFixes, type Fix } from './fix-text.js';

export type FixResult =
  /** Written; `reencodedFrom` when the file's encoding changed (GBK/UTF-16 → UTF-8). */
  | { written: true; reencodedFrom?: string }
  /** Left as it was, and why (Chinese, for the clerk). */
  | { written: false; reason: string };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Why the file cannot be rewritten without losing something, or undefined when it can. */
export function unfixableReason(bytes: Uint8Array): string | undefined {
  const d = decodeSource(bytes);
  if (d.badBytes.length)
    return `文件里有 ${d.badBytes.length} 个无法识别的字节（见下面的错误），改写会丢掉它们，所以没有自动改正这个文件。请先按错误提示改好这些地方，再运行 --fix`;
  if (CONTROL.test(d.text)) return '文件里有看不见的控制字符（见下面的错误），所以没有自动改正这个文件。请先删掉这些字符，再运行 --fix';
  if (d.encoding !== 'utf-8' && d.text.includes('\uFFFD'))
    return `文件是 ${d.encoding === 'gb18030' ? 'GBK' : 'UTF-16'} 编码，其中有读不出来的字节，改存为 UTF-8 会丢掉它们，所以没有自动改正这个文件。请用记事本或 WPS 打开核对`;
  return undefined;
}

export function writeFixed(abs: string, shown: string, decodedText: string, fixes: Fix[]): FixResult {
  const bytes = readUserFile(abs, { shown, maxBytes: MAX_SOURCE_BYTES });
  const why = unfixableReason(bytes);
  if (why) return { written: false, reason: why };
  const { text, encoding } = decodeSource(bytes, { keepLineEnds: true });
  // Lines and their endings: [line, end, line, end, …, line].
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines = parts.filter((_p, i) => i % 2 === 0);
  if (lines.join('\n') !== decodedText)
    return { written: false, reason: '文件在检查之后被改动过（可能正在编辑器里保存），没有自动改正。请再运行一次 --fix' };
  const fixed = applyFixes(decodedText, fixes).split('\n');
  const out = parts.map((p, i) => (i % 2 === 0 ? fixed[i / 2]! : p)).join('');
  const bom = encoding !== 'utf-8' || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);
  writeFileAtomic(abs, Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(out, 'utf8')]));
  return encoding === 'utf-8' ? { written: true } : { written: true, reencodedFrom: encoding === 'gb18030' ? 'GBK' : 'UTF-16' };
}
