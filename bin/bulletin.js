#!/usr/bin/env node
// The CLI is the bundle lib/bulletin.cjs (built by `npm ci` through the prepare script), run
// with the code cache of the command (src/startup/code-cache.ts).
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { commandOf, loadBundle } from '../lib/startup/code-cache.js';

// Node 22 and later keep V8's compiled code on disk between runs: here, of the loader and of
// the libraries the bundle loads from node_modules.
module.enableCompileCache?.();
const bundle = fileURLToPath(new URL('../lib/bulletin.cjs', import.meta.url));
const { main, stdio } = loadBundle(bundle, commandOf(process.argv)).exports;

// `bulletin list | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
// Outputs are written synchronously to a temporary name and renamed, so a signal handled here
// (between writes, never inside one) leaves only complete files under their final names.
// A command that ends on Ctrl-C by design (preview) listens itself and ends cleanly.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (process.listenerCount(signal) > 1) return;
    stdio.err('\n已中断。已生成的文件都是完整的，未完成的没有写出。');
    process.exit(130);
  });
}
process.exitCode = await main(process.argv);
