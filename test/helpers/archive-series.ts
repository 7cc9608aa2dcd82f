/** A two-issue series for archive tests, and readers of what `archive` wrote. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Manifest } from '../../src/archive/manifest.js';
import { FIXTURES, REPO, tempDir } from './series.js';

export const sha = (p: string): string => crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');

/** The mixed fixture's 第1期 and the real 第9期 as 第2期. */
export function makeArchiveSeries(): string {
  const dir = tempDir('bulletin-archive-');
  fs.copyFileSync(path.join(FIXTURES, 'mixed', 'bulletin.yaml'), path.join(dir, 'bulletin.yaml'));
  fs.cpSync(path.join(FIXTURES, 'mixed', 'issues', '001'), path.join(dir, 'issues', '001'), { recursive: true });
  fs.cpSync(path.join(REPO, 'issues', '009'), path.join(dir, 'issues', '002'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'issues', '002', 'issue.yaml'), 'number: 2\ndate: 2024-06-12\n');
  return dir;
}

export function readManifestOf(archiveDir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(archiveDir, 'manifest.json'), 'utf8'));
}

/** Every file under the archive folder, relative, forward slashes, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out.sort();
}

/** Throws unless every file the manifest lists exists with its recorded hash and size. */
export function expectConsistent(archiveDir: string): Manifest {
  const m = readManifestOf(archiveDir);
  for (const i of m.issues) {
    for (const f of i.files) {
      const abs = path.join(archiveDir, f.path);
      if (!fs.existsSync(abs)) throw new Error(`manifest lists ${f.path}, which is missing`);
      if (sha(abs) !== f.sha256 || fs.statSync(abs).size !== f.size) throw new Error(`${f.path} does not match the manifest`);
    }
  }
  const html = fs.readFileSync(path.join(archiveDir, 'index.html'), 'utf8');
  // Links written in the page itself; the search script's template builds its links from the index data.
  for (const m2 of html.replace(/<script[\s\S]*?<\/script>/g, '').matchAll(/href="([^"]+)"/g)) {
    if (!fs.existsSync(path.join(archiveDir, decodeURI(m2[1]!.replace(/#.*$/, '')))))
      throw new Error(`index.html links to ${m2[1]}, which is missing`);
  }
  return m;
}
