// Shared helpers of the benchmark scripts: timed child runs, medians, tables.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MEASURE = path.join(REPO, 'bench', 'measure.mjs');

/** One whole-process run of `bulletin …args` in cwd: wall time, CPU time (user + system), peak RSS, output. */
export function runCli(args, cwd, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [MEASURE, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', ...env },
    maxBuffer: 64 << 20,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = /BENCH_MAXRSS_KB (\d+)/.exec(r.stderr ?? '');
  const cpu = /BENCH_CPU_US (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0) throw new Error(`bulletin ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return {
    wallMs,
    cpuMs: cpu ? Number(cpu[1]) / 1000 : NaN,
    maxRssMB: rss ? Number(rss[1]) / 1024 : NaN,
    stdout: r.stdout,
    stderr: r.stderr,
  };
}

/** A temp series whose one issue repeats 009's articles and the mixed fixture's items `times` times. */
export function bigSeries(times) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-bench-'));
  fs.copyFileSync(path.join(REPO, 'test', 'fixtures', 'mixed', 'bulletin.yaml'), path.join(dir, 'bulletin.yaml'));
  const issue = path.join(dir, 'issues', '001');
  fs.mkdirSync(path.join(issue, 'images'), { recursive: true });
  const mixed = path.join(REPO, 'test', 'fixtures', 'mixed', 'issues', '001');
  fs.copyFileSync(path.join(mixed, 'issue.yaml'), path.join(issue, 'issue.yaml'));
  fs.copyFileSync(path.join(mixed, 'images', 'meeting.png'), path.join(issue, 'images', 'meeting.png'));
  const sources = [
    ...fs
      .readdirSync(mixed)
      .filter((f) => f.endsWith('.md') && !f.includes('note'))
      .map((f) => path.join(mixed, f)),
    ...fs
      .readdirSync(path.join(REPO, 'issues', '009'))
      .filter((f) => f.endsWith('.md') && !f.startsWith('00'))
      .map((f) => path.join(REPO, 'issues', '009', f)),
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

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n');
}

/** Resident memory of a process and all its descendants now, from /proc (Linux); undefined elsewhere. */
function treeRssKb(root) {
  let children;
  try {
    children = new Map();
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
      } catch {
        // The process ended while we looked.
      }
    }
  } catch {
    return undefined;
  }
  let kb = 0;
  for (const stack = [root]; stack.length; ) {
    const pid = stack.pop();
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Ended meanwhile.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return kb;
}

/**
 * As runCli, but the peak memory is that of the whole process tree: the larger of the CLI
 * process's own peak (getrusage, which counts its worker threads) and the sum over it and any
 * child processes, sampled every 20 ms from /proc.
 */
export function runCliTree(args, cwd, env = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [MEASURE, ...args], { cwd, env: { ...process.env, CI: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
    let sampledKb = 0;
    const timer = setInterval(() => {
      sampledKb = Math.max(sampledKb, treeRssKb(child.pid) ?? 0);
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      if (code !== 0) return reject(new Error(`bulletin ${args.join(' ')} failed (${code}):\n${stderr}`));
      const own = Number(/BENCH_MAXRSS_KB (\d+)/.exec(stderr)?.[1] ?? NaN);
      const cpu = /BENCH_CPU_US (\d+)/.exec(stderr);
      resolve({ wallMs, cpuMs: cpu ? Number(cpu[1]) / 1000 : NaN, maxRssMB: Math.max(own, sampledKb) / 1024, stdout, stderr });
    });
  });
}
