/**
 * The archive's memory rule: workers only while the budget allows, so that `--jobs` never
 * takes the archive past MEMORY_BUDGET_MB; and when a worker does run (a raised budget), its
 * issues come out byte for byte as the main thread's.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEMORY_BUDGET_MB, workersWithin } from '../../src/archive/pool.js';
import type { Manifest } from '../../src/archive/manifest.js';
import { DEFAULT_FORMATS } from '../../src/render/formats.js';
import { assertCliBuilt, FIXTURES, REPO, tempDir } from '../helpers/series.js';

const MB = 2 ** 20;

describe('archive workers and memory', () => {
  it('starts a worker only when a second copy of the process fits in the budget', () => {
    expect(MEMORY_BUDGET_MB).toBe(250);
    expect(workersWithin(1, 150 * MB, 250)).toBe(0);
    expect(workersWithin(1, 125 * MB, 250)).toBe(1);
    expect(workersWithin(3, 60 * MB, 250)).toBe(3);
    expect(workersWithin(8, 60 * MB, 250)).toBe(3);
    expect(workersWithin(0, 10 * MB, 250)).toBe(0);
    expect(workersWithin(2, 300 * MB, 250)).toBe(0);
  });

  it('builds the same bytes in a worker as in the main thread', { timeout: 300_000 }, () => {
    assertCliBuilt();
    const dir = tempDir('bulletin-pool-');
    fs.copyFileSync(path.join(FIXTURES, 'mixed', 'bulletin.yaml'), path.join(dir, 'bulletin.yaml'));
    for (let n = 1; n <= 3; n++) {
      const to = path.join(dir, 'issues', String(n).padStart(3, '0'));
      fs.cpSync(n === 2 ? path.join(REPO, 'issues', '009') : path.join(FIXTURES, 'mixed', 'issues', '001'), to, { recursive: true });
      fs.writeFileSync(path.join(to, 'issue.yaml'), `number: ${n}\ndate: 2024-0${n}-10\n`);
    }
    const run = (out: string, jobs: string, env: Record<string, string>): Manifest => {
      const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'bulletin.js'), 'archive', '--jobs', jobs, '--out', out], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(fs.readFileSync(path.join(dir, out, 'manifest.json'), 'utf8'));
    };
    // A budget of 100 GB lets the worker start after the first issue; it builds the others.
    const withWorker = run('a', '2', { BULLETIN_MEMORY_MB: '100000' });
    const alone = run('b', '1', {});
    const files = (m: Manifest): string[] => m.issues.flatMap((i) => i.files.map((f) => `${f.path} ${f.sha256}`)).sort();
    expect(files(withWorker)).toHaveLength(3 * DEFAULT_FORMATS.length);
    expect(files(withWorker)).toEqual(files(alone));
  });
});
