/**
 * Writing outputs so that a crash, Ctrl-C or a full disk never leaves a half-written file under
 * the final name: write a temporary file beside it, flush, then rename over the old one (an
 * atomic step on the same file system). The previous good file stays until the rename.
 */
import fs from 'node:fs';
import path from 'node:path';

let counter = 0;

export function writeFileAtomic(target: string, data: Uint8Array | string): void {
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  // pid + counter: two builds of the same issue at once never share a temporary file.
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${++counter}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Creates a file only if nothing is there: user files are never overwritten. */
export function writeFileExclusive(target: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, data, { flag: 'wx' });
}
