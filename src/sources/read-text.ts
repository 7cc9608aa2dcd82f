/**
 * Reading what Windows editors save: UTF-8 with or without BOM, CRLF line ends, and GBK /
 * GB18030 (Notepad's "ANSI" on a Chinese system). Text comes back as clean UTF-8 with LF.
 */
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { Diagnostics } from '../diagnostics.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeSource(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16' | 'gb18030' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: normalise(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le')), encoding: 'utf-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: normalise(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be')), encoding: 'utf-16' };
  try {
    return { text: normalise(utf8.decode(bytes)), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: on a Chinese Windows PC that means the ANSI code page, GBK, of which
    // GB18030 is a superset.
    return { text: normalise(iconv.decode(Buffer.from(bytes), 'gb18030')), encoding: 'gb18030' };
  }
}

function normalise(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Reads a source file; a missing or unreadable file is an error attached to it. */
export function readSourceText(absPath: string, relFile: string, diags: Diagnostics): string | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    diags.error(
      'file-unreadable',
      relFile,
      undefined,
      undefined,
      code === 'ENOENT' ? `找不到文件 ${relFile}` : `无法读取文件 ${relFile}（${code ?? String(e)}），请检查文件权限`,
    );
    return undefined;
  }
  const { text, encoding } = decodeSource(bytes);
  if (encoding !== 'utf-8') {
    diags.warn(
      'encoding-not-utf8',
      relFile,
      undefined,
      undefined,
      `文件是 ${encoding === 'gb18030' ? 'GBK/GB18030' : 'UTF-16'} 编码，已按此读取；建议另存为 UTF-8（记事本：另存为 → 编码选 UTF-8）`,
    );
  }
  return text;
}
