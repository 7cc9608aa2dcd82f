/**
 * The preview's HTTP side (node:http, loopback only): `/` the page, the PDF of the same build,
 * server-sent events that tell the page a newer build exists, and files of the series folder
 * (images a reader might open) — never anything outside it. Requests whose Host is not this
 * loopback address are refused, so a web page elsewhere cannot reach the preview by DNS tricks.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { EVENTS_PATH, previewPage, type PageState } from './page.js';
import { PreviewBuilds, type PreviewRenderers } from './rebuild.js';
import { resolveInSeries } from './safe-path.js';
import { watchSources, type Watcher } from './watch.js';

export const HOST = '127.0.0.1';

export interface PreviewOptions {
  root: string;
  issueDir: string;
  renderers: PreviewRenderers;
  /** 0 (default) lets the system pick a free port. */
  port?: number;
  /** Called after every rebuild with what is now served (the CLI and the benchmark listen). */
  onRebuilt?: (state: PageState) => void;
}

export interface PreviewServer {
  url: string;
  builds: PreviewBuilds;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function send(res: http.ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

export async function startPreview(opts: PreviewOptions): Promise<PreviewServer> {
  const builds = new PreviewBuilds(opts.root, opts.issueDir, opts.renderers);
  const clients = new Set<http.ServerResponse>();
  let watcher: Watcher | undefined;

  // Rebuilds run one at a time; a change during a rebuild asks for exactly one more.
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await builds.rebuild();
        watcher?.add(builds.extraFiles);
        for (const c of clients) c.write(`data: ${builds.generation}\n\n`);
        opts.onRebuilt?.(builds.page());
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  await rebuild();
  watcher = watchSources(opts.root, opts.issueDir, () => void rebuild());
  watcher.add(builds.extraFiles);

  let port = 0;
  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) return send(res, 403, 'text/plain; charset=utf-8', '只接受本机访问');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', '只支持 GET');
    const rawPath = (req.url ?? '/').split('?')[0]!;
    if (rawPath === '/' || rawPath === '/index.html') return send(res, 200, 'text/html; charset=utf-8', previewPage(builds.page()));
    if (rawPath === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`data: ${builds.generation}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const pdf = builds.pdf();
    if (pdf && (rawPath === `/${encodeURIComponent(pdf.name)}` || safeDecode(rawPath) === `/${pdf.name}`)) {
      pdf.bytes.then(
        (bytes) => send(res, 200, 'application/pdf', bytes),
        (e: unknown) => send(res, 500, 'text/plain; charset=utf-8', `PDF 生成失败：${(e as Error).message}`),
      );
      return;
    }
    const r = resolveInSeries(opts.root, rawPath);
    if (!r.ok) return send(res, r.status, 'text/plain; charset=utf-8', r.reason);
    const type = TYPES[path.extname(r.abs).toLowerCase()] ?? 'application/octet-stream';
    fs.readFile(r.abs, (err, data) => (err ? send(res, 404, 'text/plain; charset=utf-8', '没有这个文件') : send(res, 200, type, data)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${port}/`,
    builds,
    async close() {
      watcher?.close();
      for (const c of clients) c.end();
      clients.clear();
      await running;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
