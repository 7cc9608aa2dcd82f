#!/usr/bin/env node
/**
 * Build benchmark (`npm run bench` runs it after `npm run build`):
 *  1. Cold `bulletin build` (PDF, DOCX and HTML, the default formats) of 第9期 (the repository's own series), the news
 *     fixture's 5-page 第10期 and a ~40-page issue, each a whole new process: wall time, CPU
 *     time (user + system) and peak RSS, medians of BENCH_RUNS runs taken round-robin so that
 *     the load of the shared machine falls on every case alike. CPU time is the figure to trust
 *     on a busy machine; wall time includes waiting for a core. "Cold" is a new process with
 *     the caches a clerk's machine has after its first build (Node's compile cache, bulletin's
 *     code cache): one untimed run of each case makes them. The news issue is also built with
 *     the code cache off, as the first build on a machine is.
 *  2. With @myriaddreamin/typst-ts-node-compiler installed: Typst's cold compile of the same
 *     5-page issue (bench/typst/news-010.typ, Fandol fonts from fonts/) alternated with
 *     bulletin's, and the ratio of the medians.
 *  3. Cold `bulletin check 9`, a whole process, in the same round-robin.
 *  4. The figures issue 26 sets goals for, each beside its goal: bulletin / Typst CPU and wall,
 *     the ~40-page issue / the 5-page one, peak RSS of one build, check's CPU.
 *  5. Where the time of one cold build goes, in one process: the parts add up to the whole,
 *     from the process's start (node's own start-up) to its exit.
 * Output hashes are printed so that a change meant not to alter output can be checked.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO, bigSeries, median, runCli, table } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SELF = fileURLToPath(import.meta.url);

if (process.argv[2] === '--phases') {
  await phases(process.argv[3], process.argv[4], process.argv[5]);
  process.exit(0);
}

function typstCompiler() {
  try {
    createRequire(import.meta.url).resolve('@myriaddreamin/typst-ts-node-compiler');
    return true;
  } catch {
    return false;
  }
}

/** One whole-process Typst compile, timed like runCli. */
function runTypst(outFile) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, 'bench', 'measure-any.mjs'), path.join(REPO, 'bench', 'typst', 'compile.mjs'), outFile],
    { encoding: 'utf8' },
  );
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`typst failed:\n${r.stderr}`);
  return {
    wallMs,
    cpuMs: Number(/BENCH_CPU_US (\d+)/.exec(r.stderr)[1]) / 1000,
    maxRssMB: Number(/BENCH_MAXRSS_KB (\d+)/.exec(r.stderr)[1]) / 1024,
  };
}

const sha = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
const pdfPages = (file) =>
  (
    fs
      .readFileSync(file)
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length;

/** One in-process build, timed phase by phase from the process's start to its exit. */
async function phases(seriesDir, issueArg, outDir) {
  const marks = [];
  let t = 0;
  let c = 0;
  const lap = (name) => {
    const now = performance.now();
    const u = process.cpuUsage();
    const cpu = (u.user + u.system) / 1000;
    marks.push([name, now - t, cpu - c]);
    t = now;
    c = cpu;
  };
  lap('node start-up (until the first line of script)');
  // As bin/bulletin.js does: Node's compile cache, then the one bundled file with its code cache.
  (await import('node:module')).default.enableCompileCache?.();
  const { loadBundle } = await import(path.join(REPO, 'lib', 'startup', 'code-cache.js'));
  const app = loadBundle(path.join(REPO, 'lib', 'bench-phases.cjs'), 'bench-phases').exports;
  const {
    openSeries,
    loadIssue,
    resolveIssue,
    DEFAULT_FORMATS,
    composeIssue,
    paginate,
    layoutLimits,
    missingGlyphs,
    sourceLocator,
    loadPdfmake,
    writeFileAtomic,
  } = app;
  lap('load the app bundle (CLI, config, Markdown, DOCX)');
  // As the PDF renderer does: the app's fontkit loader first (it patches what fontkit loads).
  await loadPdfmake();
  lap('load pdfmake, pdfkit, fontkit (not bundled)');
  process.chdir(seriesDir);
  const ctx = openSeries(seriesDir);
  const cfg = resolveIssue(ctx.series, ctx.issues, issueArg);
  const { issue, sources } = loadIssue(ctx, cfg);
  lap('model (YAML, Markdown, checks)');
  // As render-issue.ts does before any renderer: the one composition, what the page cannot
  // hold, and the characters no font has.
  const { galley, faces: metrics } = composeIssue(issue);
  if (layoutLimits(galley, metrics).some((d) => d.severity === 'error')) throw new Error('layout limits');
  if (missingGlyphs(galley, metrics, sourceLocator(ctx.series.root, sources)).length > 0) throw new Error('missing glyphs');
  lap('composition, layout limits and glyph check (fonts opened)');
  // As render-issue.ts does for the PDF: every line set and placed on pages, once.
  const pages = paginate(galley, metrics);
  lap('pagination (lines set, pages placed)');
  // pdfmake's own phases, told apart by pdfkit's first addPage (layout done) and end().
  const PDFKit = (await import('pdfkit')).default;
  const { addPage, end } = PDFKit.prototype;
  let first = true;
  PDFKit.prototype.addPage = function (...a) {
    if (first) lap('PDF: fonts, document definition, pdfmake layout (of placed pages)');
    first = false;
    return addPage.apply(this, a);
  };
  PDFKit.prototype.end = function (...a) {
    lap('PDF: pdfmake drawing');
    return end.apply(this, a);
  };
  const progress = () => undefined;
  const files = [];
  for (const format of DEFAULT_FORMATS) {
    const r = await format.render(galley, { progress, faces: metrics, pages });
    files.push([format, r]);
    lap(format.id === 'pdf' ? 'PDF: font subsetting, writing the file' : format.id.toUpperCase());
  }
  for (const [format, r] of files) writeFileAtomic(path.join(outDir, `x${format.ext}`), r.bytes);
  lap('write files');
  process.stdout.write(`\nPHASES ${JSON.stringify(marks)}\n`);
}

function phaseRun(dir, arg) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-ph-'));
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [SELF, '--phases', dir, arg, out], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  fs.rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(r.stderr);
  const marks = JSON.parse(/PHASES (.*)/.exec(r.stdout)[1]);
  const inside = marks.reduce((a, [, v]) => a + v, 0);
  marks.push(['exit (teardown after the last line, spawn)', wall - inside, NaN]);
  return { marks, wall };
}

spawnSync(process.execPath, [path.join(REPO, 'scripts', 'bundle.mjs'), '--bench'], { stdio: 'inherit' });
const news = path.join(REPO, 'test', 'fixtures', 'news');
const big = bigSeries(4);
const NO_CODE_CACHE = 'news 第10期, code cache off';
const cases = [
  ['第9期 (issues/009)', REPO, '9'],
  ...(fs.existsSync(news) ? [['news 第10期', news, '10']] : []),
  ['repeated issue', big, '1'],
  // The same build compiling every function it runs, as the first build on a machine does.
  ...(fs.existsSync(news) ? [[NO_CODE_CACHE, news, '10', { BULLETIN_CODE_CACHE: 'off' }]] : []),
];
const withTypst = typstCompiler() && fs.existsSync(news);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-out-'));
const runs = new Map(cases.map(([name]) => [name, []]));
const typst = [];
const checks = [];
// One run of each, not timed: Node's compile cache and bulletin's code cache
// (src/startup/code-cache.ts) are then in place, as on a clerk's machine after the first build.
for (const [name, dir, arg, env] of cases) runCli(['build', arg, '--out', path.join(out, name)], dir, env);
runCli(['check', '9'], REPO);
for (let i = 0; i < RUNS; i++) {
  for (const [name, dir, arg, env] of cases) {
    runs.get(name).push(runCli(['build', arg, '--out', path.join(out, name)], dir, env));
    if (withTypst && dir === news && !env) typst.push(runTypst(path.join(out, 'typst.pdf')));
  }
  checks.push(runCli(['check', '9'], REPO));
}

console.log(`Cold \`bulletin build\` (PDF, DOCX and HTML), whole process, median of ${RUNS} round-robin runs`);
console.log(`(node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end)\n`);
const rows = [['issue', 'pages', 'wall s', 'CPU s', 'peak RSS MB', 'CPU ms/page', 'PDF KB', 'pdf sha256', 'docx sha256']];
const perIssue = {};
for (const [name] of cases) {
  const rs = runs.get(name);
  const files = fs.readdirSync(path.join(out, name));
  const pdf = path.join(
    out,
    name,
    files.find((f) => f.endsWith('.pdf')),
  );
  const docx = path.join(
    out,
    name,
    files.find((f) => f.endsWith('.docx')),
  );
  const pages = pdfPages(pdf);
  const cpu = median(rs.map((r) => r.cpuMs));
  perIssue[name] = { pages, cpu, wall: median(rs.map((r) => r.wallMs)) };
  rows.push([
    name,
    pages,
    (perIssue[name].wall / 1000).toFixed(2),
    (cpu / 1000).toFixed(2),
    median(rs.map((r) => r.maxRssMB)).toFixed(0),
    (cpu / pages).toFixed(0),
    Math.round(fs.statSync(pdf).size / 1024),
    sha(pdf),
    sha(docx),
  ]);
}
if (withTypst) {
  rows.push([
    'Typst, news 第10期',
    pdfPages(path.join(out, 'typst.pdf')),
    (median(typst.map((r) => r.wallMs)) / 1000).toFixed(2),
    (median(typst.map((r) => r.cpuMs)) / 1000).toFixed(2),
    median(typst.map((r) => r.maxRssMB)).toFixed(0),
    '',
    Math.round(fs.statSync(path.join(out, 'typst.pdf')).size / 1024),
    '',
    '',
  ]);
}
console.log(table(rows));
const [, first] = Object.entries(perIssue).find(([n]) => n.startsWith('news')) ?? Object.entries(perIssue)[0];
const last = perIssue['repeated issue'];
console.log(
  `\n${last.pages}-page issue / ${first.pages}-page issue: CPU ${(last.cpu / first.cpu).toFixed(2)}×, wall ${(last.wall / first.wall).toFixed(2)}×`,
);
if (withTypst) {
  for (const name of ['news 第10期', NO_CODE_CACHE]) {
    const ours = runs.get(name);
    console.log(
      `bulletin / Typst on ${name} (alternating runs): wall ${(median(ours.map((r) => r.wallMs)) / median(typst.map((r) => r.wallMs))).toFixed(2)}×, CPU ${(median(ours.map((r) => r.cpuMs)) / median(typst.map((r) => r.cpuMs))).toFixed(2)}×`,
    );
  }
} else {
  console.log('(Typst comparison skipped: install it with `npm install --no-save @myriaddreamin/typst-ts-node-compiler@0.7.0`)');
}
const checkCpu = median(checks.map((r) => r.cpuMs));
console.log(
  `\nCold \`bulletin check 9\`, whole process, median of ${RUNS}: wall ${(median(checks.map((r) => r.wallMs)) / 1000).toFixed(2)} s, CPU ${(checkCpu / 1000).toFixed(3)} s, peak RSS ${median(checks.map((r) => r.maxRssMB)).toFixed(0)} MB`,
);

// Issue 26's goals, each figure beside its goal (medians of the runs above).
const goalRows = [['goal (issue 26)', 'measured', 'target', 'met']];
const goal = (what, value, target, fmt) =>
  goalRows.push([what, fmt(value), fmt(target), Number.isNaN(value) ? '' : value <= target ? 'yes' : 'no']);
const times = (v) => (Number.isNaN(v) ? 'n/a' : `${v.toFixed(2)}×`);
const newsRuns = runs.get('news 第10期');
if (newsRuns && withTypst) {
  goal('news 第10期 build CPU / Typst CPU', median(newsRuns.map((r) => r.cpuMs)) / median(typst.map((r) => r.cpuMs)), 3, times);
  goal('news 第10期 build wall / Typst wall', median(newsRuns.map((r) => r.wallMs)) / median(typst.map((r) => r.wallMs)), 3, times);
} else {
  goal('news 第10期 build / Typst (Typst not installed)', NaN, 3, times);
}
goal(`${last.pages}-page / ${first.pages}-page build CPU`, last.cpu / first.cpu, 1.5, times);
if (newsRuns) goal('peak RSS of one build, news 第10期 (MB)', median(newsRuns.map((r) => r.maxRssMB)), 150, (v) => v.toFixed(0));
goal('check 9 CPU (s)', checkCpu / 1000, 0.15, (v) => v.toFixed(3));
console.log(`\n${table(goalRows)}`);

for (const [name, dir, arg, env] of cases) {
  if (env) continue;
  // Median of three instrumented runs, phase by phase; the parts add up to the median run.
  const ps = [phaseRun(dir, arg), phaseRun(dir, arg), phaseRun(dir, arg)].sort((a, b) => a.wall - b.wall);
  const p = ps[1];
  const cpu = p.marks.reduce((a, [, , v]) => a + (Number.isNaN(v) ? 0 : v), 0);
  console.log(`\nWhere the time goes, ${name} (one cold process on the bundled app, the median of 3 by wall time, ms):`);
  const fmt = (v) => (Number.isNaN(v) ? '' : v.toFixed(0)).padStart(6);
  console.log(
    table([
      ['  phase', '  wall', '   CPU'],
      ...p.marks.map(([k, w, c]) => [`  ${k}`, fmt(w), fmt(c)]),
      ['  total (wall = whole process)', fmt(p.wall), fmt(cpu)],
    ]),
  );
}
fs.rmSync(out, { recursive: true, force: true });
fs.rmSync(big, { recursive: true, force: true });
