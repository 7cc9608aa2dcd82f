/**
 * brotli's decoder loads when fontkit first decodes a WOFF2 font, not when fontkit loads
 * (src/compat/brotli/lazy-decoder.ts): the stand-in is brotli/decompress.js's function, and
 * decodes what Node's own brotli encoder packed.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fontkit, openFace } from '../../src/fonts/fontkit.js';
import { FONTS_DIR } from '../../src/paths.js';
import { openFontFile } from '../../src/fonts/font-file.js';

const require = createRequire(import.meta.url);
const decompressPath = createRequire(require.resolve('fontkit')).resolve('brotli/decompress.js');
const dictionaryPath = path.join(path.dirname(decompressPath), 'dec', 'dictionary.js');

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
