/**
 * fontkit, loaded through `require` on purpose: pdfkit (inside pdfmake) requires the CommonJS
 * build, and importing the ESM build as well would load and initialise fontkit twice (~50 ms
 * of a cold start). Only the few members this project touches are typed.
 */
import { createRequire } from 'node:module';
import { installCffSubsetScan } from '../compat/fontkit/cff-subset.js';
import { installSharedTables } from '../compat/fontkit/shared-tables.js';
import { installNativeInflate } from '../compat/tiny-inflate/native-inflate.js';
import { installLazyBrotli } from '../compat/brotli/lazy-decoder.js';

export interface FontkitGlyph {
  id: number;
  advanceWidth: number;
}

export interface FontkitFont {
  postscriptName: string;
  familyName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
}

interface FontkitCollection {
  fonts: FontkitFont[];
}

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont | FontkitCollection;
}

/** Whether the sfnt (or every face of a collection) has its table directory and tables within the file. */
export function tablesInside(b: Uint8Array): boolean {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const sfntAt = (at: number): boolean => {
    if (at + 12 > b.length) return false;
    const n = v.getUint16(at + 4);
    if (at + 12 + n * 16 > b.length) return false;
    for (let i = 0; i < n; i++) {
      const rec = at + 12 + i * 16;
      if (v.getUint32(rec + 8) + v.getUint32(rec + 12) > b.length) return false;
    }
    return n > 0;
  };
  if (b.length >= 12 && String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!) === 'ttcf') {
    const count = v.getUint32(8);
    if (12 + count * 4 > b.length || count === 0) return false;
    for (let i = 0; i < count; i++) if (!sfntAt(v.getUint32(12 + i * 4))) return false;
    return true;
  }
  return sfntAt(0);
}

let loaded: Fontkit | undefined;

export function fontkit(): Fontkit {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    installNativeInflate(require);
    installLazyBrotli(require);
    loaded = require('fontkit') as Fontkit;
  }
  return loaded;
}

/** One face of a file; `postscriptName` picks a face of a collection (.ttc). */
export function openFace(buffer: Uint8Array, postscriptName?: string): FontkitFont | undefined {
  // fontkit reads tables lazily: a truncated file opens fine and throws a RangeError deep in
  // the PDF writer. Every table must lie inside the file.
  if (!tablesInside(buffer)) return undefined;
  const f = fontkit().create(buffer, postscriptName);
  const face = 'fonts' in f ? f.fonts[0] : f;
  if (face) {
    installCffSubsetScan(face as unknown as Parameters<typeof installCffSubsetScan>[0]);
    installSharedTables(face);
  }
  return face;
}
