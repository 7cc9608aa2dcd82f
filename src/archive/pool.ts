/**
 * Builds issues on all cores with worker threads; a single issue is built in-process, where
 * starting a worker would cost more than it saves.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { UserError, type Diagnostic } from '../diagnostics.js';
import { buildOne, type BuildTask } from './build-one.js';
import type { ManifestIssue } from './manifest.js';

export type TaskResult = { task: BuildTask; entry: ManifestIssue } | { task: BuildTask; error: { user: boolean; message: string; diagnostics: Diagnostic[] } };

export async function runTasks(tasks: BuildTask[], jobs: number, onDone: (r: TaskResult) => void): Promise<TaskResult[]> {
  const results: TaskResult[] = [];
  const record = (r: TaskResult): void => {
    results.push(r);
    onDone(r);
  };
  const n = Math.max(1, Math.min(jobs, tasks.length));
  if (n <= 1) {
    for (const task of tasks) {
      try {
        record({ task, entry: await buildOne(task) });
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        record({ task, error: { user: true, message: e.message, diagnostics: e.diagnostics } });
      }
    }
    return results;
  }
  const queue = [...tasks];
  const workerUrl = new URL('./worker.js', import.meta.url);
  await Promise.all(
    Array.from({ length: n }, () =>
      new Promise<void>((resolve, reject) => {
        const w = new Worker(workerUrl);
        let current: BuildTask | undefined;
        const next = (): void => {
          current = queue.shift();
          if (!current) {
            void w.terminate().then(() => resolve());
            return;
          }
          w.postMessage(current);
        };
        w.on('message', (msg: { ok: boolean; entry?: ManifestIssue; user?: boolean; message?: string; diagnostics?: Diagnostic[] }) => {
          const task = current!;
          if (msg.ok) record({ task, entry: msg.entry! });
          else record({ task, error: { user: msg.user ?? false, message: msg.message ?? '', diagnostics: msg.diagnostics ?? [] } });
          next();
        });
        w.on('error', reject);
        next();
      }),
    ),
  );
  return results;
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
