/**
 * PNGs that passed the old integrity check (chunks present, data inflates) but are no picture:
 * a bad filter byte, image data too short for the size, a palette image without its palette,
 * an interlaced image with a broken pass, palette indices outside the palette, a damaged CRC.
 * Each is refused at the item's line with a Chinese message before any renderer sees it; the
 * kinds real files come in (grey, palette with transparency, 16-bit, interlaced RGBA) still
 * print, in their colour, on the PDF page.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRASH, runGuarded } from '../helpers/guarded.js';
import { assertCliBuilt, cleanupTemp, issueYaml, makeSeries, newsItem } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

interface PngSpec {
  width: number;
  height: number;
  depth: number;
  colour: number;
  interlace?: 0 | 1;
  /** One pixel's bytes (or, below 8 bits, the index or grey value), repeated over the image. */
  pixel: number[];
  palette?: number[][];
  trns?: number[];
  /** Filter byte of every row (0 unless set). */
  filter?: (row: number) => number;
}

const SAMPLES: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Scanlines of the spec (every interlace pass), each with its filter byte. */
function scanlines(s: PngSpec): Buffer {
  const bits = SAMPLES[s.colour]! * s.depth;
  const passes = s.interlace
    ? ADAM7.map(([x0, y0, dx, dy]) => [Math.ceil((s.width - x0!) / dx!), Math.ceil((s.height - y0!) / dy!)] as const).filter(
        ([w, h]) => w > 0 && h > 0,
      )
    : [[s.width, s.height] as const];
  const rows: Buffer[] = [];
  let n = 0;
  for (const [w, h] of passes) {
    for (let y = 0; y < h; y++) {
      let row: Buffer;
      if (bits >= 8) row = Buffer.from(Array.from({ length: w }, () => s.pixel).flat());
      else {
        row = Buffer.alloc(Math.ceil((w * bits) / 8));
        const perByte = 8 / bits;
        for (let x = 0; x < w; x++) row[Math.floor(x / perByte)]! |= s.pixel[0]! << (8 - bits * ((x % perByte) + 1));
      }
      rows.push(Buffer.concat([Buffer.from([s.filter?.(n++) ?? 0]), row]));
    }
  }
  return Buffer.concat(rows);
}

function png(s: PngSpec, opts: { data?: Buffer; withoutPalette?: boolean; breakCrc?: string } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s.width, 0);
  ihdr.writeUInt32BE(s.height, 4);
  ihdr[8] = s.depth;
  ihdr[9] = s.colour;
  ihdr[12] = s.interlace ?? 0;
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (s.palette && !opts.withoutPalette) parts.push(chunk('PLTE', Buffer.from(s.palette.flat())));
  if (s.trns) parts.push(chunk('tRNS', Buffer.from(s.trns)));
  const idat = chunk('IDAT', zlib.deflateSync(opts.data ?? scanlines(s)));
  if (opts.breakCrc === 'IDAT') idat[idat.length - 1]! ^= 0xff;
  parts.push(idat, chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/** A colour nothing else on the page has (the masthead is red, the text black). */
const GREEN = [30, 160, 90];
const RGB: PngSpec = { width: 40, height: 30, depth: 8, colour: 2, pixel: GREEN };
const PALETTE: PngSpec = { width: 40, height: 30, depth: 4, colour: 3, pixel: [1], palette: [[255, 255, 255], GREEN] };

function seriesWithImage(bytes: Buffer): string {
  return makeSeries({
    'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
    'issues/001/10.md': newsItem('高校动态', '赣南师范大学召开推进会', '4月18日，学校召开推进会。\n\n![会议现场](images/x.png)'),
    'issues/001/images/x.png': bytes,
  });
}

describe('corrupt PNGs that pass the chunk check are refused at the item, before any renderer', () => {
  const short = scanlines(RGB).subarray(0, 10 * (1 + 40 * 3));
  const interlacedRgba: PngSpec = { width: 33, height: 17, depth: 8, colour: 6, interlace: 1, pixel: [...GREEN, 255] };
  const cases: Array<[string, Buffer, RegExp]> = [
    ['a bad filter byte', png({ ...RGB, filter: (r) => (r === 5 ? 9 : 0) }), /第 6 行图像数据的滤波方式（9）不存在/],
    ['image data too short for the size', png(RGB, { data: short }), /图像数据不完整：40×30 像素需要的数据只有一部分/],
    ['a palette image without its palette', png(PALETTE, { withoutPalette: true }), /这是调色板图像，却没有调色板（PLTE）/],
    [
      'an interlaced image with a broken pass',
      png(interlacedRgba, { data: scanlines({ ...interlacedRgba, interlace: 0 }) }),
      /图像数据比图像尺寸需要的多|图像数据不完整/,
    ],
    [
      'an interlaced image with a bad filter byte in a later pass',
      png({ ...interlacedRgba, filter: (r) => (r === 20 ? 5 : 0) }),
      /隔行扫描第 \d 遍的第 \d+ 行图像数据的滤波方式（5）不存在/,
    ],
    ['palette indices outside the palette', png({ ...PALETTE, pixel: [7] }), /用到了调色板里没有的颜色/],
    ['a damaged image-data CRC', png(RGB, { breakCrc: 'IDAT' }), /IDAT 数据块的校验值不符/],
  ];
  for (const [name, bytes, why] of cases) {
    it(`${name}: build ends with exit 1 at the image's line, nothing written`, () => {
      const dir = seriesWithImage(bytes);
      for (const cmd of [['build'], ['check']]) {
        const r = runGuarded(cmd, dir);
        expect(r.hung).toBe(false);
        expect(r.all).not.toMatch(CRASH);
        expect(r.code, r.all).toBe(1);
        expect(r.all).toMatch(new RegExp(`issues/001/10\\.md:9:1  错误：图片“images/x\\.png”已损坏或不能用：[^\\n]*${why.source}`));
      }
      expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
    });
  }
});

/** Pixels of the first page rendered at 72 dpi (PPM), counted where they are near `rgb`. */
function pagePixelsNear(pdf: string, rgb: number[]): number {
  const out = path.join(path.dirname(pdf), 'page');
  const r = spawnSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', pdf, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftoppm: ${r.stderr || r.error}`);
  const file = fs.readdirSync(path.dirname(pdf)).find((f) => f.startsWith('page') && f.endsWith('.ppm'))!;
  const ppm = fs.readFileSync(path.join(path.dirname(pdf), file));
  // P6 header: magic, width, height, maxval, each followed by whitespace.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.toString('latin1', 0, 40))!;
  const data = ppm.subarray(header[0].length);
  let n = 0;
  for (let i = 0; i + 2 < data.length; i += 3)
    if (Math.abs(data[i]! - rgb[0]!) < 12 && Math.abs(data[i + 1]! - rgb[1]!) < 12 && Math.abs(data[i + 2]! - rgb[2]!) < 12) n++;
  return n;
}

describe('the PNG kinds real files come in still print as themselves', () => {
  const size = { width: 400, height: 300 };
  const kinds: Array<[string, PngSpec]> = [
    ['8-bit RGB', { ...RGB, ...size }],
    ['4-bit palette with transparency', { ...PALETTE, ...size, trns: [0, 255] }],
    ['16-bit RGB', { ...RGB, ...size, depth: 16, pixel: GREEN.flatMap((v) => [v, v]) }],
    ['interlaced RGBA', { ...size, depth: 8, colour: 6, interlace: 1, pixel: [...GREEN, 255] }],
    ['2-bit grey', { ...size, depth: 2, colour: 0, pixel: [1] }],
  ];
  if (spawnSync('pdftoppm', ['-v']).error && process.env.CI) throw new Error('pdftoppm (poppler-utils) is required under CI');
  for (const [name, spec] of kinds) {
    it(`${name}: builds, and the PDF page shows its colour`, () => {
      const dir = seriesWithImage(png(spec));
      const r = runGuarded(['build', '--format', 'pdf'], dir);
      expect(r.code, r.all).toBe(0);
      const colour = spec.colour === 0 ? [85, 85, 85] : GREEN;
      // 400×300 px print some 300×225 pt: tens of thousands of page pixels at 72 dpi in its colour.
      expect(pagePixelsNear(path.join(dir, 'dist', '工作动态第1期.pdf'), colour)).toBeGreaterThan(30000);
    });
  }
});
