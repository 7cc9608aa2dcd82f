#!/usr/bin/env node
/**
 * Do two builds of the tool write the same files? `node bench/compare-outputs.mjs <package A>
 * <package B>` (each a checkout with its lib/ built, e.g. main and a branch) builds 第9期 (this
 * repository's series), the mixed fixture, the news fixture's 第10期 and the ~40-page issue of
 * the benchmark with each, and prints the SHA-256 of every PDF, DOCX and HTML side by side.
 * Exit 1 when a PDF differs: a change meant only for speed must leave the PDF bytes as they were.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, bigSeries, table } from './lib.mjs';

const [a, b] = process.argv.slice(2).map((p) => path.resolve(p));
if (!a || !b) {
  console.error('usage: node bench/compare-outputs.mjs <package A> <package B>');
  process.exit(2);
}
const big = bigSeries(4);
const cases = [
  ['第9期', REPO, '9'],
  ['mixed', path.join(REPO, 'test', 'fixtures', 'mixed'), '1'],
  ['news 第10期', path.join(REPO, 'test', 'fixtures', 'news'), '10'],
  ['~40-page issue', big, '1'],
];
const sha = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 16);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-compare-'));
const rows = [['issue', 'file', 'A', 'B', 'same']];
let pdfDiffers = false;
try {
  for (const [name, dir, arg] of cases) {
    const built = [a, b].map((pkg, i) => {
      const to = path.join(out, `${i}-${name}`);
      const r = spawnSync(process.execPath, [path.join(pkg, 'bin', 'bulletin.js'), 'build', arg, '--out', to], {
        cwd: dir,
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`${pkg}: build ${arg} in ${dir} failed:\n${r.stderr}`);
      return to;
    });
    // The files; the folder's record of what was written (a dotfile) follows from them.
    for (const f of fs
      .readdirSync(built[0])
      .filter((n) => !n.startsWith('.'))
      .sort()) {
      const [ha, hb] = built.map((d) => (fs.existsSync(path.join(d, f)) ? sha(path.join(d, f)) : 'missing'));
      if (f.endsWith('.pdf') && ha !== hb) pdfDiffers = true;
      rows.push([name, path.extname(f), ha, hb, ha === hb ? 'yes' : 'NO']);
    }
  }
} finally {
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(big, { recursive: true, force: true });
}
console.log(`A: ${a}\nB: ${b}\n`);
console.log(table(rows));
console.log(pdfDiffers ? '\nPDF bytes differ.' : '\nEvery PDF is byte-identical.');
process.exit(pdfDiffers ? 1 : 0);
