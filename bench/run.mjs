// `npm run bench`: the build benchmark, the archive benchmark, the bound volume's, then the preview's warm rebuild. Not a test: figures
// for the notes, measured on an otherwise idle machine.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO } from './lib.mjs';

for (const script of ['build.mjs', 'archive.mjs', 'volume.mjs', 'preview.mjs']) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bench', script)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
