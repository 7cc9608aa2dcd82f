/**
 * A build worker of the archive: renders the issues it is sent, one at a time, in order, and
 * hands the bytes back (moved, not copied) for the main thread to write.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../diagnostics.js';
import { renderTask, type BuildTask } from './build-one.js';

let chain: Promise<void> = Promise.resolve();

/** A buffer that can be moved to the main thread: its own whole ArrayBuffer, never Node's shared pool. */
function movable(b: Uint8Array): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer ? b : new Uint8Array(b);
}

parentPort!.on('message', ({ task, id }: { task: BuildTask; id: number }) => {
  chain = chain.then(async () => {
    try {
      const { entry, bytes } = await renderTask(task);
      const own = bytes.map(movable);
      parentPort!.postMessage(
        { id, ok: true, entry, bytes: own },
        own.map((b) => b.buffer as ArrayBuffer),
      );
    } catch (e) {
      const user = e instanceof UserError;
      parentPort!.postMessage({
        id,
        ok: false,
        user,
        message: user ? e.message : String((e as Error)?.stack ?? e),
        diagnostics: user ? e.diagnostics : [],
      });
    }
  });
});
