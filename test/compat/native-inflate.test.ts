/**
 * zlib standing in for tiny-inflate (src/compat/tiny-inflate/native-inflate.ts): the same
 * bytes as tiny-inflate for every case of its contract, and installed where fontkit's Unicode
 * tables load it.
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fontkit } from '../../src/fonts/fontkit.js';
import { inflateInto } from '../../src/compat/tiny-inflate/native-inflate.js';

const require = createRequire(import.meta.url);
const tinyInflatePath = createRequire(require.resolve('fontkit')).resolve('tiny-inflate');

/** tiny-inflate itself, compiled afresh (the module cache holds the stand-in). */
function tinyInflate(): (source: Uint8Array, dest: Uint8Array) => Uint8Array {
  const m = new Module(tinyInflatePath) as Module & { _compile(code: string, file: string): void };
  m._compile(fs.readFileSync(tinyInflatePath, 'utf8'), tinyInflatePath);
  return m.exports as (source: Uint8Array, dest: Uint8Array) => Uint8Array;
}

describe('native inflate', () => {
  it('gives what tiny-inflate gives, for exact, larger and smaller destinations', () => {
    const original = tinyInflate();
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (const size of [0, 1, 100, 5000, 70000]) {
      // Half repetitive, half random, so that both kinds of DEFLATE block occur.
      const data = Uint8Array.from({ length: size }, (_, i) => (i % 2 ? random() : i % 7));
      for (const level of [0, 1, 9]) {
        const packed = zlib.deflateRawSync(data, { level });
        for (const room of [size, size + 10, Math.max(0, size - 5)]) {
          const a = original(packed, new Uint8Array(room));
          const b = inflateInto(packed, new Uint8Array(room));
          expect(Buffer.from(b).equals(Buffer.from(a)), `${size}/${level}/${room}`).toBe(true);
          expect(b.length).toBe(a.length);
        }
      }
    }
  });

  it('is what fontkit and its Unicode tables load once the app has loaded fontkit', () => {
    fontkit();
    expect(require.cache[tinyInflatePath]?.exports).toBe(inflateInto);
  });
});
