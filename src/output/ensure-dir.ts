/**
 * Creating an output folder and its parents, one level at a time. Node's recursive mkdir loops
 * for ever where mkdir fails with ENOENT on a parent that exists (/proc/x): here every level is
 * tried once, and a file in the way is ENOTDIR with its path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fsError } from './fs-errors.js';

export function ensureDir(dir: string): void {
  for (const d of missingDirs(dir)) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      // Another process made it in between: fine, as long as it is a folder.
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && fs.statSync(d).isDirectory()) continue;
      throw e;
    }
  }
}

/**
 * The folders ensureDir would create, outermost first; throws ENOTDIR when a file stands where
 * a folder should be, so that a command can say so before its slow work.
 */
export function missingDirs(dir: string): string[] {
  const missing: string[] = [];
  let cur = path.resolve(dir);
  for (;;) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(cur);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (stat) {
      if (!stat.isDirectory()) throw fsError('ENOTDIR', cur, 'mkdir');
      break;
    }
    missing.push(cur);
    const up = path.dirname(cur);
    if (up === cur) throw fsError('ENOENT', cur, 'mkdir');
    cur = up;
  }
  return missing.reverse();
}
