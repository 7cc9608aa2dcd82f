/** A worker thread of the archive: builds the issues it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../diagnostics.js';
import { buildOne, type BuildTask } from './build-one.js';

parentPort!.on('message', async (task: BuildTask) => {
  try {
    parentPort!.postMessage({ ok: true, entry: await buildOne(task) });
  } catch (e) {
    const user = e instanceof UserError;
    parentPort!.postMessage({
      ok: false,
      user,
      message: user ? e.message : String((e as Error)?.stack ?? e),
      diagnostics: user ? e.diagnostics : [],
    });
  }
});
