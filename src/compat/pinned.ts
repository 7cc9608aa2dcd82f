/**
 * Library internals are touched only under src/compat/<library>/, each written against one
 * pinned version. Before it touches anything, a compat module checks that the copy of its
 * library that will actually be loaded is that version, and stops the build loudly otherwise:
 * a patch that silently stops applying (or applies to code it was not written for) would
 * change the print without anyone noticing. test/compat/pins.test.ts holds every pin against
 * package.json and package-lock.json, so bumping a library fails a test until its compat
 * module is checked again.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../diagnostics.js';

export interface Pin {
  /** The npm package. */
  name: string;
  version: string;
  /**
   * Chains of require ids that reach the copies this compat module touches, each id required
   * from the file the one before resolved to (pdfkit is the one pdfmake loads).
   */
  chains: string[][];
  /** The folder under src/compat that holds the patches. */
  folder: string;
}

/** Resolutions already made, by the file required from and the id: chains share their first links. */
const resolved = new Map<string, string | undefined>();

function resolveFrom(from: string, id: string): string | undefined {
  const key = `${from}\0${id}`;
  if (!resolved.has(key)) {
    let file: string | undefined;
    try {
      file = createRequire(from).resolve(id);
    } catch {
      file = undefined;
    }
    resolved.set(key, file);
  }
  return resolved.get(key);
}

/** The file `chain`'s last id resolves to, or undefined when it does not resolve. */
export function resolveChain(chain: string[]): string | undefined {
  let file: string | undefined = fileURLToPath(import.meta.url);
  for (const id of chain) {
    file = resolveFrom(file, id);
    if (!file) return undefined;
  }
  return file;
}

/** package.json files read, by folder (null: none there). */
const manifests = new Map<string, { name?: string; version?: string } | null>();

function manifestIn(dir: string): { name?: string; version?: string } | null {
  if (!manifests.has(dir)) {
    const pkg = path.join(dir, 'package.json');
    manifests.set(dir, fs.existsSync(pkg) ? (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string; version?: string }) : null);
  }
  return manifests.get(dir) ?? null;
}

/** The version in the package.json of the package `name` that holds `file`. */
export function versionAt(file: string, name: string): string | undefined {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const json = manifestIn(dir);
    if (json?.name === name) return json.version;
  }
  return undefined;
}

/** Every version of the pinned package that the chains reach; undefined where one does not resolve. */
export function installedVersions(pin: Pin): Array<string | undefined> {
  return pin.chains.map((chain) => {
    const file = resolveChain(chain);
    return file ? versionAt(file, pin.name) : undefined;
  });
}

const checked = new Set<string>();

/** Stops with a Chinese message when a copy of the library is not the pinned version. */
export function requirePinned(pin: Pin, installed: Array<string | undefined> = installedVersions(pin)): void {
  if (checked.has(pin.name)) return;
  const wrong = installed.find((v) => v !== pin.version);
  if (installed.length > 0 && !installed.includes(undefined) && wrong === undefined) {
    checked.add(pin.name);
    return;
  }
  throw new UserError(
    `安装的 ${pin.name} 版本（${wrong ?? '找不到'}）与 bulletin 适配的版本（${pin.version}）不同，没有生成文件。` +
      `请在 bulletin 的文件夹里运行 npm ci，按 package-lock.json 重新安装（src/compat/${pin.folder} 只为 ${pin.version} 写成）`,
  );
}
