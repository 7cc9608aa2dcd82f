/**
 * `bulletin build` with the code cache (src/startup/code-cache.ts) as a clerk's machine meets
 * it: the first build writes it, the next ones use it without writing again, a damaged one is
 * replaced; the files are the same bytes with the cache, without it and switched off.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { assertCliBuilt, BIN, cleanupTemp, issueYaml, makeSeries, newsItem } from '../helpers/series.js';

beforeAll(assertCliBuilt);
const caches: string[] = [];
afterAll(() => {
  cleanupTemp();
  for (const c of caches) fs.rmSync(c, { recursive: true, force: true });
});

function build(dir: string, out: string, env: Record<string, string>): Record<string, string> {
  const r = spawnSync(process.execPath, [BIN, 'build', '1', '--out', out], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  expect(r.status, r.stderr).toBe(0);
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(path.join(dir, out)))
    files[f] = crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(dir, out, f)))
      .digest('hex');
  return files;
}

const cacheFiles = (root: string): string[] =>
  fs.existsSync(root)
    ? fs
        .readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.v8'))
        .map((f) => path.join(root, f))
    : [];

test('the first build writes the code cache, the next uses it as it is, a damaged one is replaced, and the files never differ', () => {
  const dir = makeSeries({
    'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
    'issues/001/a.md': newsItem('高校动态', '南昌大学召开推进会', '正文一。'),
  });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-xdg-'));
  caches.push(home);
  const env = { XDG_CACHE_HOME: home, BULLETIN_CODE_CACHE: '' };
  const root = path.join(home, 'bulletin', 'code-cache');

  const first = build(dir, 'one', env);
  const written = cacheFiles(root);
  expect(written.map((f) => path.basename(f))).toEqual([expect.stringMatching(/^bulletin\.cjs\.build\.[0-9a-f]{32}\.v8$/)]);
  const cache = fs.readFileSync(written[0]!);

  expect(build(dir, 'two', env)).toEqual(first);
  expect(fs.readFileSync(written[0]!).equals(cache)).toBe(true);

  expect(build(dir, 'off', { ...env, BULLETIN_CODE_CACHE: 'off' })).toEqual(first);
  expect(cacheFiles(root)).toEqual(written);

  const damaged = Buffer.from(cache);
  damaged[damaged.length - 100]! ^= 0xff;
  fs.writeFileSync(written[0]!, damaged);
  expect(build(dir, 'three', env)).toEqual(first);
  const replaced = fs.readFileSync(written[0]!);
  expect(replaced.equals(damaged)).toBe(false);
  expect(crypto.createHash('sha256').update(replaced.subarray(32)).digest().equals(replaced.subarray(0, 32))).toBe(true);
});
