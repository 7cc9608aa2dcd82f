#!/usr/bin/env node
/**
 * Preview benchmark: `node bench/preview.mjs` (needs the compiled lib/).
 * Warm rebuild latency as a reader's browser sees it: the preview of 第9期 (a temp copy of the
 * repo's series) is running and warm; an item file is written; the time runs until the page
 * fetched after the server's reload event carries the new text. That is the whole path —
 * fs.watch, the debounce, the message to the build worker, re-reading the series, check's rules,
 * the model, the HTML, the page back to the server — and the HTTP round trips. Median, min and
 * max over several edits, plus the cold first build.
 * "Warm" means a preview that has been running: the first WARMUP edits (while V8 still
 * compiles the rebuild's code) are made but not counted. CPU is this process's (server and
 * client both) from the write to the page served.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EDITS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 5;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-preview-'));
fs.copyFileSync(path.join(ROOT, 'bulletin.yaml'), path.join(dir, 'bulletin.yaml'));
fs.cpSync(path.join(ROOT, 'issues'), path.join(dir, 'issues'), { recursive: true });
const issueDir = path.join(dir, 'issues', '009');
const item = path.join(
  issueDir,
  fs.readdirSync(issueDir).find((f) => f.startsWith('20-')),
);
const original = fs.readFileSync(item, 'utf8');

const { startPreview } = await import(path.join(ROOT, 'lib', 'preview', 'server.js'));
const { EVENTS_PATH } = await import(path.join(ROOT, 'lib', 'preview', 'page.js'));
const { DEBOUNCE_MS } = await import(path.join(ROOT, 'lib', 'preview', 'watch.js'));

const t0 = performance.now();
const preview = await startPreview({ root: dir, issueDir });
const cold = performance.now() - t0;

// The page's own reload channel: resolve when a generation newer than `after` is announced.
let latest = 0;
let waiter;
const events = http.get(new URL(EVENTS_PATH, preview.url), (res) => {
  res.setEncoding('utf8');
  res.on('data', (chunk) => {
    for (const m of chunk.matchAll(/data: (\d+)/g)) latest = Math.max(latest, Number(m[1]));
    if (waiter && latest > waiter.after) waiter.resolve();
  });
});
const nextGeneration = (after) => new Promise((resolve) => (waiter = { after, resolve }));
await new Promise((r) => setTimeout(r, 200));

const samples = [];
const cpus = [];
for (let n = -WARMUP; n < EDITS; n++) {
  const marker = `基准测试第${n}次修改`;
  const before = latest;
  const wait = nextGeneration(before);
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  fs.writeFileSync(item, original.replace(/\n\n([^\n#-])/, `\n\n${marker}$1`));
  await wait;
  const html = await (await fetch(preview.url)).text();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  if (!html.includes(marker)) throw new Error(`edit ${n}: new text not served`);
  if (n >= 0) {
    samples.push(ms);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  await new Promise((r) => setTimeout(r, 100));
}
events.destroy();
await preview.close();
fs.rmSync(dir, { recursive: true, force: true });

const sorted = [...samples].sort((a, b) => a - b);
const med = sorted[Math.floor(sorted.length / 2)];
const cpuMed = [...cpus].sort((a, b) => a - b)[Math.floor(cpus.length / 2)];
console.log(`\n== preview: warm rebuild latency (file write → new page served), 第9期 (load average ${os.loadavg()[0].toFixed(1)}) ==`);
console.log(
  `edits: ${EDITS} after ${WARMUP} warm-up  median ${med.toFixed(0)} ms  min ${sorted[0].toFixed(0)} ms  max ${sorted.at(-1).toFixed(0)} ms  (includes the ${DEBOUNCE_MS} ms debounce)  CPU median ${cpuMed.toFixed(0)} ms`,
);
console.log(`cold first build inside the preview: ${cold.toFixed(0)} ms`);
