/**
 * Writing outputs so that a crash, Ctrl-C or a full disk never leaves a half-written file under
 * the final name: write a temporary file beside it, flush, then rename over the old one (an
 * atomic step on the same file system). The previous good file stays until the rename. Errors
 * name the real file, never the hidden temporary one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensureDir } from './ensure-dir.js';
import { aboutFile } from './fs-errors.js';

let counter = 0;

/** A fresh hidden name beside `target`: pid + counter, so two builds at once never share one. */
export function siblingName(target: string, kind: 'tmp' | 'old'): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${++counter}.${kind}`);
}

/** Writes and flushes a temporary file beside `target`; returns its path. */
export function writeTemp(target: string, data: Uint8Array | string): string {
  const tmp = siblingName(target, 'tmp');
  try {
    const fd = fs.openSync(tmp, 'wx');
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return tmp;
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw aboutFile(e, target);
  }
}

export function writeFileAtomic(target: string, data: Uint8Array | string): void {
  ensureDir(path.dirname(target));
  const tmp = writeTemp(target, data);
  try {
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw aboutFile(e, target);
  }
}

/** Creates a file only if nothing is there: user files are never overwritten. */
export function writeFileExclusive(target: string, data: string | Uint8Array): void {
  ensureDir(path.dirname(target));
  fs.writeFileSync(target, data, { flag: 'wx' });
}

/**
 * Atomic and never overwriting: the complete file appears under its name or nothing does, and
 * an existing file of that name is left alone (EEXIST). A hard link gives both at once; file
 * systems without links (FAT USB sticks) fall back to check-then-rename.
 */
export function writeFileAtomicExclusive(target: string, data: Uint8Array | string): void {
  ensureDir(path.dirname(target));
  const tmp = writeTemp(target, data);
  try {
    try {
      fs.linkSync(tmp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS')) throw e;
      if (fs.existsSync(target)) throw Object.assign(new Error(`EEXIST: ${target}`), { code: 'EEXIST', path: target });
      fs.renameSync(tmp, target);
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
