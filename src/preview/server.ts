/**
 * The preview's HTTP side (node:http, loopback only): `/` the page, the PDF of the same build,
 * server-sent events that tell the page a newer build exists, and files of the series folder
 * (images a reader might open) — never anything outside it. Requests whose Host is not this
 * loopback address are refused, so a web page elsewhere cannot reach the preview by DNS tricks.
 *
 * Builds run in a worker (build-host.ts): the server answers at once with the last good page
 * while a slow item is rebuilt, and whatever a build does, the server keeps running. Files are
 * streamed with a size limit, and a file of the series never runs as a page of this origin.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { relPath } from '../paths.js';
import { BuildHost } from './build-host.js';
import { EVENTS_PATH, previewPage, type PageState } from './page.js';
import { resolveInSeries } from './safe-path.js';
import { watchSources, type Watcher } from './watch.js';

export const HOST = '127.0.0.1';

export interface PreviewOptions {
  root: string;
  issueDir: string;
  /** 0 (default) lets the system pick a free port. */
  port?: number;
  /** Called after every rebuild with what is now served (the CLI and the benchmark listen). */
  onRebuilt?: (state: PageState) => void;
  /** A build running longer than this is stopped (default REBUILD_LIMIT_MS). */
  rebuildLimitMs?: number;
}

export interface PreviewServer {
  url: string;
  /** What `/` serves now. */
  page(): PageState;
  close(): Promise<void>;
}

/** Files of the series larger than this are not served: the preview needs pictures, not archives. */
export const MAX_SERVED_MB = 64;

/**
 * A newer save stops a build that has already run this long and starts over with the new
 * sources: a clerk who saved a pathological item and fixed it sees the fix at once.
 */
const SUPERSEDE_MS = 2000;

/** Types shown in the browser; every other file of the series is offered as a download. */
const INLINE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.md': 'text/plain; charset=utf-8',
  '.markdown': 'text/plain; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
  '.yml': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const TEXT = 'text/plain; charset=utf-8';

function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  extra: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
  res.end(body);
}

/**
 * The page may run only its own reload script (by nonce) and talk only to this server: text
 * from a source that somehow reached the page as markup still could not run or send anything.
 */
function pagePolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "img-src 'self' data:",
    "style-src 'unsafe-inline'",
    "font-src 'self' data:",
    `script-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export async function startPreview(opts: PreviewOptions): Promise<PreviewServer> {
  const clients = new Set<http.ServerResponse>();
  let shown: PageState = { generation: 0, problems: [], building: true };
  let port = 0;
  let host: BuildHost | undefined;

  const server = http.createServer((req, res) => {
    const hostHeader = req.headers.host ?? '';
    if (hostHeader !== `${HOST}:${port}` && hostHeader !== `localhost:${port}`) return send(res, 403, TEXT, '只接受本机访问');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TEXT, '只支持 GET');
    const rawPath = (req.url ?? '/').split('?')[0]!;
    if (rawPath === '/' || rawPath === '/index.html') {
      const nonce = crypto.randomBytes(16).toString('base64');
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        previewPage({ ...shown, building: shown.building || (host?.busyMs ?? 0) > 0 }, nonce),
        {
          'content-security-policy': pagePolicy(nonce),
        },
      );
    }
    if (rawPath === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`data: ${shown.generation}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (shown.pdfPath && host && (rawPath === encodeURI(shown.pdfPath) || safeDecode(rawPath) === shown.pdfPath)) {
      host.pdf().then(
        (r) => ('error' in r ? send(res, 500, TEXT, r.error) : send(res, 200, 'application/pdf', r.bytes)),
        () => send(res, 500, TEXT, '生成 PDF 时出错，网页版预览不受影响'),
      );
      return;
    }
    const r = resolveInSeries(opts.root, rawPath);
    if (!r.ok) return send(res, r.status, TEXT, r.reason);
    serveFile(req, res, r.abs);
  });
  server.on('clientError', (_e, socket) => socket.destroy());

  // The port first: a busy --port ends the command before anything else has started.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  host = new BuildHost(opts.root, opts.issueDir, opts.rebuildLimitMs);
  const builds = host;

  // Rebuilds run one at a time; a change during a rebuild asks for exactly one more, and stops
  // the one in hand if it has been slow.
  let running: Promise<void> | undefined;
  let again = false;
  let watcher: Watcher | undefined;
  let closing = false;
  /** Files saved since the last build that succeeded, named if a build fails. */
  const recent = new Set<string>();
  const rebuild = (): Promise<void> => {
    if (running) {
      again = true;
      if (builds.busyMs > SUPERSEDE_MS) builds.supersede();
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const saved = [...recent].filter((f) => fs.existsSync(path.join(opts.root, f)));
        const r = await builds.rebuild(saved);
        if (closing) return;
        if (r.kind === 'superseded') continue;
        if (r.kind === 'built') {
          shown = { ...r.page, generation: shown.generation + 1 };
          watcher?.add(r.extraFiles);
          if (!r.page.failure && !r.page.problems.some((d) => d.severity === 'error')) recent.clear();
        } else {
          shown = { ...shown, problems: [], failure: r.failure, generation: shown.generation + 1 };
        }
        for (const c of clients) c.write(`data: ${shown.generation}\n\n`);
        opts.onRebuilt?.(shown);
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const closeAll = async (): Promise<void> => {
    closing = true;
    watcher?.close();
    for (const c of clients) c.end();
    clients.clear();
    await builds.close();
    await running;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  };

  try {
    await rebuild();
    watcher = watchSources(opts.root, opts.issueDir, (files) => {
      for (const f of files) {
        const base = path.basename(f);
        // Editors' temporary files (.x.swp, ~WRL0001.tmp, x~) are not what the clerk saved.
        if (!base.startsWith('.') && !base.startsWith('~') && !base.endsWith('~')) recent.add(relPath(opts.root, f));
      }
      void rebuild();
    });
  } catch (e) {
    await closeAll();
    throw e;
  }

  return {
    url: `http://${HOST}:${port}/`,
    page: () => shown,
    close: closeAll,
  };
}

/** Streams a file of the series: never read whole, never larger than MAX_SERVED_MB, never active. */
function serveFile(req: http.IncomingMessage, res: http.ServerResponse, abs: string): void {
  fs.open(abs, 'r', (err, fd) => {
    if (err) return send(res, 404, TEXT, '没有这个文件');
    fs.fstat(fd, (e2, st) => {
      if (e2 || !st.isFile()) {
        fs.close(fd, () => undefined);
        return send(res, 404, TEXT, '没有这个文件');
      }
      if (st.size > MAX_SERVED_MB * 2 ** 20) {
        fs.close(fd, () => undefined);
        return send(
          res,
          413,
          TEXT,
          `${path.basename(abs)} 有 ${(st.size / 2 ** 20).toFixed(0)} MB，预览只提供 ${MAX_SERVED_MB} MB 以内的文件：请直接在文件夹里打开它`,
        );
      }
      const ext = path.extname(abs).toLowerCase();
      const inline = INLINE_TYPES[ext];
      const headers: http.OutgoingHttpHeaders = {
        'content-type': inline ?? 'application/octet-stream',
        'content-length': st.size,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      };
      // A page or picture of the series (.html, .svg) is offered as a download, and nothing
      // served from the series may run script here. Chromium will not show a PDF in a
      // sandboxed document, and its viewer runs no page script: PDFs go without the sandbox.
      if (!inline) headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(path.basename(abs))}`;
      if (ext !== '.pdf') headers['content-security-policy'] = 'sandbox';
      res.writeHead(200, headers);
      if (req.method === 'HEAD') {
        fs.close(fd, () => undefined);
        res.end();
        return;
      }
      pipeline(fs.createReadStream('', { fd, start: 0, end: Math.max(0, st.size - 1) }), res, () => undefined);
    });
  });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
