/**
 * The plain layout that stands in for fontkit's shaping in pdfkit
 * (src/compat/pdfkit/plain-layout.ts): for every character of every shipped face that it
 * accepts, the same glyphs, positions and advance as pdfkit's own layoutRun over fontkit's
 * layout; and it declines what shaping could change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontkit } from '../../src/fonts/fontkit.js';
import { isPlainCodePoint, isPlainFace, plainRun, type PlainFont } from '../../src/compat/pdfkit/plain-layout.js';
import { FONTS_DIR } from '../../src/paths.js';

const shipped = fs.readdirSync(FONTS_DIR).filter((f) => /\.(otf|ttf)$/i.test(f));
const open = (file: string): any => fontkit().create(fs.readFileSync(path.join(FONTS_DIR, file)));

/** pdfkit 0.19's EmbeddedFont.layoutRun, without features. */
function pdfkitRun(font: any, text: string, scale: number) {
  const run = font.layout(text);
  for (let i = 0; i < run.positions.length; i++) {
    const position = run.positions[i];
    for (const key in position) position[key] *= scale;
    position.advanceWidth = run.glyphs[i].advanceWidth * scale;
  }
  return run;
}

const shape = (run: any) => ({
  glyphs: run.glyphs.map((g: any) => [g.id, ...g.codePoints]),
  positions: run.positions.map((p: any) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth]),
  advanceWidth: run.advanceWidth,
});

describe('plain layout', () => {
  for (const file of shipped) {
    it(`lays out every plain character of ${file} as fontkit does`, { timeout: 120_000 }, () => {
      const shaped = open(file);
      const plain = open(file);
      expect(isPlainFace(plain as PlainFont)).toBe(true);
      const scale = 1000 / plain.unitsPerEm;
      const chars = (plain.characterSet as number[]).filter(isPlainCodePoint).map((cp) => String.fromCodePoint(cp));
      expect(chars.length).toBeGreaterThan(100);
      // Strings of 97 characters with spaces in them, as pdfkit splits text at spaces.
      for (let i = 0; i < chars.length; i += 97) {
        const text = chars.slice(i, i + 97).join('');
        const run = plainRun(plain as PlainFont, text, scale);
        expect(run, text).toBeDefined();
        expect(shape(run), text).toEqual(shape(pdfkitRun(shaped, text, scale)));
      }
      // The same glyph objects, with the same code points, in both fonts' glyph caches.
      for (const gid of Object.keys(shaped._glyphs)) expect(plain._glyphs[gid]?.codePoints, gid).toEqual(shaped._glyphs[gid].codePoints);
    });
  }

  it('declines marks, default-ignorables, variation selectors and scripts with shapers of their own', () => {
    const font = open(shipped.find((f) => f.startsWith('FandolSong-Regular'))!) as PlainFont;
    for (const text of ['e\u0301', '中\u200b文', '中\ufe00', '한국', 'ア\u3099', '\u00ad', 'عربي', 'हिन्दी', '\ud800']) {
      expect(plainRun(font, text, 1), JSON.stringify(text)).toBeUndefined();
    }
    expect(plainRun(font, '江西省 2024年 ABC', 1)).toBeDefined();
  });

  it('declines faces whose tables fontkit would apply by default', () => {
    const font = open(shipped[0]!);
    const withTable = (tag: string): PlainFont =>
      ({
        ...font,
        type: 'TTF',
        directory: { tables: { ...font.directory.tables, [tag]: { offset: 0, length: 0 } } },
        stream: font.stream,
      }) as PlainFont;
    expect(isPlainFace(withTable('kern'))).toBe(false);
    expect(isPlainFace(withTable('morx'))).toBe(false);
    expect(isPlainFace(withTable('GDEF'))).toBe(false);
    // A GPOS whose feature list names 'kern': a hand-made table in a copy of the bytes.
    const bytes = new Uint8Array(64);
    bytes.set([0, 1, 0, 0, 0, 10, 0, 10, 0, 10], 0); // header: version, ScriptList, FeatureList, LookupList
    bytes.set([0, 1, 107, 101, 114, 110, 0, 0], 10); // one feature record: 'kern'
    const kerned = {
      type: 'TTF',
      directory: { tables: { GPOS: { offset: 0, length: 64 } } },
      stream: { buffer: bytes },
      glyphForCodePoint: () => ({ id: 0, advanceWidth: 0, codePoints: [] }),
    };
    expect(isPlainFace(kerned)).toBe(false);
    bytes.set([104, 97, 108, 116], 12); // 'halt' is not applied unless asked for
    expect(isPlainFace({ ...kerned })).toBe(true);
    expect(isPlainFace({ ...kerned, type: 'WOFF' })).toBe(false);
  });
});
