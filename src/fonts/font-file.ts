/**
 * A font file read as it is used. A CJK font is 5–20 MB, nearly all of it glyph outlines;
 * coverage and widths need only the small tables, and a PDF embeds the outlines of the
 * characters it prints, a few hundred KB of them. So the file's whole size is allocated (pages
 * never written take no memory), everything but the charstrings of a CFF table is read at once,
 * and a glyph's charstring when the PDF writer or fontkit reaches it (src/compat/fontkit asks
 * through ensureFontBytes). The descriptor stays open while the face is cached. Files that are
 * not sfnt or collections of them (WOFF, WOFF2, dfont), CFF2 and TrueType outlines are read whole.
 */
import fs from 'node:fs';
import { UserError } from '../diagnostics.js';
import { openUserFile, readUserFile, readUserFileAt, type ReadLimit } from '../sources/user-file.js';

/** Granularity of what has been read: a CJK charstring is some 100–300 bytes. */
const BLOCK_BITS = 9;
/** Reads of the parts read at once that lie closer than this are joined into one. */
const JOIN_GAP = 16 * 1024;

const SFNT_TAGS = new Set(['\x00\x01\x00\x00', 'OTTO', 'true', 'typ1']);

/** Font bytes not all read yet, with what reads a range of them in. */
const partly = new WeakMap<Uint8Array, PartlyRead>();

/** Makes [start, end) of font bytes hold the file's bytes (a no-op for bytes read whole). */
export function ensureFontBytes(bytes: Uint8Array, start: number, end: number): void {
  partly.get(bytes)?.ensure(start, end);
}

/** Closes the descriptor of font bytes no longer used; reading more of them is then an error. */
export function closeFontFile(bytes: Uint8Array): void {
  partly.get(bytes)?.close();
}

/** Reads between ranges closer than this are joined into one: one read of a few KB costs less than two. */
const JOIN_SCATTERED = 4096;

/** Makes many ranges [start, end) hold the file's bytes, in few reads (a subset's charstrings). */
export function ensureFontRanges(bytes: Uint8Array, ranges: Array<[number, number]>): void {
  const file = partly.get(bytes);
  if (file) joined(ranges, JOIN_SCATTERED, (start, end) => file.ensure(start, end));
}

/** Calls `read` for the ranges sorted, those closer than `gap` joined. */
function joined(ranges: Array<[number, number]>, gap: number, read: (start: number, end: number) => void): void {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let run: [number, number] | undefined;
  for (const r of sorted) {
    if (run && r[0] <= run[1] + gap) run[1] = Math.max(run[1], r[1]);
    else {
      if (run) read(run[0], run[1]);
      run = [r[0], r[1]];
    }
  }
  if (run) read(run[0], run[1]);
}

class PartlyRead {
  private readonly have: Uint8Array;
  private closed = false;

  constructor(
    private readonly fd: number,
    readonly bytes: Buffer,
    private readonly shown: string,
  ) {
    this.have = new Uint8Array((bytes.length >> BLOCK_BITS) + 1);
  }

  /** Bytes [start, end) hold the file's bytes after this. */
  ensure(start: number, end: number): void {
    const size = this.bytes.length;
    if (end > size) end = size;
    if (start < 0) start = 0;
    if (start >= end) return;
    const have = this.have;
    let b = start >> BLOCK_BITS;
    const last = (end - 1) >> BLOCK_BITS;
    if (have[b] && have[last] && last - b < 2) return;
    while (b <= last) {
      if (have[b]) {
        b++;
        continue;
      }
      let e = b;
      while (e < last && !have[e + 1]) e++;
      this.read(b, e);
      b = e + 1;
    }
  }

  close(): void {
    if (!this.closed) fs.closeSync(this.fd);
    this.closed = true;
  }

  /** Reads blocks first..last (inclusive). */
  read(first: number, last: number): void {
    if (this.closed) throw new UserError(`字体文件 ${this.shown} 在生成过程中被更换了，这次没有生成。请重新生成`);
    const from = first << BLOCK_BITS;
    const to = Math.min((last + 1) << BLOCK_BITS, this.bytes.length);
    readUserFileAt(this.fd, this.bytes, from, to - from, from, this.shown);
    this.have.fill(1, first, last + 1);
  }
}

/** The table records of the sfnt whose directory starts at `at`, or undefined when they lie outside the file. */
function tables(bytes: Buffer, at: number): Array<{ tag: string; offset: number; length: number }> | undefined {
  if (at + 12 > bytes.length) return undefined;
  const n = bytes.readUInt16BE(at + 4);
  if (at + 12 + n * 16 > bytes.length) return undefined;
  const out = [];
  for (let i = 0; i < n; i++) {
    const rec = at + 12 + i * 16;
    out.push({ tag: bytes.toString('latin1', rec, rec + 4), offset: bytes.readUInt32BE(rec + 8), length: bytes.readUInt32BE(rec + 12) });
  }
  return out;
}

/** Where an INDEX at `at` ends and its data begins, reading as needed; undefined when it runs outside `limit`. */
function index(
  file: PartlyRead,
  at: number,
  limit: number,
): { count: number; data: number; end: number; offset(i: number): number } | undefined {
  const b = file.bytes;
  if (at + 2 > limit) return undefined;
  file.ensure(at, at + 3);
  const count = b.readUInt16BE(at);
  if (count === 0) return { count, data: at + 2, end: at + 2, offset: () => 1 };
  const size = b[at + 2]!;
  if (size < 1 || size > 4) return undefined;
  const data = at + 3 + (count + 1) * size;
  if (data > limit) return undefined;
  file.ensure(at + 3, data);
  const offset = (i: number): number => b.readUIntBE(at + 3 + i * size, size);
  const end = data - 1 + offset(count);
  return end > limit || end < data ? undefined : { count, data, end, offset };
}

/** The CharStrings offset (operator 17) of a Top DICT, or undefined. */
function charStringsOffset(b: Buffer, start: number, end: number): number | undefined {
  const operands: number[] = [];
  let pos = start;
  while (pos < end) {
    const b0 = b[pos++]!;
    if (b0 <= 21) {
      const op = b0 === 12 ? 1200 + b[pos++]! : b0;
      if (op === 17) return operands.at(-1);
      operands.length = 0;
    } else if (b0 === 28) {
      operands.push(b.readInt16BE(pos));
      pos += 2;
    } else if (b0 === 29) {
      operands.push(b.readInt32BE(pos));
      pos += 4;
    } else if (b0 === 30) {
      // A real number: nibbles up to the one that ends it.
      while (pos < end && (b[pos]! & 0x0f) !== 0x0f && (b[pos]! & 0xf0) !== 0xf0) pos++;
      pos++;
      operands.push(NaN);
    } else if (b0 >= 32 && b0 <= 246) operands.push(b0 - 139);
    else if (b0 >= 247 && b0 <= 250) operands.push((b0 - 247) * 256 + b[pos++]! + 108);
    else if (b0 >= 251 && b0 <= 254) operands.push(-(b0 - 251) * 256 - b[pos++]! - 108);
    else return undefined;
  }
  return undefined;
}

/**
 * The charstrings' bytes of the CFF table at [at, end): the data of its CharStrings INDEX,
 * some 95% of the table. Undefined for anything but CFF version 1 with one font, or when the
 * structure runs outside the table (then the whole table is read and fontkit judges it).
 */
function charStringData(file: PartlyRead, at: number, end: number): [number, number] | undefined {
  const b = file.bytes;
  if (at + 4 > end) return undefined;
  file.ensure(at, at + 4);
  if (b[at] !== 1) return undefined;
  const names = index(file, at + b[at + 2]!, end);
  const top = names && index(file, names.end, end);
  if (!top || top.count !== 1) return undefined;
  file.ensure(top.data, top.end);
  const offset = charStringsOffset(b, top.data - 1 + top.offset(0), top.data - 1 + top.offset(1));
  if (offset === undefined || !Number.isInteger(offset) || offset <= 0) return undefined;
  const strings = index(file, at + offset, end);
  return strings && strings.count > 0 ? [strings.data, strings.end] : undefined;
}

/**
 * The font file's bytes as fontkit and pdfkit read them: a Buffer of the whole file's size whose
 * CFF charstrings are read in as they are reached. Refused like readUserFile (FileRefused).
 */
export function openFontFile(abs: string, limit: ReadLimit): Buffer {
  const { fd, size } = openUserFile(abs, limit);
  let keep = false;
  try {
    const head = Buffer.alloc(Math.min(size, 12));
    readUserFileAt(fd, head, 0, head.length, 0, limit.shown);
    const tag = head.toString('latin1', 0, 4);
    if (head.length < 12 || !(SFNT_TAGS.has(tag) || tag === 'ttcf')) return readUserFile(abs, limit);
    const file = new PartlyRead(fd, Buffer.alloc(size), limit.shown);
    const { bytes } = file;
    // The directories first (a collection's header, then each face's), then the tables.
    let faces = [0];
    if (tag === 'ttcf') {
      file.ensure(0, 12);
      const count = bytes.readUInt32BE(8);
      file.ensure(0, 12 + count * 4);
      faces = [];
      for (let i = 0; i < count && 12 + i * 4 + 4 <= size; i++) faces.push(bytes.readUInt32BE(12 + i * 4));
    }
    const ranges: Array<[number, number]> = [];
    for (const at of faces) {
      file.ensure(at, at + 12);
      if (at + 12 <= size) file.ensure(at, at + 12 + bytes.readUInt16BE(at + 4) * 16);
      for (const t of tables(bytes, at) ?? []) {
        const end = Math.min(size, t.offset + t.length);
        const skip = t.tag === 'CFF ' ? charStringData(file, t.offset, end) : undefined;
        if (skip) ranges.push([t.offset, skip[0]], [skip[1], end]);
        else ranges.push([t.offset, end]);
      }
    }
    joined(ranges, JOIN_GAP, (start, end) => file.ensure(start, end));
    partly.set(bytes, file);
    keep = true;
    return bytes;
  } finally {
    if (!keep) fs.closeSync(fd);
  }
}
