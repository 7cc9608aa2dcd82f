#!/usr/bin/env node
/**
 * `npm pack` puts package.json into the tarball as it is on disk, scripts and all. prepack runs
 * `strip` (after the build): package.json becomes what an installed copy needs
 * (src/package/installed-manifest.ts), the original kept beside it; postpack runs `restore`.
 * A pack cut short leaves the backup: `node scripts/pack-manifest.mjs restore` puts it back,
 * and the next `strip` refuses to run over it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FILE = path.join(ROOT, 'package.json');
const BACKUP = path.join(ROOT, 'package.json.before-pack');

const action = process.argv[2];
if (action === 'strip') {
  if (fs.existsSync(BACKUP)) {
    console.error(`${BACKUP} exists: an earlier pack did not finish. Run \`node scripts/pack-manifest.mjs restore\` first.`);
    process.exit(1);
  }
  const { installedManifest } = await import(path.join(ROOT, 'lib', 'package', 'installed-manifest.js'));
  const original = fs.readFileSync(FILE, 'utf8');
  fs.writeFileSync(BACKUP, original);
  fs.writeFileSync(FILE, installedManifest(original));
} else if (action === 'restore') {
  if (fs.existsSync(BACKUP)) fs.renameSync(BACKUP, FILE);
} else {
  console.error('usage: pack-manifest.mjs strip|restore');
  process.exit(1);
}
