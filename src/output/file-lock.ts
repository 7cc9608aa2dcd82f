/**
 * A lock file for a short read-check-write (the import log and the items it names): created
 * with O_EXCL, so only one process holds it; it says who holds it (pid, host), so a lock left
 * by a process that died (kill -9, power cut) is recognised and taken over instead of blocking
 * every later run. A live holder is waited for, within a bound.
 */
import fs from 'node:fs';
import os from 'node:os';
import { UserError } from '../diagnostics.js';
import { relPath } from '../paths.js';
import { readUserText } from '../sources/user-file.js';

/** A held lock lasts milliseconds; one older than this is left over whatever it says. */
const STALE_MS = 60_000;
const WAIT_MS = 10_000;
const POLL_MS = 50;

interface Holder {
  pid: number;
  host: string;
  time: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(lock: string): { holder?: Holder; ageMs: number } | undefined {
  let text: string;
  let st: fs.Stats;
  try {
    st = fs.statSync(lock);
    // Not a plain read: a FIFO under the lock's name would block it for good. Refused, it is a
    // lock of no known holder, waited for and then named.
    text = readUserText(lock, { shown: lock, maxBytes: 64 * 1024 });
  } catch {
    return undefined;
  }
  let holder: Holder | undefined;
  try {
    const v = JSON.parse(text) as Partial<Holder>;
    if (Number.isInteger(v.pid) && typeof v.host === 'string') holder = v as Holder;
  } catch {
    /* half-written or not ours: judged by its age */
  }
  return { holder, ageMs: Date.now() - st.mtimeMs };
}

/** Whether the lock's holder is gone: a dead process of this computer, or a lock far too old. */
function isStale(info: { holder?: Holder; ageMs: number }): boolean {
  if (info.ageMs > STALE_MS) return true;
  if (!info.holder) return info.ageMs > 2_000;
  return info.holder.host === os.hostname() && !alive(info.holder.pid);
}

function tryCreate(lock: string): boolean {
  try {
    const fd = fs.openSync(lock, 'wx');
    try {
      fs.writeFileSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), time: new Date().toISOString() }));
    } finally {
      fs.closeSync(fd);
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/**
 * A stale lock is moved aside under a name of our own before it is removed, so that two runs
 * that both found it stale cannot remove each other's fresh lock: only one rename succeeds.
 */
function breakStale(lock: string): void {
  const aside = `${lock}.${process.pid}.stale`;
  try {
    fs.renameSync(lock, aside);
  } catch {
    return;
  }
  const info = holderOf(aside);
  if (info && !isStale(info)) {
    // Another run took the lock between our look and the rename: give it back.
    try {
      fs.linkSync(aside, lock);
    } catch {
      /* a third run holds it now; the one we moved finishes without it, as a lock older than a second would */
    }
  }
  fs.rmSync(aside, { force: true });
}

/** Runs fn while holding `lock`; `what` names the work for the message when it cannot start. */
export async function withLock<T>(lock: string, what: string, fn: () => T | Promise<T>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (tryCreate(lock)) break;
    const info = holderOf(lock);
    if (info && isStale(info)) {
      breakStale(lock);
      continue;
    }
    if (Date.now() > deadline) {
      const who = info?.holder ? `（进程 ${info.holder.pid}，${info.holder.host}）` : '';
      throw new UserError(
        `${what}：另一个 bulletin 正在写同一个地方${who}，等了 ${WAIT_MS / 1000} 秒还没有结束。请等它结束后重试；确定没有别的 bulletin 在运行时，删除 ${relPath(process.cwd(), lock)} 后重试`,
      );
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
