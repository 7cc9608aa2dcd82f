/**
 * The CLI run with a hang guard: a run still going after the guard is killed with SIGKILL (a
 * process blocked in a synchronous read of a FIFO never runs its SIGTERM handler, so the
 * default kill would wait for ever) and reported as a hang. The guard is far above what any
 * case needs here; speed is measured in `npm run bench`, never asserted.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { BIN } from './series.js';

export const HANG_GUARD_MS = 60_000;

export interface GuardedResult {
  code: number | null;
  /** Set when the guard killed the run. */
  hung: boolean;
  stdout: string;
  stderr: string;
  /** stdout + stderr, for asserting on messages wherever they went. */
  all: string;
}

export function runGuarded(args: string[], cwd: string, guardMs = HANG_GUARD_MS): GuardedResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: guardMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const stdout = r.stdout ?? '';
  const stderr = r.stderr ?? '';
  return { code: r.status, hung: r.signal === 'SIGKILL', stdout, stderr, all: `${stdout}${stderr}` };
}

/** What a run must never show: a stack trace or the internal-error banner. */
export const CRASH = /内部错误|^\s+at .+:\d+:\d+\)?$|RangeError|TypeError|ERR_[A-Z_]+/m;

/** Makes a FIFO (named pipe) at `file`; Node has no API for it. */
export function mkfifo(file: string): void {
  const r = spawnSync('mkfifo', [file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mkfifo ${file} failed: ${r.stderr || r.error}`);
}

/** Replaces a file with a FIFO of the same name. */
export function fifoInPlaceOf(file: string): void {
  fs.rmSync(file, { force: true });
  mkfifo(file);
}
