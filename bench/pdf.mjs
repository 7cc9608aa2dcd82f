#!/usr/bin/env node
/**
 * PDF benchmark: `node bench/pdf.mjs` (needs the compiled lib/: `npx tsc -p .`).
 *  1. Cold build of issues/009 through the CLI, whole process: median wall time and peak RSS
 *     of 5 runs (peak RSS from process.resourceUsage() of a wrapper child).
 *  2. A ~40-page issue made by repeating 009's articles and the mixed fixture's items in a
 *     temp series, to show that time grows linearly with pages.
 *  3. Where the time goes inside one process: module loading, model, font parsing, layout,
 *     subsetting and writing, measured with performance.now() around pdfmake's own phases.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'bulletin.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

if (process.argv[2] === '--child') {
  // Runs one CLI build in this process and reports its wall time and peak RSS.
  const t0 = performance.now();
  const { main } = await import(path.join(ROOT, 'lib', 'cli', 'main.js'));
  process.chdir(process.argv[3]);
  const code = await main(['node', 'bulletin', 'build', ...process.argv.slice(4)]);
  const wall = performance.now() - t0;
  process.stderr.write(`\nBENCH ${JSON.stringify({ code, wall, maxRssKb: process.resourceUsage().maxRSS })}\n`);
  process.exit(code ?? 0);
}

if (process.argv[2] === '--phases') {
  await phases(process.argv[3], process.argv[4]);
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Cold builds: a new node process each time; wall time measured from outside. */
function coldBuild(seriesDir, issueArg, outDir) {
  const walls = [];
  const rss = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', seriesDir, issueArg, '--format', 'pdf', '--out', outDir], { encoding: 'utf8' });
    const wall = performance.now() - t0;
    const m = /BENCH (\{.*\})/.exec(r.stderr ?? '');
    if (r.status !== 0 || !m) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
    walls.push(wall);
    rss.push(JSON.parse(m[1]).maxRssKb / 1024);
  }
  const pdf = fs.readdirSync(outDir).find((f) => f.endsWith('.pdf'));
  const bytes = fs.readFileSync(path.join(outDir, pdf));
  const pages = (bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  return { wall: median(walls), rss: Math.max(...rss), pages, kb: Math.round(bytes.length / 1024) };
}

/** A temp series whose one issue repeats 009's articles and the fixture's items `times` times. */
function bigSeries(times) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-'));
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'mixed', 'bulletin.yaml'), path.join(dir, 'bulletin.yaml'));
  const issue = path.join(dir, 'issues', '001');
  fs.mkdirSync(path.join(issue, 'images'), { recursive: true });
  const mixed = path.join(ROOT, 'test', 'fixtures', 'mixed', 'issues', '001');
  fs.copyFileSync(path.join(mixed, 'issue.yaml'), path.join(issue, 'issue.yaml'));
  fs.copyFileSync(path.join(mixed, 'images', 'meeting.png'), path.join(issue, 'images', 'meeting.png'));
  const sources = [
    ...fs.readdirSync(mixed).filter((f) => f.endsWith('.md') && !f.includes('note')).map((f) => path.join(mixed, f)),
    ...fs.readdirSync(path.join(ROOT, 'issues', '009')).filter((f) => f.endsWith('.md') && !f.startsWith('00')).map((f) => path.join(ROOT, 'issues', '009', f)),
  ];
  let n = 0;
  for (let k = 0; k < times; k++) {
    for (const src of sources) {
      // Distinct order numbers keep every copy; the section and text stay as they are.
      let text = fs.readFileSync(src, 'utf8');
      text = /^order:/m.test(text) ? text.replace(/^order: \d+/m, `order: ${++n}`) : text.replace(/^---\n/, `---\norder: ${++n}\n`);
      fs.writeFileSync(path.join(issue, `${String(n).padStart(3, '0')}-${path.basename(src)}`), text);
    }
  }
  return dir;
}

/** One in-process build with performance.now() marks around each phase. */
async function phases(seriesDir, issueArg) {
  const marks = {};
  let t = performance.now();
  const lap = (name) => {
    const now = performance.now();
    marks[name] = (marks[name] ?? 0) + now - t;
    t = now;
  };
  const { openSeries, loadIssue } = await import(path.join(ROOT, 'lib', 'pipeline.js'));
  const { resolveIssue } = await import(path.join(ROOT, 'lib', 'sources', 'find.js'));
  lap('load app modules');
  const pdfmake = (await import('pdfmake')).default;
  lap('load pdfmake');
  const ctx = openSeries(seriesDir);
  const cfg = resolveIssue(ctx.series, ctx.issues, issueArg);
  const { issue } = loadIssue(ctx, cfg);
  lap('model (YAML, Markdown)');
  const { FontResolver } = await import(path.join(ROOT, 'lib', 'fonts', 'resolve.js'));
  const { PdfFonts } = await import(path.join(ROOT, 'lib', 'render', 'pdf', 'fonts.js'));
  const { buildDocument } = await import(path.join(ROOT, 'lib', 'render', 'pdf', 'document.js'));
  const { runPdfmake } = await import(path.join(ROOT, 'lib', 'render', 'pdf', 'pdfmake-run.js'));
  lap('load app modules');
  const fonts = new PdfFonts(new FontResolver(issue), () => undefined);
  for (const role of ['body', 'hei', 'kai', 'title', 'song']) fonts.role(role);
  fonts.fallback();
  lap('font files: read + fontkit open');
  let n = 0;
  const env = { fonts, images: new Set(), nextId: (p) => `${p}-${++n}` };
  const { doc } = buildDocument(issue, env);
  lap('document definition (breaking, fallback)');
  // Split pdfmake's work: layout ends when the renderer starts adding pages; the rest is
  // drawing, font subsetting and writing the file.
  const proto = Object.getPrototypeOf(Object.getPrototypeOf((await import('pdfkit')).default.prototype) ?? {});
  void proto;
  const PDFKit = (await import('pdfkit')).default;
  const addPage = PDFKit.prototype.addPage;
  let firstPage = true;
  PDFKit.prototype.addPage = function (...a) {
    if (firstPage) {
      lap('pdfmake layout (incl. font parsing by pdfkit)');
      firstPage = false;
    }
    return addPage.apply(this, a);
  };
  const end = PDFKit.prototype.end;
  PDFKit.prototype.end = function (...a) {
    lap('pdfmake drawing');
    return end.apply(this, a);
  };
  const bytes = await runPdfmake(doc, fonts.usedFaces(), env.images);
  lap('subset fonts + write PDF');
  PDFKit.prototype.addPage = addPage;
  PDFKit.prototype.end = end;
  void pdfmake;
  process.stdout.write(`${JSON.stringify({ marks, kb: Math.round(bytes.length / 1024) })}\n`);
}

function phaseRun(seriesDir, issueArg) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--phases', seriesDir, issueArg], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-out-'));
const rows = [];
const r009 = coldBuild(ROOT, '9', path.join(out, '009'));
rows.push(['第9期 (issues/009)', r009]);
const big = bigSeries(4);
const rBig = coldBuild(big, '1', path.join(out, 'big'));
rows.push(['repeated issue', rBig]);

const pad = (s, n) => String(s).padEnd(n);
console.log(`\nCold \`bulletin build --format pdf\`, median of ${RUNS} runs (node ${process.version})\n`);
console.log(`${pad('issue', 22)}${pad('pages', 7)}${pad('wall s', 9)}${pad('peak RSS MB', 13)}${pad('ms/page', 9)}KB`);
for (const [name, r] of rows) {
  console.log(`${pad(name, 22)}${pad(r.pages, 7)}${pad((r.wall / 1000).toFixed(2), 9)}${pad(r.rss.toFixed(0), 13)}${pad((r.wall / r.pages).toFixed(0), 9)}${r.kb}`);
}
const slope = (rBig.wall - r009.wall) / (rBig.pages - r009.pages);
console.log(`\nmarginal cost: ${slope.toFixed(0)} ms per extra page`);

for (const [name, dir, arg] of [['第9期', ROOT, '9'], ['repeated issue', big, '1']]) {
  const p = phaseRun(dir, arg);
  const total = Object.values(p.marks).reduce((a, b) => a + b, 0);
  console.log(`\nWhere the time goes, ${name} (one process, ms):`);
  for (const [k, v] of Object.entries(p.marks)) console.log(`  ${pad(k, 48)}${v.toFixed(0).padStart(6)}`);
  console.log(`  ${pad('total', 48)}${total.toFixed(0).padStart(6)}`);
}
fs.rmSync(out, { recursive: true, force: true });
fs.rmSync(big, { recursive: true, force: true });
