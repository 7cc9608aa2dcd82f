#!/usr/bin/env node
/**
 * Hostile-input benchmark (`npm run bench` runs it last): `bulletin check` of one item shaped
 * the way issue 19 found slow or crashing, and of the worst shapes still inside the bounds of
 * src/sources/markdown-bounds.ts, each a whole new process. Refused shapes must end at once
 * with exit 1; accepted ones show what the bounds still allow. CPU time (user + system) is
 * the figure to trust on a busy machine. `node bench/hostile.mjs NAME` runs the cases whose
 * name contains NAME.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, table } from './lib.mjs';

const MEASURE = path.join(REPO, 'bench', 'measure.mjs');
const HEAD = '---\nsection: 高校动态\n---\n\n## 赣南师范大学召开推进会\n\n';
const blocks = (unit, perBlock, n) => Array.from({ length: n }, () => unit.repeat(perBlock)).join('\n\n');
const list = (levels) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- 中文${i}`).join('\n');

/** [name, body, exit wanted: 1 for a refused shape; undefined when either is fine (a setext heading without text is an error of its own)] */
const CASES = [
  ['refused: 10,000 >', `${'>'.repeat(10000)} x`, 1],
  ['refused: 1,000 inline "- "', `${'- '.repeat(1000)}x`, 1],
  ['refused: list 600 deep', list(600), 1],
  ['refused: 200 KB a*a*', 'a*'.repeat(100000), 1],
  ['refused: 300 setext', '标题\n===\n\n'.repeat(300), 1],
  ['refused: 4 MB of blank lines', '\n'.repeat(4 * 1024 * 1024 - 200), 1],
  ['accepted: list 20 deep', list(20), 0],
  ['accepted: 9,900 list items', blocks('- a\n', 495, 20), 0],
  ['accepted: 10 × 999 a* runs', blocks('a*', 999, 10), 0],
  ['accepted: 4,900 lazy quote lines', blocks('> a\nb\n', 245, 20), 0],
  ['accepted: 200 setext + 9,000 lines', `${'a\n=\n\n'.repeat(200)}${blocks('b\n', 450, 20)}`, undefined],
  ['accepted: 200 setext + 19,000 lines', `${'a\n=\n\n'.repeat(200)}${blocks('b\n', 950, 20)}`, undefined],
  ['accepted: 19,990 blank lines', `a${'\n'.repeat(19_990)}b`, 0],
  ['accepted: 9,990 one-line paragraphs', blocks('a', 1, 9990), 0],
  [
    'accepted: 7,200 paragraphs, 3.4 MB',
    blocks('会议部署了下一阶段的各项任务，要求各地各校抓好落实，确保协同提质行动取得实效。', 4, 7200),
    0,
  ],
  ['accepted: 9,990 cells', blocks('|a|b|c|d|e|f|g|h|i|\n', 100, 10), 0],
  ['accepted: one 4 MB line', '中文内容，'.repeat(Math.floor((4 * 1024 * 1024 - 200) / 15)), 0],
];

function run(dir) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [MEASURE, 'check'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    maxBuffer: 64 << 20,
    timeout: 600_000,
    killSignal: 'SIGKILL',
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = /BENCH_CPU_US (\d+)/.exec(r.stderr ?? '');
  return {
    code: r.status,
    wallMs,
    cpuMs: cpu ? Number(cpu[1]) / 1000 : NaN,
    first: `${r.stdout}${r.stderr}`.split('\n').find((l) => /^\S+:\d+:\d+  错误/.test(l)) ?? '',
  };
}

const only = process.argv[2];
const rows = [['case', 'exit', 'wall ms', 'cpu ms', 'first error']];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-hostile-'));
try {
  for (const [name, body, want] of CASES) {
    if (only && !name.includes(only)) continue;
    const dir = path.join(tmp, String(rows.length));
    fs.mkdirSync(path.join(dir, 'issues', '001'), { recursive: true });
    fs.copyFileSync(path.join(REPO, 'bulletin.yaml'), path.join(dir, 'bulletin.yaml'));
    fs.writeFileSync(path.join(dir, 'issues', '001', 'issue.yaml'), 'number: 1\ndate: 2024-05-08\n');
    fs.writeFileSync(path.join(dir, 'issues', '001', '10.md'), `${HEAD}${body}\n`);
    const r = run(dir);
    if (r.code !== (want ?? r.code) || (r.code !== 0 && r.code !== 1))
      throw new Error(`${name}: exit ${r.code}, expected ${want}\n${r.first}`);
    rows.push([name, r.code, Math.round(r.wallMs), Math.round(r.cpuMs), r.first.replace(/^(\S+)\s+错误：/, '$1 ').slice(0, 60)]);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log('\nbulletin check of hostile items (one process each)\n');
console.log(table(rows));
