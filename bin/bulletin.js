#!/usr/bin/env node
// The CLI is the bundle lib/bulletin.mjs and its chunks (built by `npm ci` through the prepare script).
import module from 'node:module';

// Node 22 and later keep V8's compiled code of the bundle on disk between runs.
module.enableCompileCache?.();
const { main, stdio } = await import('../lib/bulletin.mjs');

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
