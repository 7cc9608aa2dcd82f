/**
 * Every glyph of a PDF where a reader's PDF library puts it: Debian's pdfminer (LTChar), run
 * by the system Python. Positions in points from the page's top-left corner; lines grouped by
 * baseline. A test that reads glyphs declares needs('pdfminer') (test/helpers/clients.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clientPath } from './clients.js';

export interface Glyph {
  ch: string;
  /** Origin (left edge of the advance) and baseline. */
  x: number;
  y: number;
  /** Advance width as drawn, and the glyph's size. */
  width: number;
  size: number;
  font: string;
}

export interface GlyphLine {
  y: number;
  glyphs: Glyph[];
  text: string;
}

export interface GlyphPage {
  number: number;
  lines: GlyphLine[];
}

/** The python that has pdfminer (test/helpers/clients.ts); tests that read glyphs declare `needs('pdfminer')`. */
const PYTHON = clientPath('pdfminer') ?? '/usr/bin/python3';

const SCRIPT = String.raw`
import json, sys
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer
out = []
for n, page in enumerate(extract_pages(sys.argv[1], laparams=None), 1):
    h = page.height
    chars = []
    def walk(o):
        if isinstance(o, LTChar):
            m = o.matrix
            chars.append({"ch": o.get_text(), "x": m[4], "y": h - m[5], "width": o.adv, "size": o.size, "font": o.fontname})
        elif isinstance(o, LTContainer):
            for c in o:
                walk(c)
    walk(page)
    out.append(chars)
print(json.dumps(out, ensure_ascii=False))
`;

export function readGlyphs(bytes: Uint8Array): GlyphPage[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-glyphs-'));
  try {
    const file = path.join(dir, 'x.pdf');
    fs.writeFileSync(file, bytes);
    const r = spawnSync(PYTHON, ['-c', SCRIPT, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`pdfminer failed: ${r.stderr}`);
    const pages = JSON.parse(r.stdout) as Glyph[][];
    return pages.map((glyphs, i) => ({ number: i + 1, lines: linesOf(glyphs) }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function linesOf(glyphs: Glyph[]): GlyphLine[] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: GlyphLine[] = [];
  for (const g of sorted) {
    const line = lines.find((l) => Math.abs(l.y - g.y) < 0.5);
    if (line) line.glyphs.push(g);
    else lines.push({ y: g.y, glyphs: [g], text: '' });
  }
  for (const l of lines) {
    l.glyphs.sort((a, b) => a.x - b.x);
    l.text = l.glyphs.map((g) => g.ch).join('');
  }
  return lines.sort((a, b) => a.y - b.y);
}
