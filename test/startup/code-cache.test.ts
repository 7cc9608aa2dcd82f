/**
 * The CLI bundle's code cache (src/startup/code-cache.ts), on small bundles written here: a
 * cache is made after a run and used by the next; a changed bundle, a damaged cache file or a
 * cache folder that is not the user's own never reaches V8; the folder follows the platform.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { codeCacheRoot, commandOf, loadBundle } from '../../src/startup/code-cache.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

function temp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-code-cache-'));
  temps.push(dir);
  return dir;
}

/** A bundle whose function `value` is compiled only when called (lazily), as the CLI's functions are. */
function bundle(dir: string, value: string): string {
  const file = path.join(dir, 'app.cjs');
  fs.writeFileSync(
    file,
    `"use strict";\nfunction value(){return ${JSON.stringify(value)}}\nmodule.exports={value,dir:__dirname,req:typeof require('node:path').join};\n`,
  );
  return file;
}

const cacheFiles = (root: string): string[] =>
  fs.existsSync(root) ? fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.v8')) : [];

test('a cache made after a run is written privately and used by the next run, with the same results', () => {
  const dir = temp();
  const root = path.join(dir, 'cache', 'bulletin', 'code-cache');
  const file = bundle(dir, 'one');
  const first = loadBundle<{ value(): string; dir: string; req: string }>(file, 'build', root);
  expect(first.cache).toBe('missing');
  expect(first.exports.value()).toBe('one');
  expect(first.exports.dir).toBe(dir);
  expect(first.exports.req).toBe('function');
  first.save();
  const files = cacheFiles(root);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^v\d+\.\d+\.\d+-[a-z0-9]+[/\\]app\.cjs\.build\.[0-9a-f]{32}\.v8$/);
  if (process.platform !== 'win32') {
    expect(fs.statSync(path.join(root, files[0]!)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(path.join(root, files[0]!))).mode & 0o777).toBe(0o700);
  }
  const second = loadBundle<{ value(): string }>(file, 'build', root);
  expect(second.cache).toBe('used');
  expect(second.exports.value()).toBe('one');
  // Another command keeps a cache of its own.
  const other = loadBundle<{ value(): string }>(file, 'check', root);
  expect(other.cache).toBe('missing');
  other.save();
  expect(cacheFiles(root)).toHaveLength(2);
});

/** Where the cache of `file` for `tag` is: named by the bundle's SHA-256, in this Node's folder. */
function cacheOf(root: string, file: string, tag: string): string {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 32);
  return path.join(root, `${process.version}-${process.arch}`, `${path.basename(file)}.${tag}.${hash}.v8`);
}

test('a bundle changed to another of the same length never runs with the old cache; three other versions are kept', () => {
  const dir = temp();
  const root = path.join(dir, 'bulletin', 'code-cache');
  const written: string[] = [];
  const start = Date.now() / 1000 - 1000;
  for (const [i, v] of ['aaa', 'bbb', 'ccc', 'ddd', 'eee'].entries()) {
    const file = bundle(dir, v);
    const loaded = loadBundle<{ value(): string }>(file, 'build', root);
    expect(loaded.cache).toBe('missing');
    expect(loaded.exports.value()).toBe(v);
    loaded.save();
    const cache = cacheOf(root, file, 'build');
    expect(fs.existsSync(cache)).toBe(true);
    // One a second apart, as versions installed over time.
    fs.utimesSync(cache, start + i, start + i);
    written.push(cache);
  }
  // Another install in use (a series' tools/) keeps its cache; only the oldest of many goes.
  expect(cacheFiles(root)).toHaveLength(4);
  expect(written.map((f) => fs.existsSync(f))).toEqual([false, true, true, true, true]);
  expect(loadBundle(bundle(dir, 'bbb'), 'build', root).cache).toBe('used');
});

test('a damaged cache file is not handed to V8: the bundle runs as without one and the cache is written again', () => {
  const dir = temp();
  const root = path.join(dir, 'bulletin', 'code-cache');
  const file = bundle(dir, 'whole');
  loadBundle(file, 'build', root).save();
  const cached = path.join(root, cacheFiles(root)[0]!);
  const bytes = fs.readFileSync(cached);
  bytes[bytes.length - 9]! ^= 0xff;
  fs.writeFileSync(cached, bytes);
  const damaged = loadBundle<{ value(): string }>(file, 'build', root);
  expect(damaged.cache).toBe('missing');
  expect(damaged.exports.value()).toBe('whole');
  damaged.save();
  expect(loadBundle(file, 'build', root).cache).toBe('used');
  // Cut short, it is no cache either.
  fs.writeFileSync(cached, bytes.subarray(0, 20));
  expect(loadBundle(file, 'build', root).cache).toBe('missing');
});

test.runIf(process.platform !== 'win32')('a cache folder that others can write to, or a link, is neither read nor written', () => {
  const dir = temp();
  const root = path.join(dir, 'bulletin', 'code-cache');
  const file = bundle(dir, 'shared');
  const first = loadBundle(file, 'build', root);
  first.save();
  const version = path.dirname(path.join(root, cacheFiles(root)[0]!));
  fs.chmodSync(version, 0o777);
  const open = loadBundle<{ value(): string }>(file, 'build', root);
  expect(open.cache).toBe('off');
  expect(open.exports.value()).toBe('shared');
  fs.chmodSync(version, 0o700);
  fs.chmodSync(path.join(dir, 'bulletin'), 0o775);
  expect(loadBundle(file, 'build', root).cache).toBe('off');
  fs.chmodSync(path.join(dir, 'bulletin'), 0o700);
  expect(loadBundle(file, 'build', root).cache).toBe('used');
  // The version folder a link to somewhere else.
  const elsewhere = path.join(dir, 'elsewhere');
  fs.renameSync(version, elsewhere);
  fs.symlinkSync(elsewhere, version);
  expect(loadBundle(file, 'build', root).cache).toBe('off');
});

test('the cache folder: the platform cache folder, off with BULLETIN_CODE_CACHE=off, a relative XDG_CACHE_HOME ignored', () => {
  expect(codeCacheRoot({ XDG_CACHE_HOME: '/x/cache' }, 'linux')).toBe(path.join('/x/cache', 'bulletin', 'code-cache'));
  expect(codeCacheRoot({ XDG_CACHE_HOME: 'rel' }, 'linux')).toBe(path.join(os.homedir(), '.cache', 'bulletin', 'code-cache'));
  expect(codeCacheRoot({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32')).toBe(
    path.join('C:\\Users\\a\\AppData\\Local', 'bulletin', 'code-cache'),
  );
  expect(codeCacheRoot({}, 'win32')).toBeUndefined();
  expect(codeCacheRoot({ BULLETIN_CODE_CACHE: 'off', XDG_CACHE_HOME: '/x' }, 'linux')).toBeUndefined();
  expect(codeCacheRoot({ BULLETIN_CODE_CACHE: '0' }, 'linux')).toBeUndefined();
});

test('the command a cache belongs to is the first argument that is not an option', () => {
  expect(commandOf(['node', 'bulletin', 'build', '10', '-o', 'x'])).toBe('build');
  expect(commandOf(['node', 'bulletin', '--no-color', 'check'])).toBe('check');
  expect(commandOf(['node', 'bulletin'])).toBe('help');
});
