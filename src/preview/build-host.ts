/**
 * The server's side of the build worker (build-worker.ts): it sends rebuild and PDF requests,
 * and turns whatever ends the worker — an exception nothing could catch, memory run out, a
 * build past the time limit, a newer save that makes a slow build pointless — into an answer
 * the page can show. A new worker starts with the next request; the server never waits on one.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PageState } from './page.js';
import { crashDetail, crashMessage, KEPT_SERVING } from './rebuild.js';

export type HostRequest = { id: number; kind: 'rebuild'; recent: string[] } | { id: number; kind: 'pdf' };
export type BuiltPage = Omit<PageState, 'generation'>;
export type HostReply =
  | { kind: 'ready' }
  | { id: number; kind: 'rebuilt'; page: BuiltPage; extraFiles: string[] }
  | { id: number; kind: 'pdf'; name: string; bytes: Uint8Array }
  | { id: number; kind: 'pdf'; error: string };

export type RebuildOutcome =
  | { kind: 'built'; page: BuiltPage; extraFiles: string[] }
  | { kind: 'failed'; failure: string }
  | { kind: 'superseded' };
export type PdfOutcome = { name: string; bytes: Uint8Array } | { error: string };

/** A build that has not finished in this long is stopped (a pathological item, not a long one). */
export const REBUILD_LIMIT_MS = 60_000;

/**
 * Loading the bundle in a fresh worker is not the build: the limit starts once the worker says
 * it is ready, and until then only this generous one applies (a loaded machine, a slow disk).
 */
const STARTUP_LIMIT_MS = 60_000;

/** A worker's heap: past this a runaway build ends the worker, not the machine's memory. */
const WORKER_HEAP_MB = 1536;
/**
 * The main thread's stack (V8's default, about 1 MB), not a worker's 4 MB: a source nested too
 * deep for `bulletin build` fails the same way here, and in seconds rather than a quarter minute.
 */
const WORKER_STACK_MB = 1;

// Beside the bundles (lib/bulletin.cjs, or lib/*.mjs: this code sits in one of their chunks)
// the worker is lib/preview-worker.mjs; beside the compiled modules (lib/preview/build-host.js)
// it is build-worker.js. Tests run src/ through vitest, which a worker thread cannot load:
// they use the compiled worker of `npm run build`.
function workerUrl(): URL {
  const here = import.meta.url;
  if (/\.[cm]js$/.test(here)) return new URL('./preview-worker.mjs', here);
  if (here.endsWith('.ts')) return new URL('../../lib/preview/build-worker.js', here);
  return new URL('./build-worker.js', here);
}

/** Why a request got no answer from the worker. */
type Lost = { lost: 'crashed'; detail: string } | { lost: 'timeout' } | { lost: 'superseded' } | { lost: 'closed' };

interface Pending {
  req: HostRequest;
  resolve: (reply: HostReply | Lost) => void;
}

export class BuildHost {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private timer?: NodeJS.Timeout;
  /** When the oldest unanswered request was sent (or the last answer came). */
  private busySince = 0;
  private ready = false;

  constructor(
    private readonly root: string,
    private readonly issueDir: string,
    private readonly limitMs = REBUILD_LIMIT_MS,
  ) {}

  /** How long the worker has been working without answering; 0 when idle. */
  get busyMs(): number {
    return this.pending.size ? Date.now() - this.busySince : 0;
  }

  /** `recent`: the files saved since the last good build, to name them if the build fails. */
  async rebuild(recent: string[] = []): Promise<RebuildOutcome> {
    const r = await this.send({ kind: 'rebuild', recent });
    if ('lost' in r) {
      if (r.lost === 'superseded' || r.lost === 'closed') return { kind: 'superseded' };
      return { kind: 'failed', failure: `${this.lostMessage('生成网页版', r, recent)}。${KEPT_SERVING}` };
    }
    if (r.kind !== 'rebuilt') throw new Error(`unexpected reply ${r.kind} to a rebuild`);
    return { kind: 'built', page: r.page, extraFiles: r.extraFiles };
  }

  async pdf(): Promise<PdfOutcome> {
    const r = await this.send({ kind: 'pdf' });
    if ('lost' in r) {
      if (r.lost === 'superseded' || r.lost === 'closed') return { error: '稿件刚刚又保存过，正在重新生成：请稍后再点 PDF 链接' };
      return { error: `${this.lostMessage('生成 PDF ', r)}。网页版预览不受影响` };
    }
    if (r.kind !== 'pdf') throw new Error(`unexpected reply ${r.kind} to a PDF request`);
    return 'error' in r ? { error: r.error } : { name: r.name, bytes: r.bytes };
  }

  /** Stops the work in hand because newer sources make it pointless; the next request starts afresh. */
  supersede(): void {
    this.stop({ lost: 'superseded' });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.stop({ lost: 'closed' });
    await w?.terminate();
  }

  private lostMessage(what: string, r: Lost, recent: string[] = []): string {
    if (r.lost === 'timeout') {
      return `${what}用了 ${Math.round(this.limitMs / 1000)} 秒还没有完成，已停止${recent.length ? `（最近保存的文件：${recent.join('、')}）` : ''}：可能是某个稿件太长或结构太复杂（如大量嵌套的列表、引用或成串的 * 号），把它拆短或简化后保存即可重试`;
    }
    return crashMessage(what, r.lost === 'crashed' ? r.detail : '', recent);
  }

  private send(what: { kind: 'rebuild'; recent: string[] } | { kind: 'pdf' }): Promise<HostReply | Lost> {
    const worker = this.worker ?? this.start();
    const req = { id: this.nextId++, ...what } as HostRequest;
    return new Promise((resolve) => {
      if (this.pending.size === 0) this.busySince = Date.now();
      this.pending.set(req.id, { req, resolve });
      this.arm();
      worker.postMessage(req);
    });
  }

  private start(): Worker {
    const url = workerUrl();
    if (!fs.existsSync(fileURLToPath(url))) throw new Error(`${fileURLToPath(url)} is missing: run npm run build`);
    const w = new Worker(url, {
      workerData: { root: this.root, issueDir: this.issueDir },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, stackSizeMb: WORKER_STACK_MB },
    });
    // The worker keeps nothing of its own alive: an idle preview ends when the server closes.
    this.ready = false;
    w.on('message', (reply: HostReply) => {
      if (reply.kind === 'ready') {
        if (this.worker !== w) return;
        this.ready = true;
        this.busySince = Date.now();
        this.arm();
        return;
      }
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      this.busySince = Date.now();
      this.arm();
      p.resolve(reply);
    });
    w.on('error', (e: Error) => {
      if (this.worker !== w) return;
      const detail = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? '内存不够用，稿件或图片太大' : crashDetail(e);
      this.stop({ lost: 'crashed', detail });
    });
    w.on('exit', () => {
      if (this.worker === w) this.stop({ lost: 'crashed', detail: '生成程序意外结束' });
    });
    this.worker = w;
    return w;
  }

  /** The time limit runs from the last sign of progress: one slow request, not a queue of them. */
  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    this.timer = setTimeout(() => this.stop({ lost: 'timeout' }), this.ready ? this.limitMs : Math.max(this.limitMs, STARTUP_LIMIT_MS));
    this.timer.unref();
  }

  /** Ends the worker and answers everything it still owed with `why`. */
  private stop(why: Lost): void {
    const w = this.worker;
    this.worker = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    void w?.terminate();
    const owed = [...this.pending.values()];
    this.pending.clear();
    for (const p of owed) p.resolve(why);
  }
}
