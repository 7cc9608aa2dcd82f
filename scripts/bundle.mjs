#!/usr/bin/env node
/**
 * Bundles the CLI into lib/bulletin.mjs, the archive's worker into lib/worker.mjs and the
 * preview's into lib/preview-worker.mjs, with the code only some commands need in chunks beside
 * them: a few dozen files to read and compile instead of some three hundred modules resolved
 * one by one, and of those only what the command run needs. pdfmake, pdfkit and fontkit stay in node_modules: pdfkit reads its
 * data files beside its own code, and pdfkit and the app must share one fontkit (the app
 * patches fontkit's CFF subsetter, src/fonts/cff-subset-patch.ts). The bundle sits in lib/
 * like the tsc output, so paths relative to the package (fonts/, templates/) stay the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// `node scripts/bundle.mjs --bench` also bundles bench/phases-entry.ts for the benchmark.
const bench = process.argv.includes('--bench');

// gray-matter requires js-yaml for its default engines. bulletin hands it its own engine for
// every language it knows (src/sources/markdown.ts), so js-yaml is never called; bundled, it
// would be compiled at every start and would load esprima from node_modules (to evaluate
// `!!js/function`). In its place: the two functions gray-matter binds, each refusing.
const noJsYaml = {
  name: 'no-js-yaml',
  setup(b) {
    b.onResolve({ filter: /^js-yaml$/ }, (args) => {
      if (!args.importer.includes(`${path.sep}gray-matter${path.sep}`)) throw new Error(`js-yaml imported by ${args.importer}`);
      return { path: 'js-yaml', namespace: 'no-js-yaml' };
    });
    b.onLoad({ filter: /.*/, namespace: 'no-js-yaml' }, () => ({
      contents:
        "const refuse = () => { throw new Error('js-yaml is not part of bulletin'); };\nmodule.exports = { safeLoad: refuse, safeDump: refuse };",
      loader: 'js',
    }));
  },
};

const { outputFiles } = await build({
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
  // What only some commands need (a command's own code, each renderer) is a chunk of its own,
  // read and compiled only when that command runs. Chunks sit in lib/ beside the entries, so
  // that paths relative to the package root stay the same from every file.
  splitting: true,
  chunkNames: '[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['pdfmake', 'pdfkit', 'fontkit'],
  plugins: [noJsYaml],
  // Bundled CommonJS modules call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __bulletinCreateRequire } from 'node:module';\nconst require = __bulletinCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  // Less to read and compile at every start. ASCII only: a single non-ASCII character makes
  // Node hold the whole source as UTF-16, twice the memory, and decode it at every load.
  minify: true,
  charset: 'ascii',
  write: false,
  logLevel: 'warning',
});

// esbuild leaves regular expression literals as written (/[，、]/). A \uXXXX escape means
// the same code unit there as in strings and names, and a pair of them the same astral
// character, with or without the u flag; comments are gone (minify).
for (const file of outputFiles) {
  // An identity escape (\，) would turn into \\u…: none is written, and none may come.
  if (/\\[^\x00-\x7f]/.test(file.text)) throw new Error(`${file.path}: a backslash before a non-ASCII character`);
  const text = file.text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  fs.mkdirSync(path.dirname(file.path), { recursive: true });
  fs.writeFileSync(file.path, text);
}
