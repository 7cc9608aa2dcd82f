/**
 * The subroutine scan that replaces drawing glyphs in fontkit's CFF subsetter: for every
 * glyph of every shipped font it finds exactly the subroutines fontkit's path builder finds,
 * and a subset made with it has the same bytes as fontkit's own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSubrs, type CffTable } from '../../src/compat/fontkit/cff-subrs.js';
import { installCffSubsetScan } from '../../src/compat/fontkit/cff-subset.js';
import { fontkit } from '../../src/fonts/fontkit.js';
import { FONTS_DIR } from '../../src/paths.js';

const shipped = fs.readdirSync(FONTS_DIR).filter((f) => /\.(otf|ttf)$/i.test(f));

function open(file: string): any {
  return fontkit().create(fs.readFileSync(path.join(FONTS_DIR, file)));
}

const sorted = (xs: Iterable<string | number>): number[] => [...xs].map(Number).sort((a, b) => a - b);

describe('CFF subroutine scan', () => {
  it('ships CFF fonts to check', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(5);
    for (const f of shipped) expect(open(f)['CFF '], f).toBeTruthy();
  });

  for (const file of shipped) {
    it(`finds the subroutines glyph.path finds, for every glyph of ${file}`, { timeout: 120_000 }, () => {
      const font = open(file);
      const cff = font['CFF '] as CffTable;
      const differing: number[] = [];
      let declined = 0;
      for (let gid = 0; gid < font.numGlyphs; gid++) {
        const scanned = scanSubrs(cff, gid);
        if (!scanned) {
          declined++;
          continue;
        }
        const glyph = font.getGlyph(gid);
        void glyph.path;
        const same =
          JSON.stringify(sorted(scanned.gsubrs)) === JSON.stringify(sorted(Object.keys(glyph._usedGsubrs))) &&
          JSON.stringify(sorted(scanned.subrs)) === JSON.stringify(sorted(Object.keys(glyph._usedSubrs)));
        if (!same) differing.push(gid);
      }
      expect(differing).toEqual([]);
      // The scan must really serve these fonts, not hand every glyph back to fontkit.
      expect(declined).toBe(0);
      expect(font.numGlyphs).toBeGreaterThan(100);
    });
  }

  it('makes a subset with the same bytes as fontkit’s own subsetter', () => {
    const text = '江西省高校与县域基础教育协同提质行动工作动态第9期，“一校一策”（2024年5月20日）ABC abc 123';
    const subsetBytes = (font: any): Buffer => {
      const subset = font.createSubset();
      for (const ch of text) subset.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0)!).id);
      return Buffer.from(subset.encode());
    };
    const before = shipped.map((f) => subsetBytes(open(f)));
    const probe = open(shipped[0]!);
    const proto = Object.getPrototypeOf(probe.createSubset());
    const original = proto.subsetCharstrings;
    installCffSubsetScan(probe);
    expect(proto.subsetCharstrings).not.toBe(original);
    const after = shipped.map((f) => subsetBytes(open(f)));
    for (let i = 0; i < shipped.length; i++) expect(after[i]!.equals(before[i]!), shipped[i]).toBe(true);
    // encode skips decoding the charset it overwrites, and leaves the font's own readable.
    const font = open(shipped[0]!);
    subsetBytes(font);
    const charset = font['CFF '].topDict.charset;
    expect(charset === null).toBe(false);
    expect(charset.ranges.length).toBeGreaterThan(0);
  });
});
