#!/usr/bin/env node
/**
 * Bundles the code that runs into lib/, beside the tsc output, so that paths relative to the
 * package (fonts/, templates/) stay the same from every file:
 *  - the CLI into one CommonJS file, lib/bulletin.cjs: bin/bulletin.js compiles it through
 *    vm.Script with a code cache made after a run (src/startup/code-cache.ts), which holds every
 *    function the command ran. A command's own code is still only evaluated when that command
 *    runs (esbuild keeps a lazily imported module's body in a function until it is imported);
 *  - the archive's worker (lib/worker.mjs) and the preview's (lib/preview-worker.mjs) as ES
 *    modules, with what only some of them need in chunks beside them.
 * pdfmake, pdfkit and fontkit stay in node_modules: pdfkit reads its data files beside its own
 * code, and the compat patches (src/compat) reach the copies that the pins check there.
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

const common = {
  outdir: path.join(ROOT, 'lib'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['pdfmake', 'pdfkit', 'fontkit'],
  plugins: [noJsYaml],
  legalComments: 'none',
  // Less to read and compile at every start. ASCII only: a single non-ASCII character makes
  // Node hold the whole source as UTF-16, twice the memory, and decode it at every load.
  minify: true,
  charset: 'ascii',
  write: false,
  logLevel: 'warning',
};

const cli = await build({
  ...common,
  entryPoints: bench ? { 'bench-phases': path.join(ROOT, 'bench/phases-entry.ts') } : { bulletin: path.join(ROOT, 'src/cli/main.ts') },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // What import.meta.url means in the sources (src/paths.ts and the compat resolvers start
  // from it): this file.
  define: { 'import.meta.url': '__bulletinImportMetaUrl' },
  banner: { js: "var __bulletinImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

const workers = bench
  ? { outputFiles: [] }
  : await build({
      ...common,
      entryPoints: {
        worker: path.join(ROOT, 'src/archive/worker.ts'),
        'preview-worker': path.join(ROOT, 'src/preview/build-worker.ts'),
      },
      outExtension: { '.js': '.mjs' },
      format: 'esm',
      // What only some workers need is a chunk of its own, beside the entries.
      splitting: true,
      chunkNames: '[name]-[hash]',
      // Bundled CommonJS modules call require() for Node's built-ins.
      banner: {
        js: "import { createRequire as __bulletinCreateRequire } from 'node:module';\nconst require = __bulletinCreateRequire(import.meta.url);",
      },
    });

const outputFiles = [...cli.outputFiles, ...workers.outputFiles];
// A dynamic import() in the CLI bundle would need vm.Script's importModuleDynamically: its
// lazily loaded modules are bundled in, and the libraries left outside are required.
for (const file of cli.outputFiles)
  if (/\bimport\(/.test(file.text)) throw new Error(`${file.path}: a dynamic import() is left in the CommonJS bundle`);

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
