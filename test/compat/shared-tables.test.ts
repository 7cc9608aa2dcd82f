/**
 * Fonts over the same bytes share their decoded tables (src/compat/fontkit/shared-tables.ts):
 * pdfkit's font reuses what the app's font decoded, and documents rendered one after another
 * reuse the CFF table, while each font keeps its own glyph objects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontkit, openFace } from '../../src/fonts/fontkit.js';
import { FONTS_DIR } from '../../src/paths.js';

describe('shared font tables', () => {
  it('decodes a table once for every font over the same buffer', () => {
    const bytes = fs.readFileSync(path.join(FONTS_DIR, 'FandolFang-Regular.otf'));
    const app = openFace(bytes) as any; // installs the sharing, as the app's first face does
    expect(app.unitsPerEm).toBeGreaterThan(0);
    const pdfkitFont = fontkit().create(bytes) as any;
    // Identity checked as booleans: a failing toBe would print these huge objects.
    expect(pdfkitFont.head === app.head).toBe(true);
    expect(pdfkitFont['CFF '] === app['CFF ']).toBe(true);
    expect(pdfkitFont.getGlyph(20) === app.getGlyph(20)).toBe(false);
    // Another copy of the bytes is another file as far as the cache knows.
    const copy = fontkit().create(Buffer.from(bytes)) as any;
    expect(copy.head === app.head).toBe(false);
    expect(copy.head.unitsPerEm).toBe(app.head.unitsPerEm);
  });
});
