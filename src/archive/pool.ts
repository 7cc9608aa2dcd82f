/**
 * Builds issues in this process and, when --jobs asks for more and memory allows, in worker
 * threads beside it. A worker costs a second copy of the modules and fonts (about half a
 * second and 100–200 MB), so workers start only after the main thread's first build has shown
 * what one costs, and only as many as MEMORY_BUDGET_MB leaves room for. Each worker keeps two
 * tasks in hand so that it never waits while the main thread is busy rendering. Workers only
 * render; every file is written by the main thread, where Ctrl-C is handled between writes.
 *
 * V8 sizes its heap for the machine: on a desktop it lets the garbage of several issues pile
 * up to four times what is live before collecting, and an archive of a hundred issues peaked
 * near 300 MB although under 40 MB was ever live. While the archive builds, the heap may grow
 * by HEAP_GROWING_PERCENT after each full collection instead (V8's own step for devices with
 * little memory); it costs one short collection per issue or so.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { UserError, type Diagnostic } from '../diagnostics.js';
import v8 from 'node:v8';
import { placeFiles, renderTask, type BuildTask } from './build-one.js';
import type { ManifestIssue } from './manifest.js';

export type TaskResult =
  | { task: BuildTask; entry: ManifestIssue }
  | { task: BuildTask; error: { user: boolean; message: string; diagnostics: Diagnostic[] } };

interface WorkerReply {
  id: number;
  ok: boolean;
  entry?: ManifestIssue;
  bytes?: Uint8Array[];
  user?: boolean;
  message?: string;
  diagnostics?: Diagnostic[];
}

const IN_HAND = 2;

/** How much V8 lets the heap grow past what a full collection left live, while the archive builds. */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Runs `f` with the heap growing by HEAP_GROWING_PERCENT. The flag is read by V8 at every full
 * collection, so setting it at run time takes effect; 0 is V8's default (its own heuristics).
 */
async function withSmallHeapSteps<T>(f: () => Promise<T>): Promise<T> {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  try {
    return await f();
  } finally {
    v8.setFlagsFromString('--heap-growing-percent=0');
  }
}

/** Peak memory the archive may use, whatever --jobs asks for (BULLETIN_MEMORY_MB raises it). */
export const MEMORY_BUDGET_MB = 250;

/**
 * How many of the `wanted` workers fit in the memory budget beside a process whose peak so far
 * (after one build) is `peak` bytes. A worker thread has its own heap and loads every module
 * and font again, so it is counted as costing as much as the process itself: with the shipped
 * CJK fonts none fits, and the archive runs in this one process, its fonts and modules shared
 * by every issue.
 */
export function workersWithin(wanted: number, peak: number, budgetMb = Number(process.env.BULLETIN_MEMORY_MB) || MEMORY_BUDGET_MB): number {
  const budget = budgetMb * 2 ** 20;
  return Math.max(0, Math.min(wanted, Math.floor((budget - peak) / Math.max(peak, 1))));
}

// Beside the bundles (lib/bulletin.cjs, lib/*.mjs) the worker is lib/worker.mjs; beside the
// compiled modules (lib/archive/pool.js, or src/ under the tests) it is worker.js.
const WORKER_URL = new URL(/\.[cm]js$/.test(import.meta.url) ? './worker.mjs' : './worker.js', import.meta.url);

export async function runTasks(tasks: BuildTask[], jobs: number, onDone: (r: TaskResult) => void): Promise<TaskResult[]> {
  if (tasks.length === 0) return [];
  return withSmallHeapSteps(() => runAll(tasks, jobs, onDone));
}

async function runAll(tasks: BuildTask[], jobs: number, onDone: (r: TaskResult) => void): Promise<TaskResult[]> {
  const results: TaskResult[] = [];
  const record = (r: TaskResult): void => {
    results.push(r);
    onDone(r);
  };
  const queue = tasks.map((task, id) => ({ task, id }));
  const wanted = Math.max(0, Math.min(jobs, tasks.length) - 1);
  const inWorkers: Array<Promise<void>> = [];

  const inMain = (async () => {
    let first = true;
    for (let next = queue.shift(); next; next = queue.shift()) {
      record(await settle(next.task, async () => placeFiles(next.task.outDir, await renderTask(next.task))));
      if (first) {
        const peak = process.resourceUsage().maxRSS * 1024;
        for (let n = workersWithin(wanted, peak); n > 0 && queue.length > 0; n--) inWorkers.push(runWorker(queue, record));
        first = false;
      }
      // Let the workers' messages in between two of our own builds.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await inMain;
  await Promise.all(inWorkers);
  return results;
}

/** A problem the user can fix (bad sources, a full disk) fails the one issue; anything else is our bug. */
async function settle(task: BuildTask, build: () => Promise<ManifestIssue>): Promise<TaskResult> {
  try {
    return { task, entry: await build() };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { task, error: { user: true, message: e.message, diagnostics: e.diagnostics } };
  }
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
      if (!msg.ok && !msg.user) {
        void w.terminate();
        reject(new Error(msg.message));
        return;
      }
      const result = msg.ok
        ? settle(task, async () => placeFiles(task.outDir, { entry: msg.entry!, bytes: msg.bytes! }))
        : Promise.resolve<TaskResult>({ task, error: { user: true, message: msg.message ?? '', diagnostics: msg.diagnostics ?? [] } });
      result.then(
        (r) => {
          record(r);
          feed();
        },
        (e: unknown) => {
          void w.terminate();
          reject(e);
        },
      );
    });
    w.on('error', reject);
    feed();
  });
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
