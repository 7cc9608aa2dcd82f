// Shared helpers of the benchmark scripts: timed child runs, medians, tables.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MEASURE = path.join(REPO, 'bench', 'measure.mjs');

/** One whole-process run of `bulletin …args` in cwd: wall time, CPU time (user + system), peak RSS, output. */
export function runCli(args, cwd, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [MEASURE, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1', ...env }, maxBuffer: 64 << 20 });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = /BENCH_MAXRSS_KB (\d+)/.exec(r.stderr ?? '');
  const cpu = /BENCH_CPU_US (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0) throw new Error(`bulletin ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return { wallMs, cpuMs: cpu ? Number(cpu[1]) / 1000 : NaN, maxRssMB: rss ? Number(rss[1]) / 1024 : NaN, stdout: r.stdout, stderr: r.stderr };
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
