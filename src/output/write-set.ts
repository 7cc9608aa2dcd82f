/**
 * Writing one issue's files (PDF, DOCX …) as a set: all of them are replaced or none is. Each
 * is first written to a temporary file; each old file gets a hidden second name (a hard link,
 * or a copy where the disk has none), then the new files are renamed over the old ones, so a
 * target is never missing even for an instant. When one rename is refused (on Windows: the
 * DOCX open in Word), the files already replaced get their old contents back.
 *
 * A file changed after bulletin wrote it (an editor's corrections made in Word) is not lost:
 * bulletin keeps the SHA-256 of what it wrote in a small record beside the outputs, and an
 * existing file that no longer matches is kept under a new name, with a warning.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
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

function readRecord(dir: string): Record<string, string> {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(dir, RECORD_FILE), 'utf8')) as unknown;
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
  const temps: string[] = [];
  const backups: Array<{ target: string; backup?: string }> = [];
  const kept: WriteSetResult['kept'] = [];
  let replaced = 0;
  try {
    files.forEach((f, i) => temps.push(writeTemp(targets[i]!, f.bytes)));
    files.forEach((f, i) => {
      const target = targets[i]!;
      if (!fs.existsSync(target)) {
        backups.push({ target });
        return;
      }
      const now = sha256(fs.readFileSync(target));
      const written = record[f.name];
      // Changed since bulletin wrote it, and not simply what this build writes anyway (two
      // builds at once write the same bytes).
      const edited = written !== undefined && now !== written && now !== sha256(f.bytes);
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
