/**
 * The CLI's bundle (lib/bulletin.cjs) compiled with a V8 code cache made at the end of a run.
 *
 * Node's compile cache (module.enableCompileCache) is written when a module is compiled, so it
 * holds top-level code only: every function a command calls is compiled again, lazily, at every
 * start, some 50 ms of a build. A cache made after the run (vm.Script#createCachedData) holds
 * every function the run compiled. One is kept per command (check and build run different code),
 * Node version and architecture, named by the bundle's SHA-256: a changed bundle never meets an
 * old cache. A cache changes how fast the code starts, never what it does: V8 rejects one made by
 * another V8, with other flags or for a source of another length, and the file carries the
 * SHA-256 of its bytes, so a damaged one is not handed to V8 at all.
 *
 * A code cache is code. It is read and written only in the user's own cache folder, and on
 * POSIX only where that folder and every folder above it up to the cache root belong to the user
 * and nobody else can write to them; anywhere else the bundle is compiled without one. Only
 * public Node APIs are used (vm.Script, module.createRequire); nothing of Node's loader is patched.
 */
import { isAscii } from 'node:buffer';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

/** Where the caches live, or undefined when they are switched off (BULLETIN_CODE_CACHE=off). */
export function codeCacheRoot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (/^(off|0|false|no)$/i.test(env.BULLETIN_CODE_CACHE ?? '')) return undefined;
  let base: string | undefined;
  if (platform === 'win32') base = env.LOCALAPPDATA;
  else if (platform === 'darwin') base = path.join(os.homedir(), 'Library', 'Caches');
  else base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return base ? path.join(base, 'bulletin', 'code-cache') : undefined;
}

/** The folder for this Node (V8 accepts only caches of its own version), made private; undefined where it cannot be trusted. */
function privateFolder(root: string): string | undefined {
  const dir = path.join(root, `${process.version}-${process.arch}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (typeof process.getuid !== 'function') return dir;
    const uid = process.getuid();
    // From the cache root (~/.cache) down: each the user's own and writable by nobody else.
    const base = path.dirname(path.dirname(root));
    for (let at = dir; ; at = path.dirname(at)) {
      const st = fs.lstatSync(at);
      if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o022) !== 0) return undefined;
      if (at === base || at === path.dirname(at)) break;
    }
    return dir;
  } catch {
    return undefined;
  }
}

const HASH_BYTES = 32;
const sha256 = (b: Uint8Array): Buffer => crypto.createHash('sha256').update(b).digest();

/** A cache file's payload, when the file is whole (its first 32 bytes are the SHA-256 of the rest). */
function readCache(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= HASH_BYTES) return undefined;
  const payload = bytes.subarray(HASH_BYTES);
  return sha256(payload).equals(bytes.subarray(0, HASH_BYTES)) ? payload : undefined;
}

/** Written under a temporary name and renamed: a reader sees the old file or the new one, whole. */
function writeCache(file: string, payload: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([sha256(payload), payload]), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing more to do: the folder refuses writes.
    }
  }
}

/** Other bundles' caches for the same command kept beside the new one: another install in use (a series' tools/) keeps its own. */
const KEEP_OTHERS = 3;

/** The oldest caches of other versions of the bundle, for the same command, are removed when a new one is written. */
function pruneOthers(dir: string, prefix: string, keep: string): void {
  try {
    const others = fs
      .readdirSync(dir)
      .filter((name) => name.startsWith(prefix) && name.endsWith('.v8') && name !== keep)
      .map((name) => ({ name, mtime: fs.statSync(path.join(dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const { name } of others.slice(KEEP_OTHERS)) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // Another run may be pruning the same folder.
  }
}

export interface LoadedBundle<T> {
  exports: T;
  /** What became of the cache: none (switched off or no trusted folder), used, or to be written at exit. */
  cache: 'off' | 'used' | 'missing' | 'rejected';
  /** Makes and writes the cache now, where it was missing or rejected (otherwise done at exit). */
  save(): void;
}

/**
 * Runs a CommonJS bundle with the code cache of `tag` (the command). Without a usable cache
 * folder it is compiled as Node would compile it.
 */
export function loadBundle<T>(file: string, tag: string, root: string | undefined = codeCacheRoot()): LoadedBundle<T> {
  const bytes = fs.readFileSync(file);
  // scripts/bundle.mjs writes ASCII only: read as Latin-1, V8 keeps it one byte a character.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const dir = root === undefined ? undefined : privateFolder(root);
  const safeTag = /^[a-z][a-z-]{0,30}$/.test(tag) ? tag : 'other';
  const prefix = `${path.basename(file)}.${safeTag}.`;
  const name = `${prefix}${sha256(bytes).toString('hex').slice(0, 32)}.v8`;
  const cacheFile = dir === undefined ? undefined : path.join(dir, name);
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const cache = cacheFile === undefined ? 'off' : cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  let saved = cache === 'off' || cache === 'used';
  const save = (): void => {
    if (saved || dir === undefined || cacheFile === undefined) return;
    saved = true;
    // A cache that cannot be made or written is no cache: the command's result stands.
    let data: Buffer;
    try {
      data = script.createCachedData();
    } catch {
      return;
    }
    writeCache(cacheFile, data);
    pruneOthers(dir, prefix, name);
  };
  // At exit every function the command ran is compiled, and goes into the cache.
  if (!saved) process.once('exit', save);
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (...a: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, cache, save };
}

/** The command a command line runs, as the cache's tag: the first argument that is not an option. */
export function commandOf(argv: readonly string[]): string {
  return argv.slice(2).find((a) => !a.startsWith('-')) ?? 'help';
}
