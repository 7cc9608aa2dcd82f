/**
 * Builds issues on all cores. The main thread builds too, beside jobs − 1 worker threads:
 * a worker costs a second copy of the modules and fonts (about half a second and 200 MB),
 * so on a two-core machine one worker plus the main thread beats two workers. Each worker
 * keeps two tasks in hand so that it never waits while the main thread is busy rendering.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { UserError, type Diagnostic } from '../diagnostics.js';
import { buildOne, type BuildTask } from './build-one.js';
import type { ManifestIssue } from './manifest.js';

export type TaskResult =
  | { task: BuildTask; entry: ManifestIssue }
  | { task: BuildTask; error: { user: boolean; message: string; diagnostics: Diagnostic[] } };

interface WorkerReply {
  id: number;
  ok: boolean;
  entry?: ManifestIssue;
  user?: boolean;
  message?: string;
  diagnostics?: Diagnostic[];
}

const IN_HAND = 2;

// Beside the bundle (lib/bulletin.mjs) the worker is lib/worker.mjs; beside the compiled
// modules (lib/archive/pool.js, or src/ under the tests) it is worker.js.
const WORKER_URL = new URL(import.meta.url.endsWith('/bulletin.mjs') ? './worker.mjs' : './worker.js', import.meta.url);

export async function runTasks(tasks: BuildTask[], jobs: number, onDone: (r: TaskResult) => void): Promise<TaskResult[]> {
  const results: TaskResult[] = [];
  const record = (r: TaskResult): void => {
    results.push(r);
    onDone(r);
  };
  const queue = tasks.map((task, id) => ({ task, id }));
  const workers = Math.max(0, Math.min(jobs, tasks.length) - 1);

  const inWorkers = Array.from({ length: workers }, () => runWorker(queue, record));
  const inMain = (async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        record({ task: next.task, entry: await buildOne(next.task) });
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        record({ task: next.task, error: { user: true, message: e.message, diagnostics: e.diagnostics } });
      }
      // Let the workers' messages in between two of our own builds.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await Promise.all([inMain, ...inWorkers]);
  return results;
}

function runWorker(queue: Array<{ task: BuildTask; id: number }>, record: (r: TaskResult) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const w = new Worker(WORKER_URL);
    const pending = new Map<number, BuildTask>();
    const feed = (): void => {
      while (pending.size < IN_HAND) {
        const next = queue.shift();
        if (!next) break;
        pending.set(next.id, next.task);
        w.postMessage(next);
      }
      if (pending.size === 0) void w.terminate().then(() => resolve());
    };
    w.on('message', (msg: WorkerReply) => {
      const task = pending.get(msg.id)!;
      pending.delete(msg.id);
      if (msg.ok) record({ task, entry: msg.entry! });
      else if (msg.user) record({ task, error: { user: true, message: msg.message ?? '', diagnostics: msg.diagnostics ?? [] } });
      else {
        reject(new Error(msg.message));
        return;
      }
      feed();
    });
    w.on('error', reject);
    feed();
  });
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
