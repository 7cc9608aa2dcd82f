/**
 * The tool as an npm package tarball, made from the running installation: what `npm pack` puts
 * in (package.json, README, LICENSE and the `files` list), under package/, with fixed times so
 * the same installation always gives the same bytes. `bulletin init` copies it into a new
 * series so that the series installs the very tool that made it, offline, without a registry.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { installedManifest } from './installed-manifest.js';

/** npm's own fixed mtime for packed files (1985-10-26T08:15:00Z). */
const MTIME = 499162500;
const IGNORED = new Set(['.git', 'node_modules', '.DS_Store', 'npm-debug.log', '.npmrc']);

function packedFiles(root: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { files?: string[] };
  const out = new Set<string>(['package.json']);
  for (const name of fs.readdirSync(root)) if (/^(readme|license|licence)(\..*)?$/i.test(name)) out.add(name);
  const walk = (rel: string): void => {
    const abs = path.join(root, rel);
    const st = fs.statSync(abs);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(abs).sort()) if (!IGNORED.has(e) && !e.endsWith('.tmp')) walk(path.posix.join(rel, e));
    } else if (st.isFile()) out.add(rel);
  };
  for (const entry of pkg.files ?? []) if (fs.existsSync(path.join(root, entry))) walk(entry);
  return [...out].sort();
}

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mode: number): Buffer {
  const h = Buffer.alloc(512);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
    if (Buffer.byteLength(base) > 100 || Buffer.byteLength(prefix) > 155) throw new Error(`path too long for a tar header: ${name}`);
  }
  h.write(base, 0, 100, 'utf8');
  h.write(octal(mode, 8), 100, 'latin1');
  h.write(octal(0, 8), 108, 'latin1');
  h.write(octal(0, 8), 116, 'latin1');
  h.write(octal(size, 12), 124, 'latin1');
  h.write(octal(MTIME, 12), 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write('0', 156, 'latin1');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7), 148, 'latin1');
  return h;
}

export function packTarball(root: string): Uint8Array {
  const parts: Buffer[] = [];
  for (const rel of packedFiles(root)) {
    const raw = fs.readFileSync(path.join(root, rel));
    const data = rel === 'package.json' ? Buffer.from(installedManifest(raw.toString('utf8'))) : raw;
    const executable = rel.startsWith('bin/');
    parts.push(header(`package/${rel}`, data.length, executable ? 0o755 : 0o644), data);
    const pad = (512 - (data.length % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(1024));
  // Level 1: the fonts, most of the bytes, barely compress; higher levels only cost the clerk seconds.
  return zlib.gzipSync(Buffer.concat(parts), { level: 1 });
}

/** One file of a .tgz package (e.g. package/package.json), or undefined. */
export function readTarEntry(tgz: Uint8Array, name: string): Buffer | undefined {
  const tar = zlib.gunzipSync(tgz);
  for (let at = 0; at + 512 <= tar.length; ) {
    const h = tar.subarray(at, at + 512);
    if (h.every((b) => b === 0)) return undefined;
    const field = (o: number, n: number): string => h.toString('utf8', o, o + n).replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const entry = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    if (entry === name) return Buffer.from(tar.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}
