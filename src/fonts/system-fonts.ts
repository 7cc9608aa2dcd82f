/**
 * Finds installed fonts by family name (仿宋_GB2312, 黑体, FangSong…) in the usual font folders
 * of Windows, macOS and Linux. Scanning runs only when a configured candidate is a family
 * name, once per process; the names read from each file are kept in a small cache file keyed
 * by path, size and modification time, so later runs only stat the files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDir } from '../output/ensure-dir.js';
import { readFaceNames, type FaceNames } from './sfnt-names.js';

export interface InstalledFace {
  file: string;
  /** Selects the face inside a collection (.ttc); undefined for single-face files. */
  postscriptName?: string;
  names: FaceNames;
}

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;
const CACHE_VERSION = 1;

/** The font folders of this platform, existing or not. */
export function systemFontDirs(platform: NodeJS.Platform = process.platform, env = process.env): string[] {
  const home = os.homedir();
  if (platform === 'win32') {
    const windir = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const local = env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local');
    return [path.join(windir, 'Fonts'), path.join(local, 'Microsoft', 'Windows', 'Fonts')];
  }
  if (platform === 'darwin') {
    return ['/Library/Fonts', path.join(home, 'Library', 'Fonts'), '/System/Library/Fonts'];
  }
  const dataHome = env.XDG_DATA_HOME ?? path.join(home, '.local', 'share');
  return ['/usr/share/fonts', '/usr/local/share/fonts', path.join(home, '.fonts'), path.join(dataHome, 'fonts')];
}

function defaultCacheFile(env = process.env): string {
  const base =
    process.platform === 'win32'
      ? (env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? path.join(os.homedir(), 'Library', 'Caches')
        : (env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'));
  return path.join(base, 'bulletin', 'font-names.json');
}

function listFontFiles(dir: string, out: string[], depth = 0): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && depth < 8) listFontFiles(p, out, depth + 1);
    else if ((e.isFile() || e.isSymbolicLink()) && FONT_FILE.test(e.name)) out.push(p);
  }
}

interface CacheEntry {
  size: number;
  mtimeMs: number;
  faces: FaceNames[];
}

interface CacheFile {
  version: number;
  files: Record<string, CacheEntry>;
}

function readCache(file: string | null): CacheFile {
  if (file) {
    try {
      const c = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
      if (c.version === CACHE_VERSION && c.files) return c;
    } catch {
      // A missing or damaged cache only costs a rescan.
    }
  }
  return { version: CACHE_VERSION, files: {} };
}

function writeCache(file: string | null, cache: CacheFile): void {
  if (!file) return;
  try {
    ensureDir(path.dirname(file));
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(cache));
    fs.renameSync(tmp, file);
  } catch {
    // Read-only home folders are fine: the lookup still works, only slower next time.
  }
}

/** Lower case, no spaces, hyphens or underscores: 仿宋_GB2312 = 仿宋 GB2312, SimHei = simhei. */
export function normaliseFamily(name: string): string {
  return name.toLowerCase().replace(/[\s_\-]+/g, '');
}

const REGULAR = new Set(['regular', 'normal', 'book', 'roman', 'medium', '常规', '標準', '标准', 'standard']);

export interface FontIndexOptions {
  dirs?: string[];
  /** Cache file, or null for none. */
  cacheFile?: string | null;
}

/** Installed faces by normalised family and full name, built on first use. */
export class SystemFontIndex {
  private byName: Map<string, InstalledFace[]> | undefined;
  constructor(private readonly options: FontIndexOptions = {}) {}

  private build(): Map<string, InstalledFace[]> {
    const dirs = this.options.dirs ?? systemFontDirs();
    const cacheFile = this.options.cacheFile === undefined ? defaultCacheFile() : this.options.cacheFile;
    const cache = readCache(cacheFile);
    const files: string[] = [];
    for (const d of dirs) listFontFiles(d, files);
    files.sort();
    const next: CacheFile = { version: CACHE_VERSION, files: {} };
    let changed = false;
    const map = new Map<string, InstalledFace[]>();
    for (const file of files) {
      let st: fs.Stats;
      try {
        st = fs.statSync(file);
      } catch {
        continue;
      }
      let entry = cache.files[file];
      if (!entry || entry.size !== st.size || entry.mtimeMs !== st.mtimeMs) {
        let faces: FaceNames[] = [];
        try {
          faces = readFaceNames(file);
        } catch {
          // Not a font after all, or unreadable: skip it.
        }
        entry = { size: st.size, mtimeMs: st.mtimeMs, faces };
        changed = true;
      }
      next.files[file] = entry;
      const collection = entry.faces.length > 1;
      for (const names of entry.faces) {
        const face: InstalledFace = { file, postscriptName: collection ? names.postscriptName : undefined, names };
        for (const n of new Set([...names.families, ...names.fullNames, names.postscriptName].map(normaliseFamily))) {
          if (!n) continue;
          const list = map.get(n) ?? [];
          list.push(face);
          map.set(n, list);
        }
      }
    }
    if (changed || Object.keys(cache.files).length !== files.length) writeCache(cacheFile, next);
    return map;
  }

  /** The regular face of a family (or the face of that full name), if installed. */
  find(family: string): InstalledFace | undefined {
    this.byName ??= this.build();
    const faces = this.byName.get(normaliseFamily(family));
    if (!faces?.length) return undefined;
    return faces.find((f) => f.names.styles.some((s) => REGULAR.has(s.toLowerCase()))) ?? faces[0];
  }
}
