/**
 * A font file read as it is used (src/fonts/font-file.ts): the glyph outlines fontkit and pdfkit
 * reach are the file's own bytes, so a subset and a drawn glyph come out as they do from the whole
 * file read at once — the oracle here is fontkit over the bytes fs.readFileSync gives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureFontBytes, openFontFile } from '../../src/fonts/font-file.js';
import { fontkit, openFace } from '../../src/fonts/fontkit.js';
import { FONTS_DIR } from '../../src/paths.js';
import { FileRefused } from '../../src/sources/user-file.js';

const limit = (file: string) => ({ shown: path.basename(file), maxBytes: 512 << 20, what: '字体文件' });
const shipped = fs
  .readdirSync(FONTS_DIR)
  .filter((f) => /\.(otf|ttf|ttc)$/.test(f))
  .map((f) => path.join(FONTS_DIR, f));

/** Spread-out glyph ids, the same every run. */
function glyphIds(count: number, n: number): number[] {
  const ids = new Set<number>();
  for (let i = 1; ids.size < Math.min(n, count - 1); i++) ids.add(1 + ((i * 7919) % (count - 1)));
  return [...ids];
}

function subsetBytes(font: any, ids: number[]): Buffer {
  const subset = font.createSubset();
  for (const id of ids) subset.includeGlyph(id);
  return Buffer.from(subset.encode());
}

function nonZero(b: Uint8Array): number {
  let n = 0;
  for (const x of b) if (x !== 0) n++;
  return n;
}

describe('a font file read as it is used', () => {
  it.each(shipped.map((f) => [path.basename(f), f]))('%s: subsets and outlines equal those of the whole file', (_name, file) => {
    const whole = fs.readFileSync(file);
    const bytes = openFontFile(file, limit(file));
    expect(bytes.length).toBe(whole.length);
    // Opening reads the tables but not the outlines: most of a CJK font is still unread.
    expect(nonZero(bytes)).toBeLessThan(nonZero(whole) * 0.2);
    const lazy = openFace(bytes) as any; // the app's way: patches installed, tables shared
    const full = fontkit().create(Buffer.from(whole)) as any;
    const ids = glyphIds(full.numGlyphs, 400);
    expect(subsetBytes(lazy, ids).equals(subsetBytes(full, ids))).toBe(true);
    // Drawing a glyph (fontkit reads its charstring number by number) reads it in first.
    for (const id of glyphIds(full.numGlyphs, 2000).slice(400, 420)) {
      expect(lazy.getGlyph(id).path.toSVG()).toBe(full.getGlyph(id).path.toSVG());
    }
    // What was read sits where the file has it.
    ensureFontBytes(bytes, 0, bytes.length);
    expect(bytes.equals(whole)).toBe(true);
  });

  it('reads a font collection (.ttc) face by face the same way', () => {
    const otf = fs.readFileSync(path.join(FONTS_DIR, 'FandolHei-Regular.otf'));
    // One face behind a collection header: every table offset moves by the header's 16 bytes.
    const ttc = Buffer.concat([Buffer.from('ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10', 'latin1'), otf]);
    const n = otf.readUInt16BE(4);
    for (let i = 0; i < n; i++) ttc.writeUInt32BE(ttc.readUInt32BE(16 + 12 + i * 16 + 8) + 16, 16 + 12 + i * 16 + 8);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-ttc-')), 'hei.ttc');
    fs.writeFileSync(file, ttc);
    const bytes = openFontFile(file, limit(file));
    expect(nonZero(bytes)).toBeLessThan(nonZero(ttc) * 0.2);
    const face = openFace(bytes, 'FandolHei-Regular') as any;
    const full = fontkit().create(fs.readFileSync(file), 'FandolHei-Regular') as any;
    const ids = glyphIds(full.numGlyphs, 300);
    expect(subsetBytes(face, ids).equals(subsetBytes(full, ids))).toBe(true);
  });

  it('says so in Chinese, naming the file, when the file gets shorter after it was opened', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-shrink-'));
    const file = path.join(dir, 'FandolFang-Regular.otf');
    fs.copyFileSync(path.join(FONTS_DIR, 'FandolFang-Regular.otf'), file);
    const bytes = openFontFile(file, limit(file));
    fs.truncateSync(file, bytes.length >> 1);
    // A part not read yet (zeros), past the new end.
    let at = Math.floor(bytes.length * 0.75);
    while (nonZero(bytes.subarray(at, at + 1024)) > 0) at += 1024;
    expect(at).toBeLessThan(bytes.length - 1024);
    let err: unknown;
    try {
      ensureFontBytes(bytes, at, at + 1024);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FileRefused);
    expect((err as Error).message).toContain('FandolFang-Regular.otf');
    expect((err as Error).message).toMatch(/变短.*请/);
  });

  it('reads a file that is not an sfnt (WOFF, dfont) whole, as fontkit unpacks it first', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-woff-')), 'x.woff');
    const content = Buffer.concat([Buffer.from('wOFF'), Buffer.alloc(5000, 7)]);
    fs.writeFileSync(file, content);
    expect(openFontFile(file, limit(file)).equals(content)).toBe(true);
  });
});

describe('a font file that changes while bulletin runs (a long preview session)', () => {
  it('lets go of the old version: its descriptor is closed, and reading more of it says the font was replaced', async () => {
    const { Faces } = await import('../../src/fonts/faces.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-fontchange-'));
    const file = path.join(dir, 'body.otf');
    fs.copyFileSync(path.join(FONTS_DIR, 'FandolFang-Regular.otf'), file);
    const resolver = { seriesRoot: dir, resolve: () => ({ file }), fallback: () => ({ file }) } as any;
    const openFds = (): number =>
      fs.readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`) === file;
        } catch {
          return false;
        }
      }).length;
    const first = new Faces(resolver, () => undefined).role('body') as any;
    expect(openFds()).toBe(1);
    // A new version of the file: another size, another mtime.
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(path.join(FONTS_DIR, 'FandolFang-Regular.otf')), Buffer.alloc(16)]));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const second = new Faces(resolver, () => undefined).role('body') as any;
    expect(second).not.toBe(first);
    // /proc shows the path of the replaced file's inode for the old descriptor until it is closed.
    expect(openFds()).toBe(1);
    let err: unknown;
    try {
      ensureFontBytes(first.buffer, first.buffer.length - 600_000, first.buffer.length - 599_000);
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).toMatch(/body\.otf 在生成过程中被更换了/);
  });
});
