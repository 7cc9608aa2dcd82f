/**
 * The archive folder is published and comes back from git or a Pages artifact: anything in it
 * may have been put there by someone else. A link (symlink, Windows junction) inside it would
 * let `archive` write, read or delete outside the folder through a path that looks inside;
 * a FIFO or device would hang or feed a read. So before anything is read or written, every
 * entry under the folder must be a plain folder or a plain file; and each path is checked
 * again, part by part, right before a write or a removal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError, type Diagnostic } from '../diagnostics.js';
import { relPath } from '../paths.js';

/** What archive keeps at the top of its folder: the manifest, the index, the year folders. */
const OURS_AT_TOP = /^(manifest\.json|index\.html|\d{1,6}|\.(manifest\.json|index\.html)\..*\.tmp)$/;

function whatItIs(abs: string, st: fs.Stats): string {
  if (st.isSymbolicLink()) {
    let target = '';
    try {
      target = fs.readlinkSync(abs);
    } catch {
      /* the message can do without it */
    }
    return `是一个链接（快捷方式）${target ? `，指向“${target}”` : ''}`;
  }
  if (st.isDirectory()) return '是一个文件夹，而存档清单中它是一个文件';
  return '不是普通的文件或文件夹（可能是管道或设备）';
}

function problem(abs: string, st: fs.Stats): Diagnostic {
  return {
    severity: 'error',
    rule: 'archive-link',
    file: relPath(process.cwd(), abs),
    message: `${whatItIs(abs, st)}。存档文件夹会公开发布，bulletin 不会通过链接读写或删除文件，所以没有做任何改动。请把它换成真正的文件夹或文件（或删除它）后重试`,
  };
}

/**
 * Throws, naming each one, when anything archive reads, writes or removes — manifest.json,
 * index.html and everything under the year folders — is neither a plain folder nor a plain
 * file. The clerk's other things in a folder given to --out are not archive's business.
 */
export function checkArchiveTree(outDir: string): void {
  const found: Diagnostic[] = [];
  const walk = (dir: string, top: boolean): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && top) return;
      throw e;
    }
    for (const e of entries) {
      if (top && !OURS_AT_TOP.test(e.name)) continue;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs, false);
      else if (!e.isFile()) found.push(problem(abs, fs.lstatSync(abs)));
    }
  };
  walk(outDir, true);
  if (found.length) throw new UserError(`存档文件夹里有 ${found.length} 个链接或特殊文件，没有做任何改动（见上）`, found);
}

/**
 * The first part of `rel` (a manifest path, forward slashes) under outDir that exists and is not
 * a plain folder (or, for the last part of a file's path, a plain file); undefined when clean.
 */
export function unsafePart(outDir: string, rel: string, kind: 'file' | 'dir' = 'file'): Diagnostic | undefined {
  const parts = rel.split('/');
  let cur = outDir;
  for (const [i, part] of parts.entries()) {
    cur = path.join(cur, part);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(cur);
    } catch {
      return undefined;
    }
    const file = kind === 'file' && i === parts.length - 1;
    if (file ? !st.isFile() : !st.isDirectory()) return problem(cur, st);
  }
  return undefined;
}

/** Throws when writing to `rel` under outDir would go through a link or onto something special. */
export function assertPlainPath(outDir: string, rel: string): void {
  const p = unsafePart(outDir, rel);
  if (p) throw new UserError('存档文件夹里有链接或特殊文件，这一期没有写入（见上）', [p]);
}
