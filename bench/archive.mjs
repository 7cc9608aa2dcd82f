// Archive benchmark: 100 synthetic issues made from the sample items. Full archive time, a
// re-run with nothing changed, a re-run after one item changed, peak memory, and the growth
// of the full build with the number of issues.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, runCli, table } from './lib.mjs';

const SAMPLE_ISSUE = path.join(REPO, 'issues', '009');
const MIXED = path.join(REPO, 'test', 'fixtures', 'mixed');

function makeSeries(count) {
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

export function benchArchive({ sizes = [25, 50, 100] } = {}) {
  const rows = [['case', 'issues', 'wall s', 'per issue s', 'peak RSS MB', 'built']];
  let big;
  for (const count of sizes) {
    const root = makeSeries(count);
    const full = runCli(['archive'], root);
    rows.push(['full archive', count, (full.wallMs / 1000).toFixed(2), (full.wallMs / 1000 / count).toFixed(3), full.maxRssMB.toFixed(0), /生成 (\d+) 期/.exec(full.stdout)?.[1]]);
    if (count === Math.max(...sizes)) big = root;
    else fs.rmSync(root, { recursive: true, force: true });
  }
  const small = makeSeries(sizes[0]);
  const one = runCli(['archive', '--jobs', '1'], small);
  fs.rmSync(small, { recursive: true, force: true });
  rows.push(['full archive, --jobs 1', sizes[0], (one.wallMs / 1000).toFixed(2), (one.wallMs / 1000 / sizes[0]).toFixed(3), one.maxRssMB.toFixed(0), /生成 (\d+) 期/.exec(one.stdout)?.[1]]);
  const again = runCli(['archive'], big);
  rows.push(['re-run, nothing changed', sizes.at(-1), (again.wallMs / 1000).toFixed(2), '', again.maxRssMB.toFixed(0), /生成 (\d+) 期/.exec(again.stdout)?.[1]]);
  const item = path.join(big, 'issues', '050', '10-province.md');
  fs.appendFileSync(item, '\n本条动态在基准测试中改过。\n');
  const changed = runCli(['archive'], big);
  rows.push(['re-run, one item changed', sizes.at(-1), (changed.wallMs / 1000).toFixed(2), '', changed.maxRssMB.toFixed(0), /生成 (\d+) 期/.exec(changed.stdout)?.[1]]);
  fs.rmSync(big, { recursive: true, force: true });
  return table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`Archive benchmark (${os.cpus().length} cores)`);
  console.log(benchArchive());
}
