#!/usr/bin/env node
/**
 * Bundles the CLI into lib/bulletin.mjs, the archive's worker into lib/worker.mjs and the
 * preview's into lib/preview-worker.mjs: one file to read and compile instead of some three
 * hundred modules resolved one by one (about a sixth of a cold build). pdfmake, pdfkit and fontkit stay in node_modules: pdfkit reads its
 * data files beside its own code, and pdfkit and the app must share one fontkit (the app
 * patches fontkit's CFF subsetter, src/fonts/cff-subset-patch.ts). The bundle sits in lib/
 * like the tsc output, so paths relative to the package (fonts/, templates/) stay the same.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// `node scripts/bundle.mjs --bench` also bundles bench/phases-entry.ts for the benchmark.
const bench = process.argv.includes('--bench');

await build({
  entryPoints: bench
    ? { 'bench-phases': path.join(ROOT, 'bench/phases-entry.ts') }
    : {
        bulletin: path.join(ROOT, 'src/cli/main.ts'),
        worker: path.join(ROOT, 'src/archive/worker.ts'),
        'preview-worker': path.join(ROOT, 'src/preview/build-worker.ts'),
      },
  outdir: path.join(ROOT, 'lib'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['pdfmake', 'pdfkit', 'fontkit'],
  // Bundled CommonJS modules call require() for Node's built-ins.
  banner: { js: "import { createRequire as __bulletinCreateRequire } from 'node:module';\nconst require = __bulletinCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
