/**
 * One message channel (issue 25): nothing leaves the program except through the reporter in
 * src/cli/report.ts (stdio, printDiagnostics) and the progress display (src/cli/progress.ts,
 * whose bar draws on stderr). A grep over src/ and bin/: no console.*, no write to
 * process.stdout or process.stderr, and no process.exitCode used as a return value below bin/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/docx-build.js';

const ALLOWED = new Set(['src/cli/report.ts', 'src/cli/progress.ts']);
const SIDE_CHANNEL =
  /\bconsole\s*\.\s*(log|error|warn|info|debug|trace|table|dir)\s*\(|\bprocess\s*\.\s*(stdout|stderr)\s*\.\s*write\b|\bstream\s*:\s*process\s*\.\s*(stdout|stderr)\b/;
const EXIT_CODE = /\bprocess\s*\.\s*exitCode\b/;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

/** Code lines, with line comments and the lines of block comments left out. */
function codeLines(file: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  let inBlock = false;
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      let l = line;
      if (inBlock) {
        const end = l.indexOf('*/');
        if (end < 0) return;
        l = l.slice(end + 2);
        inBlock = false;
      }
      l = l.replace(/\/\*.*?\*\//g, '');
      const start = l.indexOf('/*');
      if (start >= 0) {
        inBlock = true;
        l = l.slice(0, start);
      }
      l = l.replace(/(^|\s)\/\/.*$/, '');
      out.push([i + 1, l]);
    });
  return out;
}

const scanned = [...files(path.join(ROOT, 'src')), ...files(path.join(ROOT, 'bin'))];
const rel = (f: string): string => path.relative(ROOT, f).split(path.sep).join('/');

test('no message leaves the program except through src/cli/report.ts and the progress display', () => {
  const found: string[] = [];
  let allowedHits = 0;
  for (const file of scanned) {
    for (const [n, line] of codeLines(file)) {
      if (!SIDE_CHANNEL.test(line)) continue;
      if (ALLOWED.has(rel(file))) allowedHits++;
      else found.push(`${rel(file)}:${n}: ${line.trim()}`);
    }
  }
  expect(found).toEqual([]);
  // The scan sees the reporter's own writes: it cannot pass on an empty walk or a broken pattern.
  expect(allowedHits).toBeGreaterThanOrEqual(3);
  expect(scanned.length).toBeGreaterThan(150);
});

test('the exit code is a return value: process.exitCode is set only by bin/bulletin.js', () => {
  const found = scanned.flatMap((file) =>
    rel(file) === 'bin/bulletin.js'
      ? []
      : codeLines(file)
          .filter(([, l]) => EXIT_CODE.test(l))
          .map(([n, l]) => `${rel(file)}:${n}: ${l.trim()}`),
  );
  expect(found).toEqual([]);
  expect(codeLines(path.join(ROOT, 'bin', 'bulletin.js')).some(([, l]) => EXIT_CODE.test(l))).toBe(true);
});
