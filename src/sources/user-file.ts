/**
 * The one way a file of the user's (or of a sender's) is read: bulletin.yaml, issue.yaml,
 * items, images, imports.yaml, submissions, fonts, issued.json, the files an archive hashes.
 *
 * Only regular files are read. A FIFO named x.md would block `open` and then `read` forever (no
 * Ctrl-C gets through a blocked synchronous call); a device such as /dev/zero behind a link
 * never ends; a folder cannot be read. The kind is judged from stat before opening, and again
 * on the open descriptor (opened with O_NONBLOCK, so a FIFO swapped in between cannot block),
 * so what is read is what was judged. Every read has a size limit said in the message; hashing
 * streams in chunks, so a file of any size is hashed without holding it (Node refuses to read
 * more than 2 GiB into one buffer).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { UserError } from '../diagnostics.js';
import { fsErrorMessage, isFsError } from '../output/fs-errors.js';

export type RefusalReason = 'missing' | 'not-file' | 'too-large' | 'unreadable';

/** A file that is not read, with a Chinese message naming it (a UserError: exit 1 when not caught). */
export class FileRefused extends UserError {
  constructor(
    readonly reason: RefusalReason,
    /** The file as shown in the message. */
    readonly shown: string,
    /** The message without the file's name, for a diagnostic that is already placed at the file. */
    readonly detail: string,
    message: string,
    /** For 'not-file': what it is instead, in Chinese (文件夹, 命名管道 …). */
    readonly kind?: string,
  ) {
    super(message);
    this.name = 'FileRefused';
  }
}

export interface ReadLimit {
  /** The file as the user knows it (relative to the series, or as given), for messages. */
  shown: string;
  /** Largest size read, in bytes. */
  maxBytes: number;
  /** What the file is, for the message about its size: 稿件文件, 图片 … (default 文件; '' for none). */
  what?: string;
  /** What to do when the file is too large (ends the message). */
  tooLargeHint?: string;
}

/** What a non-regular file is, in words a clerk may recognise. */
export function kindName(st: fs.Stats): string {
  if (st.isDirectory()) return '文件夹';
  if (st.isFIFO()) return '命名管道（FIFO）';
  if (st.isSocket()) return '套接字';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '设备文件';
  if (st.isSymbolicLink()) return '链接';
  return '特殊文件';
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1048576).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

function limitText(bytes: number): string {
  return bytes >= 1048576 && bytes % 1048576 === 0 ? `${bytes / 1048576} MB` : formatSize(bytes);
}

export function notRegular(st: fs.Stats, shown: string): FileRefused {
  const kind = kindName(st);
  const rest = `不是普通文件，没有读取。请把它移走或改名${st.isDirectory() ? '' : '，换成真正的文件'}`;
  return new FileRefused('not-file', shown, `这是${kind}，${rest}`, `${shown} 是${kind}，${rest}`, kind);
}

function tooLarge(size: number, limit: ReadLimit): FileRefused {
  const what = limit.what ?? '文件';
  const rest = `有 ${formatSize(size)}，超过 ${limitText(limit.maxBytes)} 的上限，没有读取。${limit.tooLargeHint ?? '请检查是否放错了文件'}`;
  return new FileRefused('too-large', limit.shown, `${what}${rest}`, `${what ? `${what} ` : ''}${limit.shown} ${rest}`);
}

function fsRefusal(e: unknown, shown: string): FileRefused {
  if (isFsError(e) && e.code === 'ENOENT') return new FileRefused('missing', shown, '找不到这个文件', `找不到文件 ${shown}`);
  if (isFsError(e)) {
    const text = fsErrorMessage({ ...e, message: e.message, path: shown });
    return new FileRefused('unreadable', shown, text, text);
  }
  throw e;
}

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/** Opens a regular file for reading, or refuses; the caller closes the descriptor. */
function openRegular(abs: string, shown: string): { fd: number; size: number } {
  // Judged before opening: opening some devices has effects of its own.
  regularFileSize(abs, shown);
  let fd: number;
  try {
    fd = fs.openSync(abs, OPEN_FLAGS);
  } catch (e) {
    throw fsRefusal(e, shown);
  }
  try {
    const now = fs.fstatSync(fd);
    if (!now.isFile()) throw notRegular(now, shown);
    return { fd, size: now.size };
  } catch (e) {
    fs.closeSync(fd);
    throw e instanceof FileRefused ? e : fsRefusal(e, shown);
  }
}

/** Stat of a path as a regular file, or the refusal reading it would give (nothing is opened). */
export function regularFileSize(abs: string, shown: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    throw fsRefusal(e, shown);
  }
  if (!st.isFile()) throw notRegular(st, shown);
  return st.size;
}

/** A regular file within the limit, opened for reads at any position; the caller closes the descriptor. */
export function openUserFile(abs: string, limit: ReadLimit): { fd: number; size: number } {
  const opened = openRegular(abs, limit.shown);
  if (opened.size > limit.maxBytes) {
    fs.closeSync(opened.fd);
    throw tooLarge(opened.size, limit);
  }
  return opened;
}

/** Bytes [position, position + length) of an open file into `into` at `at`; a FileRefused when the file is shorter now. */
export function readUserFileAt(fd: number, into: Uint8Array, at: number, length: number, position: number, shown: string): void {
  let done = 0;
  while (done < length) {
    let n: number;
    try {
      n = fs.readSync(fd, into, at + done, length - done, position + done);
    } catch (e) {
      throw fsRefusal(e, shown);
    }
    if (n === 0)
      throw new FileRefused(
        'unreadable',
        shown,
        '读取过程中文件变短了（可能正被替换或复制）',
        `${shown} 在读取过程中变短了（可能正被替换或复制）。请等文件复制完成后重新运行`,
      );
    done += n;
  }
}

/** The whole file, if it is a regular file within the limit; otherwise a FileRefused. */
export function readUserFile(abs: string, limit: ReadLimit): Buffer {
  const { fd, size } = openRegular(abs, limit.shown);
  try {
    if (size > limit.maxBytes) throw tooLarge(size, limit);
    // The size is a hint: a file still being written may grow; never read past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    let buf = Buffer.allocUnsafe(Math.max(1, Math.min(size + 1, limit.maxBytes + 1)));
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        throw fsRefusal(e, limit.shown);
      }
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > limit.maxBytes) throw tooLarge(total, limit);
      if (n === buf.length) buf = Buffer.allocUnsafe(Math.min(1 << 20, limit.maxBytes + 1 - total) || 1);
      else buf = buf.subarray(n);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

/** A user's text file as a string (UTF-8), with the same checks. */
export function readUserText(abs: string, limit: ReadLimit): string {
  return readUserFile(abs, limit).toString('utf8');
}

const CHUNK = 1 << 20;

/** SHA-256 of a regular file, read in chunks (any size within the limit, which may be Infinity). */
export function hashUserFile(abs: string, limit: ReadLimit): string {
  const h = crypto.createHash('sha256');
  feedHash(h, abs, limit);
  return h.digest('hex');
}

/** Adds a regular file's bytes to a running hash, in chunks. */
export function feedHash(h: crypto.Hash, abs: string, limit: ReadLimit): void {
  const shown = limit.shown;
  const { fd, size } = openRegular(abs, shown);
  try {
    if (size > limit.maxBytes) throw tooLarge(size, limit);
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, size)));
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        throw fsRefusal(e, shown);
      }
      if (n === 0) break;
      h.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
}
