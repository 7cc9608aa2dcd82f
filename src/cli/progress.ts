/** Progress of a long run (archive, a bound volume): a bar on a terminal, plain lines in CI logs. */
import cliProgress from 'cli-progress';
import type { ArchiveProgress } from '../archive/archive.js';
import type { TaskResult } from '../archive/pool.js';
import type { Output } from './report.js';

/** One step after another, each named when it is done. */
export interface StepProgress {
  /** `plain` is what a log without a terminal says at the start. */
  start(total: number, plain: string): void;
  step(label: string): void;
  stop(): void;
}

export function stepProgress(io: Output, tty: boolean, verb: string): StepProgress {
  if (tty) {
    const bar = new cliProgress.SingleBar(
      { format: `${verb} [{bar}] {value}/{total}  {label}`, hideCursor: true, clearOnComplete: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    return {
      start: (total) => {
        if (total) bar.start(total, 0, { label: '' });
      },
      step: (label) => bar.increment({ label }),
      stop: () => bar.stop(),
    };
  }
  let n = 0;
  let total = 0;
  return {
    start: (t, plain) => {
      total = t;
      io.err(plain);
    },
    step: (label) => io.err(`[${++n}/${total}] ${label}`),
    stop: () => undefined,
  };
}

export function makeProgress(io: Output, tty: boolean, verb: string): ArchiveProgress {
  const steps = stepProgress(io, tty, verb);
  return {
    start: (total, skipped) => {
      if (tty && skipped) io.err(`${skipped} 期没有变化，跳过。`);
      steps.start(total, `${verb}：需要生成 ${total} 期${skipped ? `，${skipped} 期没有变化、跳过` : ''}。`);
    },
    done: (r: TaskResult, label) => steps.step('error' in r ? `${label} 失败` : label),
    stop: () => steps.stop(),
  };
}
