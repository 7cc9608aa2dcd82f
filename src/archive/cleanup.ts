/**
 * After the new manifest is in place: remove the files only the old manifest listed, and the
 * content folders an interrupted run left behind. Nothing else is touched — a file counts as
 * ours only if a manifest listed it and it still holds the bytes listed for it, or if it sits
 * in a content folder of an archived issue and bears that issue's name with one of our
 * extensions. Nothing is reached through a link: the folder may come from anyone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FORMATS } from '../render/formats.js';
import { hashUserFile } from '../sources/user-file.js';
import type { Manifest, ManifestFile } from './manifest.js';
import { unsafePart } from './tree-guard.js';

const CONTENT_DIR = /^[0-9a-f]{12}$/;

/** A listed file as archive wrote it: reached without a link, with the listed bytes. */
function stillOurs(outDir: string, f: ManifestFile): boolean {
  if (unsafePart(outDir, f.path)) return false;
  try {
    return hashUserFile(path.join(outDir, f.path), { shown: f.path, maxBytes: Infinity }) === f.sha256;
  } catch {
    return false;
  }
}

function removeQuietly(p: string): void {
  try {
    fs.rmSync(p, { force: true });
  } catch {
    // Open in another program (Windows): it stays until a later run; the manifest no longer lists it.
  }
}

/** Removes now-empty folders from `dir` up to, not including, `stop`. */
function pruneEmpty(dir: string, stop: string): void {
  for (let d = dir; d !== stop && d.startsWith(stop + path.sep); d = path.dirname(d)) {
    try {
      fs.rmdirSync(d);
    } catch {
      return;
    }
  }
}

function isLeftover(dir: string, stem: string): boolean {
  const ours = new Set(FORMATS.map((f) => `${stem}${f.ext}`));
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .every((e) => e.isFile() && (ours.has(e.name) || (e.name.startsWith('.') && e.name.endsWith('.tmp'))));
  } catch {
    return false;
  }
}

export function removeUnlisted(outDir: string, previous: Manifest | undefined, next: Manifest): void {
  const listed = new Set(next.issues.flatMap((i) => i.files.map((f) => f.path)));
  for (const f of (previous?.issues ?? []).flatMap((i) => i.files)) {
    if (listed.has(f.path) || !stillOurs(outDir, f)) continue;
    const abs = path.join(outDir, f.path);
    removeQuietly(abs);
    pruneEmpty(path.dirname(abs), outDir);
  }
  const live = new Set([...listed].map((p) => p.split('/').slice(0, -1).join('/')));
  const stems = new Map<string, string>();
  for (const p of listed) {
    const parts = p.split('/');
    if (parts.length === 4) stems.set(parts.slice(0, 2).join('/'), parts[1]!);
  }
  for (const [issueDir, stem] of stems) {
    if (unsafePart(outDir, issueDir, 'dir')) continue;
    let names: string[];
    try {
      names = fs.readdirSync(path.join(outDir, issueDir));
    } catch {
      continue;
    }
    for (const name of names) {
      const rel = `${issueDir}/${name}`;
      const abs = path.join(outDir, issueDir, name);
      if (!CONTENT_DIR.test(name) || live.has(rel) || unsafePart(outDir, rel, 'dir') || !isLeftover(abs, stem)) continue;
      for (const f of fs.readdirSync(abs)) removeQuietly(path.join(abs, f));
      pruneEmpty(abs, outDir);
    }
  }
}
