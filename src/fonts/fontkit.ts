/**
 * fontkit, loaded through `require` on purpose: pdfkit (inside pdfmake) requires the CommonJS
 * build, and importing the ESM build as well would load and initialise fontkit twice (~50 ms
 * of a cold start). Only the few members this project touches are typed.
 */
import { createRequire } from 'node:module';
import { installCffSubsetScan } from './cff-subset-patch.js';

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

let loaded: Fontkit | undefined;

export function fontkit(): Fontkit {
  loaded ??= createRequire(import.meta.url)('fontkit') as Fontkit;
  return loaded;
}

/** One face of a file; `postscriptName` picks a face of a collection (.ttc). */
export function openFace(buffer: Uint8Array, postscriptName?: string): FontkitFont | undefined {
  const f = fontkit().create(buffer, postscriptName);
  const face = 'fonts' in f ? f.fonts[0] : f;
  if (face) installCffSubsetScan(face as unknown as { createSubset(): unknown });
  return face;
}
