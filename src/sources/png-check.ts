/**
 * A PNG decoded far enough to know every renderer will read it as the picture it is: the
 * chunks and their CRCs, the header's combination of colour type and bit depth, a palette
 * where one is needed, image data that inflates to exactly the bytes the size calls for (every
 * interlace pass counted), a valid filter byte on every row, and palette indices inside the
 * palette. What passed the old check (chunks present, data inflates) could still carry a bad
 * filter byte, too little data for its size, no palette for a palette image or a broken
 * interlaced pass: pdfkit then embedded garbage with exit 0 or died with a stack trace, after
 * the checks had passed. Each problem comes back as words for the clerk.
 */
import zlib from 'node:zlib';

/** Decoded size limit: 8000 × 8000 RGBA. Larger would take pdfkit's decoder gigabytes. */
export const MAX_PNG_RAW_BYTES = 256 * 1024 * 1024;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Bit depths allowed for each colour type, and its samples per pixel. */
const COLOUR_TYPES: Record<number, { depths: number[]; samples: number }> = {
  0: { depths: [1, 2, 4, 8, 16], samples: 1 },
  2: { depths: [8, 16], samples: 3 },
  3: { depths: [1, 2, 4, 8], samples: 1 },
  4: { depths: [8, 16], samples: 2 },
  6: { depths: [8, 16], samples: 4 },
};

/** Adam7: x start, y start, x step, y step of each pass. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

const CRITICAL = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);

/** Why the PNG cannot be used (Chinese, without the file's name), or undefined when it can. */
export function pngProblem(b: Buffer): string | undefined {
  if (b.length < 8 || !b.subarray(0, 8).equals(SIGNATURE)) return '不是完整的 PNG 文件';
  let at = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  let palette = 0;
  const idat: Buffer[] = [];
  let idatEnded = false;
  let ended = false;
  while (at < b.length) {
    if (at + 12 > b.length) return '文件不完整（最后一段数据被截断了）';
    const len = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (len > 0x7fffffff || at + 12 + len > b.length) return '文件不完整（数据块被截断了）';
    if (!/^[A-Za-z]{4}$/.test(type)) return '数据块的名称不对，文件已损坏';
    const data = b.subarray(at + 8, at + 8 + len);
    if (CRITICAL.has(type) && zlib.crc32(b.subarray(at + 4, at + 8 + len)) !== b.readUInt32BE(at + 8 + len)) {
      return `${type} 数据块的校验值不符，文件已损坏`;
    }
    if (!header && type !== 'IHDR') return '开头缺少 IHDR（图像头），文件已损坏';
    if (idat.length && type !== 'IDAT') idatEnded = true;
    switch (type) {
      case 'IHDR': {
        if (header || len !== 13) return 'IHDR（图像头）不对，文件已损坏';
        header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8]!, colour: data[9]!, interlace: data[12]! };
        const ct = COLOUR_TYPES[header.colour];
        if (!header.width || !header.height || header.width > 0x7fffffff || header.height > 0x7fffffff)
          return '图像的宽或高不对，文件已损坏';
        if (!ct || !ct.depths.includes(header.depth) || data[10] !== 0 || data[11] !== 0 || header.interlace > 1)
          return '图像头中的颜色类型、位深或压缩方式不对，文件已损坏';
        break;
      }
      case 'PLTE':
        if (idat.length || palette) return '调色板（PLTE）的位置不对，文件已损坏';
        if (len === 0 || len % 3 !== 0 || len / 3 > 256) return '调色板（PLTE）的长度不对，文件已损坏';
        if (header!.colour === 0 || header!.colour === 4) return '灰度图里不应有调色板（PLTE），文件已损坏';
        palette = len / 3;
        if (header!.colour === 3 && palette > 2 ** header!.depth) return '调色板（PLTE）的颜色比位深允许的多，文件已损坏';
        break;
      case 'tRNS': {
        const c = header!.colour;
        if (idat.length) return '透明度（tRNS）的位置不对，文件已损坏';
        if ((c === 0 && len !== 2) || (c === 2 && len !== 6) || (c === 3 && (!palette || len > palette)) || c === 4 || c === 6) {
          return '透明度（tRNS）数据不对，文件已损坏';
        }
        break;
      }
      case 'IDAT':
        if (idatEnded) return '图像数据（IDAT）不连续，文件已损坏';
        idat.push(data);
        break;
      case 'IEND':
        ended = true;
        break;
    }
    at += 12 + len;
    if (ended) break;
  }
  if (!header) return '缺少 IHDR（图像头），文件已损坏';
  if (!ended) return '缺少结尾（IEND），文件不完整（可能没有下载或复制完）';
  if (!idat.length) return '没有图像数据（IDAT），文件已损坏';
  if (header.colour === 3 && !palette) return '这是调色板图像，却没有调色板（PLTE），文件已损坏';

  const bitsPerPixel = COLOUR_TYPES[header.colour]!.samples * header.depth;
  const passes = header.interlace
    ? ADAM7.map(([x0, y0, dx, dy]) => ({ w: Math.ceil((header!.width - x0) / dx), h: Math.ceil((header!.height - y0) / dy) })).filter(
        (p) => p.w > 0 && p.h > 0,
      )
    : [{ w: header.width, h: header.height }];
  const rows = passes.map((p) => ({ ...p, bytes: Math.ceil((p.w * bitsPerPixel) / 8) }));
  const expected = rows.reduce((sum, p) => sum + p.h * (1 + p.bytes), 0);
  if (expected > MAX_PNG_RAW_BYTES) return `图像有 ${header.width}×${header.height} 像素，太大了（简报里的图片几百万像素就足够清楚）`;

  let raw: Buffer;
  try {
    raw = zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return '图像数据比图像尺寸需要的多，文件已损坏';
    return '图像数据无法解压，文件已损坏或不完整';
  }
  if (raw.length < expected) return `图像数据不完整：${header.width}×${header.height} 像素需要的数据只有一部分（文件可能没有下载或复制完）`;
  if (raw.length > expected) return '图像数据比图像尺寸需要的多，文件已损坏';

  // Every row starts with its filter type (0–4); a palette image's indices must be in its palette.
  const unit = Math.max(1, bitsPerPixel >> 3);
  let offset = 0;
  for (const [pass, p] of rows.entries()) {
    let prev: Buffer | undefined;
    for (let y = 0; y < p.h; y++) {
      const filter = raw[offset]!;
      if (filter > 4)
        return `${header.interlace ? `隔行扫描第 ${pass + 1} 遍的` : ''}第 ${y + 1} 行图像数据的滤波方式（${filter}）不存在，文件已损坏`;
      const row = raw.subarray(offset + 1, offset + 1 + p.bytes);
      offset += 1 + p.bytes;
      if (header.colour !== 3) continue;
      const line = unfilter(filter, row, prev, unit);
      if (!indicesInPalette(line, p.w, header.depth, palette)) return '图像中用到了调色板里没有的颜色，文件已损坏';
      prev = line;
    }
  }
  return undefined;
}

/** One row with its filter undone (PNG §9.2), a new buffer. */
function unfilter(filter: number, row: Buffer, prev: Buffer | undefined, unit: number): Buffer {
  const out = Buffer.alloc(row.length);
  for (let i = 0; i < row.length; i++) {
    const a = i >= unit ? out[i - unit]! : 0;
    const up = prev ? prev[i]! : 0;
    const c = prev && i >= unit ? prev[i - unit]! : 0;
    let v = row[i]!;
    if (filter === 1) v += a;
    else if (filter === 2) v += up;
    else if (filter === 3) v += (a + up) >> 1;
    else if (filter === 4) {
      const p = a + up - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - c);
      v += pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
    }
    out[i] = v & 0xff;
  }
  return out;
}

function indicesInPalette(line: Buffer, width: number, depth: number, palette: number): boolean {
  if (palette >= 2 ** depth) return true;
  const perByte = 8 / depth;
  const mask = (1 << depth) - 1;
  for (let x = 0; x < width; x++) {
    const byte = line[Math.floor(x / perByte)]!;
    const index = depth === 8 ? byte : (byte >> (8 - depth * ((x % perByte) + 1))) & mask;
    if (index >= palette) return false;
  }
  return true;
}
