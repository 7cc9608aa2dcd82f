/**
 * The preview's builds run here, in a worker thread, so that the server keeps answering while
 * a slow item is parsed and laid out, and so that a library that throws where nothing can
 * catch it (pdfkit decoding a damaged picture inside a zlib callback) ends this thread, not
 * the preview. Requests are handled one at a time, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PreviewBuilds, crashDetail, crashMessage } from './rebuild.js';
import { formatRenderers } from './renderers.js';
import type { HostReply, HostRequest } from './build-host.js';

const { root, issueDir } = workerData as { root: string; issueDir: string };
const builds = new PreviewBuilds(root, issueDir, formatRenderers());
let chain: Promise<void> = Promise.resolve();

function reply(msg: HostReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(msg, transfer);
}

async function handle(req: HostRequest): Promise<void> {
  if (req.kind === 'rebuild') {
    await builds.rebuild(req.recent);
    const { generation: _ignored, ...page } = builds.page();
    reply({ id: req.id, kind: 'rebuilt', page, extraFiles: builds.extraFiles });
    return;
  }
  // A fresh worker (after a crash) has not built yet: build before making the PDF.
  if (!builds.page().html) await builds.rebuild();
  const pdf = builds.pdf();
  if (!pdf) {
    reply({ id: req.id, kind: 'pdf', error: '稿件有错误，还没有成功生成过，所以没有 PDF。请先改正页面上列出的错误' });
    return;
  }
  try {
    // A copy of its own: the PDF cache keeps the original for the next request.
    const bytes = new Uint8Array(await pdf.bytes);
    reply({ id: req.id, kind: 'pdf', name: pdf.name, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    reply({ id: req.id, kind: 'pdf', error: `${crashMessage('生成 PDF ', crashDetail(e))}。网页版预览不受影响` });
  }
}

parentPort!.on('message', (req: HostRequest) => {
  chain = chain.then(() => handle(req));
});
// Everything is loaded: from here on the host's time limit measures the builds alone.
reply({ kind: 'ready' });
