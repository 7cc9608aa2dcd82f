/**
 * The lock entries of the tool's runtime dependencies, kept in the package (lib/deps-lock.json)
 * so that `bulletin init` can give a series a package-lock.json and `npm ci` works there: the
 * repository's package-lock.json without the development packages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

export type LockEntries = Record<string, Record<string, unknown>>;

export const DEPS_LOCK = path.join(PACKAGE_ROOT, 'lib', 'deps-lock.json');

export function depsFromLock(lock: { packages: LockEntries }): LockEntries {
  const out: LockEntries = {};
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || !key.startsWith('node_modules/') || entry.dev || entry.devOptional) continue;
    out[key] = entry;
  }
  return out;
}

/** Run at build time: lib/deps-lock.json from package-lock.json. */
export function writeDepsLock(): void {
  const lock = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package-lock.json'), 'utf8'));
  fs.writeFileSync(DEPS_LOCK, `${JSON.stringify(depsFromLock(lock), null, 2)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(PACKAGE_ROOT, 'lib', 'package', 'deps-lock.js')) writeDepsLock();
