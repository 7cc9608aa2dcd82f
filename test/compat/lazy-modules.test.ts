/**
 * Modules a library requires as it loads but bulletin rarely or never calls are loaded on
 * first use (src/compat/stand-in.ts): brotli's decoder (fontkit, WOFF2 fonts only),
 * @noble/ciphers' AES (pdfkit, encrypted PDFs only) and linebreak (pdfmake and pdfkit, text
 * they wrap: bulletin's lines come set). Each stand-in is loaded in place of the module, and
 * behaves as the module once called.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fontkit, openFace } from '../../src/fonts/fontkit.js';
import { openFontFile } from '../../src/fonts/font-file.js';
import { FONTS_DIR } from '../../src/paths.js';
import { loadPdfmake, runPdfmake } from '../../src/render/pdf/pdfmake-run.js';

const require = createRequire(import.meta.url);
const fontkitRequire = createRequire(require.resolve('fontkit'));
const decompressPath = fontkitRequire.resolve('brotli/decompress.js');
const dictionaryPath = path.join(path.dirname(decompressPath), 'dec', 'dictionary.js');
const pdfkitRequire = createRequire(createRequire(require.resolve('pdfmake')).resolve('pdfkit'));
const aesPath = pdfkitRequire.resolve('@noble/ciphers/aes');
const linebreakPath = pdfkitRequire.resolve('linebreak');

describe('brotli loaded on first use', () => {
  it('is not loaded by loading fontkit and opening the shipped fonts', () => {
    fontkit();
    const file = path.join(FONTS_DIR, 'FandolSong-Regular.otf');
    expect(openFace(openFontFile(file, { shown: file, maxBytes: 1 << 30 }))?.unitsPerEm).toBe(1000);
    expect(require.cache[decompressPath]?.loaded).toBe(true);
    expect(require.cache[dictionaryPath]).toBeUndefined();
  });

  it('decodes on the first call, as brotli/decompress.js does', () => {
    const decompress = require.cache[decompressPath]!.exports as (b: Uint8Array, n?: number) => Uint8Array;
    const data = Buffer.from('江西省高校与县域基础教育协同提质行动 工作动态 '.repeat(200));
    const packed = zlib.brotliCompressSync(data);
    expect(Buffer.from(decompress(packed, data.length)).equals(data)).toBe(true);
    expect(Buffer.from(decompress(packed)).equals(data)).toBe(true);
    expect(require.cache[dictionaryPath]).toBeDefined();
  });
});

describe('AES loaded on first use', () => {
  it('is not loaded with pdfmake, and encrypts as @noble/ciphers does once used', async () => {
    await loadPdfmake();
    const standIn = require.cache[aesPath]!.exports as Record<string, any>;
    const key = new Uint8Array(16).fill(7);
    const iv = new Uint8Array(16).fill(3);
    const data = new TextEncoder().encode('工作动态 第10期');
    // Node's own AES is the oracle: the same key, IV and PKCS#7 padding.
    const cipher = crypto.createCipheriv('aes-128-cbc', key, iv);
    const expected = Buffer.concat([cipher.update(data), cipher.final()]);
    expect(require.cache[aesPath]!.exports).toBe(standIn);
    expect(Buffer.from(standIn.cbc(key, iv).encrypt(data)).equals(expected)).toBe(true);
    expect(typeof standIn.ecb).toBe('function');
  });
});

describe('linebreak loaded on first use', () => {
  it('is not loaded by drawing a PDF of set lines, and breaks as UAX #14 says once constructed', async () => {
    await loadPdfmake();
    const standIn = require.cache[linebreakPath]!.exports as new (text: string) => { nextBreak(): { position: number } | null };
    const line = (x: number, y: number, pieces: string[]) => ({
      text: pieces.map((text, i) => ({ text, noWrap: true, ...(i < pieces.length - 1 ? { noNewLine: true } : {}) })),
      absolutePosition: { x, y },
    });
    const file = path.join(FONTS_DIR, 'FandolFang-Regular.otf');
    const pdf = await runPdfmake(
      { defaultStyle: { font: 'fang' }, content: [line(72, 72, ['正文 ', '一']), line(72, 100, ['二'])] } as never,
      [{ id: 'lazy-modules-fang', key: 'fang', file, buffer: fs.readFileSync(file) }],
      new Set(),
    );
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(require.cache[linebreakPath]!.exports).toBe(standIn);
    // Ideographs break between any two (ID × ID), a space before what follows it (SP ÷).
    const breaker = new standIn('江西 高校');
    const positions: number[] = [];
    for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) positions.push(b.position);
    expect(positions).toEqual([1, 3, 4, 5]);
    expect(require.cache[linebreakPath]!.exports).not.toBe(standIn);
  });
});
