// Archive benchmark: 100 synthetic issues made from the sample items. Full archive time, a
// re-run with nothing changed, a re-run after one item changed, CPU time, peak memory per
// --jobs (1 and the default, one per core), and the growth of the full build with the number
// of issues. Peak memory is that of the whole process tree (see runCliTree); the budget is
// 250 MB whatever --jobs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, runCliTree, table } from './lib.mjs';

const SAMPLE_ISSUE = path.join(REPO, 'issues', '009');
const MIXED = path.join(REPO, 'test', 'fixtures', 'mixed');

export function makeSeries(count) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `bulletin-bench-${count}-`));
  fs.copyFileSync(path.join(MIXED, 'bulletin.yaml'), path.join(root, 'bulletin.yaml'));
  const mixedIssue = path.join(MIXED, 'issues', '001');
  for (let n = 1; n <= count; n++) {
    const dir = path.join(root, 'issues', String(n).padStart(3, '0'));
    fs.mkdirSync(dir, { recursive: true });
    const d = new Date(Date.UTC(2020, 0, 1 + 7 * n));
    fs.writeFileSync(path.join(dir, 'issue.yaml'), `number: ${n}\ndate: ${d.toISOString().slice(0, 10)}\n`);
    // Alternate the two sample issues' items so issues differ in length like real ones do.
    const from = n % 2 ? SAMPLE_ISSUE : mixedIssue;
    for (const f of fs.readdirSync(from)) if (f !== 'issue.yaml') fs.cpSync(path.join(from, f), path.join(dir, f), { recursive: true });
  }
  return root;
}

const DEFAULT_JOBS = os.availableParallelism?.() ?? os.cpus().length;

/** Full archives of 25 and 100 issues with --jobs 1 and the default, then re-runs of the 100. */
export async function benchArchive({ sizes = [25, 100], jobs = [1, 'default'] } = {}) {
  const rows = [['case', 'issues', 'wall s', 'CPU s', 'CPU per issue s', 'peak RSS MB', 'built']];
  const row = (name, count, r) =>
    rows.push([
      name,
      count,
      (r.wallMs / 1000).toFixed(2),
      (r.cpuMs / 1000).toFixed(2),
      count ? (r.cpuMs / 1000 / count).toFixed(3) : '',
      r.maxRssMB.toFixed(0),
      /生成 (\d+) 期/.exec(r.stdout)?.[1] ?? '0',
    ]);
  let big;
  for (const count of sizes) {
    for (const j of jobs) {
      const root = makeSeries(count);
      const args = j === 'default' ? ['archive'] : ['archive', '--jobs', String(j)];
      row(
        j === 'default' ? `full archive, default --jobs (${DEFAULT_JOBS})` : `full archive, --jobs ${j}`,
        count,
        await runCliTree(args, root),
      );
      if (count === Math.max(...sizes) && j === jobs.at(-1)) big = root;
      else fs.rmSync(root, { recursive: true, force: true });
    }
  }
  row('re-run, nothing changed', 0, await runCliTree(['archive'], big));
  fs.appendFileSync(path.join(big, 'issues', '050', '10-province.md'), '\n本条动态在基准测试中改过。\n');
  row('re-run, one item changed', 0, await runCliTree(['archive'], big));
  fs.rmSync(big, { recursive: true, force: true });
  return table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    `\n== archive (${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; peak RSS of the whole process tree, CPU of the process and its threads) ==`,
  );
  console.log(await benchArchive());
}
