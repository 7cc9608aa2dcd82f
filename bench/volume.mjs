// Bound-volume benchmark: a weekly year of 52 synthetic issues (archive.mjs's), bound with
// `bulletin volume 2020` twice — every issue a draft built now, then every issue issued and
// archived, so its pages come from the archived PDF (read, checked against the manifest and
// joined by pdf-lib). Wall and CPU time, peak memory of the process tree, pages and size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeSeries } from './archive.mjs';
import { runCli, runCliTree, table } from './lib.mjs';

const COUNT = Number(process.env.BENCH_VOLUME_ISSUES ?? 52);

export async function benchVolume(count = COUNT) {
  const rows = [['case', 'issues', 'wall s', 'CPU s', 'peak RSS MB', 'pages', 'PDF']];
  const row = (name, r) => {
    const said = /（(\d+) 期；.*共 (\d+) 页；([\d.]+ [KM]B)）/.exec(r.stdout);
    rows.push([
      name,
      said?.[1] ?? '?',
      (r.wallMs / 1000).toFixed(2),
      (r.cpuMs / 1000).toFixed(2),
      r.maxRssMB.toFixed(0),
      said?.[2] ?? '?',
      said?.[3] ?? '?',
    ]);
  };
  const root = makeSeries(count);
  try {
    row('volume 2020, every issue built now', await runCliTree(['volume', '2020', '--out', 'drafts'], root));
    // Not timed: issuing each issue on its date, then one archive run.
    for (let n = 1; n <= count; n++) {
      const date = /date: (\S+)/.exec(fs.readFileSync(path.join(root, 'issues', String(n).padStart(3, '0'), 'issue.yaml'), 'utf8'))[1];
      runCli(['issue', String(n), '--date', date], root);
    }
    runCli(['archive'], root);
    row('volume 2020, every issue from the archive', await runCliTree(['volume', '2020', '--out', 'archived'], root));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`\n== volume (${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}) ==`);
  console.log(await benchVolume());
}
