/** A worker thread of the archive: builds the issues it is sent, one at a time, in order. */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../diagnostics.js';
import { buildOne, type BuildTask } from './build-one.js';

let chain: Promise<void> = Promise.resolve();

parentPort!.on('message', ({ task, id }: { task: BuildTask; id: number }) => {
  chain = chain.then(async () => {
    try {
      parentPort!.postMessage({ id, ok: true, entry: await buildOne(task) });
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
