/**
 * Reads the naming table of an installed font without loading the whole file: a family-name
 * lookup may have to look at hundreds of system fonts (some 20–60 MB), and fontkit would need
 * each file in memory. Only the table directory and the `name` table are read, a few KB.
 */
import fs from 'node:fs';

/** One face of a font file (a .ttc holds several). */
export interface FaceNames {
  /** Family names in every language the file carries (nameID 1 and 16), e.g. 仿宋, FangSong. */
  families: string[];
  /** Full names (nameID 4), e.g. 方正小标宋简体. */
  fullNames: string[];
  /** Subfamily, e.g. Regular, Bold, 常规 (nameID 2 and 17). */
  styles: string[];
  postscriptName: string;
}

const NAME_FAMILY = 1;
const NAME_STYLE = 2;
const NAME_FULL = 4;
const NAME_POSTSCRIPT = 6;
const NAME_TYPO_FAMILY = 16;
const NAME_TYPO_STYLE = 17;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, position);
  if (n < length) throw new Error('truncated font file');
  return buf;
}

const gbk = new TextDecoder('gbk');

function decodeName(platform: number, encoding: number, raw: Buffer): string | undefined {
  if (platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10))) {
    return raw.length % 2 === 0 ? Buffer.from(raw).swap16().toString('utf16le') : undefined;
  }
  if (platform === 3 && encoding === 3) {
    // Old Chinese Windows fonts store GBK as big-endian 16-bit units with a zero high byte
    // for single-byte characters.
    const bytes: number[] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const [hi = 0, lo = 0] = [raw[i], raw[i + 1]];
      if (hi !== 0) bytes.push(hi);
      bytes.push(lo);
    }
    return gbk.decode(Uint8Array.from(bytes));
  }
  if (platform === 1 && encoding === 25) return gbk.decode(raw);
  if (platform === 1 && encoding === 0) return raw.toString('latin1');
  return undefined;
}

function faceNames(fd: number, offset: number): FaceNames | undefined {
  const head = readAt(fd, offset, 12);
  const numTables = head.readUInt16BE(4);
  const dir = readAt(fd, offset + 12, numTables * 16);
  let nameOffset = -1;
  let nameLength = 0;
  for (let i = 0; i < numTables; i++) {
    if (dir.toString('latin1', i * 16, i * 16 + 4) === 'name') {
      nameOffset = dir.readUInt32BE(i * 16 + 8);
      nameLength = dir.readUInt32BE(i * 16 + 12);
    }
  }
  if (nameOffset < 0) return undefined;
  const table = readAt(fd, nameOffset, nameLength);
  const count = table.readUInt16BE(2);
  const stringOffset = table.readUInt16BE(4);
  const out: FaceNames = { families: [], fullNames: [], styles: [], postscriptName: '' };
  const add = (list: string[], v: string): void => {
    if (v && !list.includes(v)) list.push(v);
  };
  for (let i = 0; i < count; i++) {
    const r = 6 + i * 12;
    if (r + 12 > table.length) break;
    const platform = table.readUInt16BE(r);
    const encoding = table.readUInt16BE(r + 2);
    const nameId = table.readUInt16BE(r + 6);
    const length = table.readUInt16BE(r + 8);
    const start = stringOffset + table.readUInt16BE(r + 10);
    if (start + length > table.length) continue;
    if (![NAME_FAMILY, NAME_STYLE, NAME_FULL, NAME_POSTSCRIPT, NAME_TYPO_FAMILY, NAME_TYPO_STYLE].includes(nameId)) continue;
    const value = decodeName(platform, encoding, table.subarray(start, start + length))
      ?.replace(/\0/g, '')
      .trim();
    if (!value) continue;
    if (nameId === NAME_FAMILY || nameId === NAME_TYPO_FAMILY) add(out.families, value);
    else if (nameId === NAME_FULL) add(out.fullNames, value);
    else if (nameId === NAME_STYLE || nameId === NAME_TYPO_STYLE) add(out.styles, value);
    else if (nameId === NAME_POSTSCRIPT && !out.postscriptName) out.postscriptName = value;
  }
  return out;
}

/** The names of every face in a font file; throws on files that are not fonts. */
export function readFaceNames(file: string): FaceNames[] {
  const fd = fs.openSync(file, 'r');
  try {
    const head = readAt(fd, 0, 12);
    if (head.toString('latin1', 0, 4) === 'ttcf') {
      const n = head.readUInt32BE(8);
      const offsets = readAt(fd, 12, n * 4);
      const faces: FaceNames[] = [];
      for (let i = 0; i < n; i++) {
        const f = faceNames(fd, offsets.readUInt32BE(i * 4));
        if (f) faces.push(f);
      }
      return faces;
    }
    const f = faceNames(fd, 0);
    return f ? [f] : [];
  } finally {
    fs.closeSync(fd);
  }
}
