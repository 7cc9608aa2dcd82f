/** Progress of an archive run: a bar on a terminal, plain lines in CI logs. */
import cliProgress from 'cli-progress';
import type { ArchiveProgress } from '../archive/archive.js';
import type { TaskResult } from '../archive/pool.js';
import type { Output } from './report.js';

export function makeProgress(io: Output, tty: boolean, verb: string): ArchiveProgress {
  if (tty) {
    const bar = new cliProgress.SingleBar(
      { format: `${verb} [{bar}] {value}/{total}  {label}`, hideCursor: true, clearOnComplete: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    return {
      start: (total, skipped) => {
        if (skipped) io.err(`${skipped} 期没有变化，跳过。`);
        if (total) bar.start(total, 0, { label: '' });
      },
      done: (r: TaskResult, label) => {
        bar.increment({ label: 'error' in r ? `${label} 失败` : label });
      },
      stop: () => bar.stop(),
    };
  }
  let n = 0;
  let total = 0;
  return {
    start: (t, skipped) => {
      total = t;
      io.err(`${verb}：需要生成 ${t} 期${skipped ? `，${skipped} 期没有变化、跳过` : ''}。`);
    },
    done: (r, label) => {
      n++;
      io.err(`[${n}/${total}] ${label}${'error' in r ? ' 失败' : ''}`);
    },
    stop: () => undefined,
  };
}
