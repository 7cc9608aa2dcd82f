/**
 * First stage of an import: read the received file, fingerprint it, and say what it really is
 * (by its bytes, not its name: a .doc is often a renamed .docx and a .docx sometimes a PDF).
 * Every refusal is an ImportError with a message the clerk can act on; nothing is written yet.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { FileRefused, readUserFile, regularFileSize } from '../sources/user-file.js';

/** Phone photos make real submissions large; beyond this it is a video, an archive or a mistake. */
export const MAX_SUBMISSION_BYTES = 30 * 1024 * 1024;

export type SubmissionKind = 'docx' | 'legacy' | 'text' | 'markdown';

export interface Submission {
  abs: string;
  /** Base name as received, for messages, the import log and `source:`. */
  name: string;
  bytes: Buffer;
  sha256: string;
  kind: SubmissionKind;
}

export class ImportError extends Error {}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from('PK\x03\x04', 'latin1');

export function readSubmission(abs: string): Submission {
  const name = path.basename(abs);
  const tooLargeHint = '通常是图片太大：在 Word 中选中图片 → 图片格式 → 压缩图片（选“电子邮件”分辨率）后另存，再导入';
  let bytes: Buffer;
  try {
    // A FIFO or device given by name is refused before it is opened: it would never end.
    const size = regularFileSize(abs, name);
    if (size === 0) throw new ImportError(`${name} 是空文件（0 字节），可能没有保存完整或下载失败。请让供稿单位重新发送`);
    bytes = readUserFile(abs, { shown: name, maxBytes: MAX_SUBMISSION_BYTES, what: '', tooLargeHint });
  } catch (e) {
    if (!(e instanceof FileRefused)) throw e;
    if (e.reason === 'missing') throw new ImportError(`找不到文件 ${abs}。请检查文件名和路径（文件名有空格时整个加引号）`);
    if (e.kind === '文件夹') throw new ImportError(`${name} 是文件夹。要导入文件夹里的全部来稿，请写 ${path.join(abs, '*')}`);
    throw new ImportError(e.message);
  }
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  return { abs, name, bytes, sha256, kind: kindOf(name, bytes) };
}

function kindOf(name: string, bytes: Buffer): SubmissionKind {
  const ext = path.extname(name).toLowerCase();
  if (bytes.subarray(0, 8).equals(OLE)) {
    // Office puts a password-protected .docx inside an OLE container as "EncryptedPackage".
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new ImportError(
        `${name} 设置了打开密码，无法读取。请供稿单位取消密码（Word：文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后重新发送`,
      );
    }
    return 'legacy';
  }
  if (bytes.subarray(0, 4).equals(ZIP)) {
    if (bytes.includes(Buffer.from('word/document.xml', 'latin1')) || bytes.includes(Buffer.from('word/document2.xml', 'latin1')))
      return 'docx';
    if (bytes.includes(Buffer.from('application/vnd.oasis.opendocument.text', 'latin1'))) return 'legacy';
    throw new ImportError(`${name} 是压缩包（ZIP），不是 Word 文件。请先解压，再导入里面的 Word 文件`);
  }
  if (bytes.subarray(0, 5).toString('latin1') === '{\\rtf') return 'legacy';
  const other = signature(bytes);
  if (other)
    throw new ImportError(`${name} 不是 Word 文件，看起来是${other}。请导入供稿单位的 Word（.docx/.doc/.wps）或文本（.txt/.md）原稿`);
  if (['.docx', '.doc', '.wps', '.rtf', '.odt', '.docm', '.dotx'].includes(ext)) {
    if (isText(bytes)) return ext === '.md' ? 'markdown' : 'text';
    throw new ImportError(`${name} 的扩展名是 ${ext}，但内容不是 Word 文件（文件可能已损坏或只下载了一部分）。请让供稿单位重新发送`);
  }
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.txt' || isText(bytes)) return 'text';
  throw new ImportError(`${name} 不是能导入的文件。能导入的有：Word（.docx .doc）、WPS（.wps）、.rtf、.odt、文本（.txt .md）`);
}

function signature(b: Buffer): string | undefined {
  const head = b.subarray(0, 8).toString('latin1');
  if (head.startsWith('%PDF')) return ' PDF 文件（PDF 不能导入，请要 Word 原稿）';
  if (head.startsWith('\x89PNG') || head.startsWith('\xff\xd8\xff') || head.startsWith('GIF8')) return '图片';
  if (head.startsWith('Rar!') || head.startsWith('7z\xbc\xaf')) return '压缩包';
  if (head.startsWith('MZ')) return '程序文件';
  return undefined;
}

/** Text when it has no NUL bytes and few control characters (UTF-8, GBK and UTF-16 with BOM). */
function isText(b: Buffer): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  const sample = b.subarray(0, 64 * 1024);
  let control = 0;
  for (const c of sample) {
    if (c === 0) return false;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return control < sample.length / 100 + 1;
}
