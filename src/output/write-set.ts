/**
 * Writing one issue's files (PDF, DOCX …) as a set: all of them are replaced or none is. Each
 * is first written to a temporary file; each old file gets a hidden second name (a hard link,
 * or a copy where the disk has none), then the new files are renamed over the old ones, so a
 * target is never missing even for an instant. When one rename is refused (on Windows: the
 * DOCX open in Word), the files already replaced get their old contents back.
 *
 * This is the one writer for every command's outputs (build, stats): it never replaces a file
 * it did not write. bulletin keeps the SHA-256 of what it wrote in a small record beside the
 * outputs. A file changed after bulletin wrote it (an editor's corrections made in Word) is
 * kept under a new name, with a warning; a file bulletin never wrote there (bulletin.yaml, an
 * item, the clerk's own workbook given to --out) stops the command before anything is written.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../diagnostics.js';
import { relPath } from '../paths.js';
import { FileRefused, readUserText } from '../sources/user-file.js';
import { ensureDir } from './ensure-dir.js';
import { aboutFile, fsError } from './fs-errors.js';
import { siblingName, writeFileAtomic, writeTemp } from './write-atomic.js';

/** Hashes of the files bulletin last wrote in an output folder, by file name. */
export const RECORD_FILE = '.bulletin-written.json';

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

export interface WriteSetResult {
  /** Edited files kept beside the new ones: [the file's name, the name it was kept under]. */
  kept: Array<[string, string]>;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Far more than a record of a folder's outputs weighs. */
const RECORD_MAX_BYTES = 4 * 2 ** 20;

function readRecord(dir: string): Record<string, string> {
  let text: string;
  try {
    text = readUserText(path.join(dir, RECORD_FILE), {
      shown: relPath(process.cwd(), path.join(dir, RECORD_FILE)),
      maxBytes: RECORD_MAX_BYTES,
    });
  } catch (e) {
    // A FIFO or folder under the record's name would hang the read or hide every output: said, not passed over.
    if (e instanceof FileRefused && e.reason !== 'missing' && e.reason !== 'too-large') throw e;
    return {};
  }
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** 工作动态第9期.docx → 工作动态第9期（修改稿）.docx, then （修改稿2） … never an existing name. */
function keptName(dir: string, name: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = `${stem}（修改稿${i > 1 ? i : ''}）${ext}`;
    if (!fs.existsSync(path.join(dir, candidate))) return candidate;
  }
}

/** A second name for the old file: a hard link where the disk allows, else a copy. */
function secondName(target: string, backup: string): void {
  try {
    fs.linkSync(target, backup);
  } catch {
    try {
      fs.copyFileSync(target, backup, fs.constants.COPYFILE_EXCL);
    } catch (e) {
      throw aboutFile(e, target);
    }
  }
}

/** Puts a replaced file's old contents back (or removes it when there was none). */
function restore(b: { target: string; backup?: string }, f: OutputFile, dir: string, kept: WriteSetResult['kept']): void {
  try {
    const keptAs = kept.find(([name]) => name === f.name)?.[1];
    const from = b.backup ?? (keptAs ? path.join(dir, keptAs) : undefined);
    if (!from) fs.rmSync(b.target, { force: true });
    else if (from === b.backup) fs.renameSync(from, b.target);
    else fs.copyFileSync(from, b.target);
  } catch {
    /* best effort: the old contents are still under the backup or kept name */
  }
}

/** SHA-256 of a file read in pieces: an output name may hold anything, of any size. */
function hashFile(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Who made the file under an output name: bulletin, and nobody changed it since (or it already
 * holds what is about to be written: two builds at once); someone after bulletin wrote it;
 * or never bulletin.
 */
function standing(target: string, written: string | undefined, bytes: Uint8Array): 'ours' | 'edited' | 'foreign' {
  const size = fs.statSync(target).size;
  if (written === undefined && size !== bytes.length) return 'foreign';
  const now = hashFile(target);
  if (now === sha256(bytes)) return 'ours';
  if (written === undefined) return 'foreign';
  return now === written ? 'ours' : 'edited';
}

function isFile(p: string): boolean {
  try {
    return fs.lstatSync(p).isFile();
  } catch {
    return false;
  }
}

export function writeOutputSet(dir: string, files: OutputFile[]): WriteSetResult {
  ensureDir(dir);
  const record = readRecord(dir);
  const targets = files.map((f) => path.join(dir, f.name));
  // Something that is not a plain file under an output name (a folder, a device) is never
  // moved or replaced: say so before anything is written.
  for (const t of targets) {
    if (fs.existsSync(t) && !isFile(t)) throw fsError(fs.statSync(t).isDirectory() ? 'EISDIR' : 'EINVAL', t, 'rename');
  }
  const standings = files.map((f, i) =>
    f.name === RECORD_FILE ? 'foreign' : fs.existsSync(targets[i]!) ? standing(targets[i]!, record[f.name], f.bytes) : 'absent',
  );
  const foreign = targets.filter((_t, i) => standings[i] === 'foreign');
  if (foreign.length) {
    const shown = foreign.map((t) => relPath(process.cwd(), t));
    throw new UserError(
      `没有写入任何文件：${shown.join('、')} 已经存在，而且不是 bulletin 写的。请换一个文件名或文件夹（--out），或先把它移走`,
      shown.map((file) => ({
        severity: 'error' as const,
        rule: 'output-not-ours',
        file,
        message: '这个文件已经存在，不是 bulletin 写出的（输出文件夹里的 .bulletin-written.json 没有它的记录），为避免覆盖，没有改动它',
      })),
    );
  }
  const temps: string[] = [];
  const backups: Array<{ target: string; backup?: string }> = [];
  const kept: WriteSetResult['kept'] = [];
  let replaced = 0;
  try {
    files.forEach((f, i) => temps.push(writeTemp(targets[i]!, f.bytes)));
    files.forEach((f, i) => {
      const target = targets[i]!;
      if (standings[i] === 'absent') {
        backups.push({ target });
        return;
      }
      const edited = standings[i] === 'edited';
      const backup = edited ? path.join(dir, keptName(dir, f.name)) : siblingName(target, 'old');
      secondName(target, backup);
      backups.push({ target, backup: edited ? undefined : backup });
      if (edited) kept.push([f.name, path.basename(backup)]);
    });
    files.forEach((_f, i) => {
      try {
        fs.renameSync(temps[i]!, targets[i]!);
      } catch (e) {
        throw aboutFile(e, targets[i]!);
      }
      replaced = i + 1;
    });
  } catch (e) {
    for (let i = 0; i < replaced; i++) restore(backups[i]!, files[i]!, dir, kept);
    for (const t of temps) fs.rmSync(t, { force: true });
    for (const b of backups) if (b.backup) fs.rmSync(b.backup, { force: true });
    // The edited file is back under its own name: its extra copy would only confuse.
    for (const [name, keptAs] of kept) {
      const target = path.join(dir, name);
      const copy = path.join(dir, keptAs);
      try {
        if (sha256(fs.readFileSync(target)) === sha256(fs.readFileSync(copy))) fs.rmSync(copy);
      } catch {
        /* keep both rather than risk the user's work */
      }
    }
    throw e;
  }
  for (const b of backups) if (b.backup) fs.rmSync(b.backup, { force: true });
  const next = { ...record };
  files.forEach((f) => (next[f.name] = sha256(f.bytes)));
  writeFileAtomic(path.join(dir, RECORD_FILE), `${JSON.stringify(next, Object.keys(next).sort(), 2)}\n`);
  return { kept };
}
