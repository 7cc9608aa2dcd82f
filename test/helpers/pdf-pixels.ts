/**
 * A PDF page as a reader's printer sees it: rasterised by poppler's pdftoppm, the pixels
 * counted. Tests that rasterise declare needs('poppler') (test/helpers/clients.ts, the one skip policy).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Page `page` (from 1) as RGB pixels at `dpi`. */
export function rasterise(pdf: Uint8Array, page: number, dpi: number): { width: number; height: number; rgb: Uint8Array } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-px-'));
  try {
    const file = path.join(work, 'in.pdf');
    fs.writeFileSync(file, pdf);
    const r = spawnSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 256 << 20 });
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
    const buf = r.stdout as Buffer;
    // P6 header: magic, width, height, maxval, each followed by whitespace.
    const head = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'));
    if (!head) throw new Error('pdftoppm wrote no PPM');
    return { width: Number(head[1]), height: Number(head[2]), rgb: new Uint8Array(buf.subarray(head[0].length)) };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Pixels that are red (the masthead's #FF0000 or C0 M80 Y80 K0, anti-aliased edges included). */
export function redPixels(pdf: Uint8Array, page = 1, dpi = 100): number {
  const { rgb } = rasterise(pdf, page, dpi);
  let n = 0;
  for (let i = 0; i + 2 < rgb.length; i += 3) {
    const [r, g, b] = [rgb[i]!, rgb[i + 1]!, rgb[i + 2]!];
    if (r > 150 && r - g > 60 && r - b > 60) n++;
  }
  return n;
}
