/**
 * fontkit's CFF subsetter with the subroutine scan of cff-subrs.ts in place of drawing every
 * glyph. Installed once on the subsetter's prototype, so pdfkit (which subsets the fonts it
 * embeds through the same fontkit module) gets it too. The three methods below are fontkit
 * 2.0.4's own (src/subset/CFFSubset.js) with `glyph.path` replaced by `usedSubrs`; the output
 * bytes are unchanged, which the PDF hash in `npm run bench` and test/compat/cff-subrs.test.ts
 * check.
 */
import { UserError } from '../../diagnostics.js';
import { ensureFontBytes, ensureFontRanges } from '../../fonts/font-file.js';
import { requirePinned } from '../pinned.js';
import { scanSubrs, type CffTable, type UsedSubrs } from './cff-subrs.js';
import { PIN } from './pin.js';

interface CffSubset {
  font: { getGlyph(gid: number): { path: unknown; _usedGsubrs: object; _usedSubrs: object } };
  cff: CffTable & {
    getCharString(gid: number): Uint8Array;
    fdForGlyph(gid: number): number | null;
    isCIDFont: boolean;
    topDict: CffTable['topDict'] & { FDArray: any[]; Private?: any };
  };
  glyphs: number[];
  charstrings: Uint8Array[];
  gsubrs: Uint8Array[];
  subsetSubrs(subrs: unknown, used: Record<number, boolean>): Uint8Array[];
}

const cache = new WeakMap<object, Map<number, UsedSubrs>>();

/** Glyph `gid`'s charstring is read from the file (src/fonts/font-file.ts reads them as they are reached). */
function readCharString(cff: CffTable, gid: number): void {
  const str = cff.topDict.CharStrings[gid];
  if (str) ensureFontBytes(cff.stream.buffer, str.offset, str.offset + str.length);
}

/** The subroutines glyph `gid` uses: scanned, or drawn by fontkit where the scan declines. */
export function usedSubrs(subset: Pick<CffSubset, 'font' | 'cff'>, gid: number): UsedSubrs {
  let perFont = cache.get(subset.cff);
  if (!perFont) cache.set(subset.cff, (perFont = new Map()));
  let used = perFont.get(gid);
  if (!used) {
    used = scanSubrs(subset.cff, gid);
    if (!used) {
      const glyph = subset.font.getGlyph(gid);
      void glyph.path; // drawing the glyph records the subroutines it calls
      used = { gsubrs: Object.keys(glyph._usedGsubrs).map(Number), subrs: Object.keys(glyph._usedSubrs).map(Number) };
    }
    perFont.set(gid, used);
  }
  return used;
}

function mark(into: Record<number, boolean>, indices: number[]): void {
  for (const i of indices) into[i] = true;
}

const methods = {
  subsetCharstrings(this: CffSubset): void {
    this.charstrings = [];
    const gsubrs: Record<number, boolean> = {};
    // Every charstring of the subset read from the file at once, in few reads.
    const all = this.cff.topDict.CharStrings;
    ensureFontRanges(
      this.cff.stream.buffer,
      this.glyphs.flatMap((gid) => (all[gid] ? [[all[gid].offset, all[gid].offset + all[gid].length] as [number, number]] : [])),
    );
    for (const gid of this.glyphs) {
      this.charstrings.push(this.cff.getCharString(gid));
      mark(gsubrs, usedSubrs(this, gid).gsubrs);
    }
    this.gsubrs = this.subsetSubrs(this.cff.globalSubrIndex, gsubrs);
  },

  subsetFontdict(this: CffSubset, topDict: any): void {
    topDict.FDArray = [];
    topDict.FDSelect = { version: 0, fds: [] };
    const usedFds: Record<number, boolean> = {};
    const used: Array<Record<number, boolean>> = [];
    const fdSelect: Record<number, number> = {};
    for (const gid of this.glyphs) {
      const fd = this.cff.fdForGlyph(gid);
      if (fd == null) continue;
      if (!usedFds[fd]) {
        topDict.FDArray.push(Object.assign({}, this.cff.topDict.FDArray[fd]));
        used.push({});
        fdSelect[fd] = topDict.FDArray.length - 1;
      }
      usedFds[fd] = true;
      topDict.FDSelect.fds.push(fdSelect[fd]);
      mark(used[fdSelect[fd]!]!, usedSubrs(this, gid).subrs);
    }
    for (let i = 0; i < topDict.FDArray.length; i++) {
      const dict = topDict.FDArray[i];
      delete dict.FontName;
      if (dict.Private && dict.Private.Subrs) {
        dict.Private = Object.assign({}, dict.Private);
        dict.Private.Subrs = this.subsetSubrs(dict.Private.Subrs, used[i]!);
      }
    }
  },

  createCIDFontdict(this: CffSubset, topDict: any): unknown {
    const used: Record<number, boolean> = {};
    for (const gid of this.glyphs) mark(used, usedSubrs(this, gid).subrs);
    const privateDict = Object.assign({}, this.cff.topDict.Private);
    if (this.cff.topDict.Private && this.cff.topDict.Private.Subrs)
      privateDict.Subrs = this.subsetSubrs(this.cff.topDict.Private.Subrs, used);
    topDict.FDArray = [{ Private: privateDict }];
    return (topDict.FDSelect = { version: 3, nRanges: 1, ranges: [{ first: 0, fd: 0 }], sentinel: this.charstrings.length });
  },
};

/**
 * fontkit's encode starts with `Object.assign({}, cff.topDict)`, which decodes the lazily
 * read charset and Encoding only to overwrite both in the copy: the fallback face's charset
 * has some 13,000 ranges (~50 ms). While encode runs, the two are plain nulls on the top
 * dict; afterwards their lazy getters (which keep what they decoded) are put back.
 */
const OVERWRITTEN_BY_ENCODE = ['charset', 'Encoding'];

function encodeWithoutOverwrittenFields(encode: (this: CffSubset) => unknown): (this: CffSubset) => unknown {
  return function (this: CffSubset): unknown {
    const top = this.cff.topDict as unknown as object;
    const saved: Array<[string, PropertyDescriptor]> = [];
    for (const key of OVERWRITTEN_BY_ENCODE) {
      const d = Object.getOwnPropertyDescriptor(top, key);
      if (d?.get && d.configurable) {
        saved.push([key, d]);
        Object.defineProperty(top, key, { value: null, enumerable: d.enumerable, configurable: true, writable: true });
      }
    }
    try {
      return encode.call(this);
    } finally {
      for (const [key, d] of saved) Object.defineProperty(top, key, d);
    }
  };
}

interface CffGlyph {
  id: number;
  _font: { 'CFF '?: CffTable; CFF2?: CffTable };
  _getPath(): unknown;
}

let glyphsInstalled = false;

/**
 * fontkit draws a CFF glyph (`glyph.path`, `glyph.bbox`) from its charstring, read number by
 * number through the font's stream: the charstring is read from the file first. Installed on
 * fontkit's CFF glyph class, reached through a glyph of the first CFF font the app opens.
 */
function installCharStringReads(font: { directory?: { tables: Record<string, unknown> }; getGlyph(gid: number): unknown }): void {
  if (glyphsInstalled || !font.directory?.tables['CFF ']) return;
  const proto = Object.getPrototypeOf(font.getGlyph(0)) as CffGlyph;
  if (typeof proto._getPath !== 'function')
    throw new UserError(`fontkit ${PIN.version} 的 CFF 字形方法 _getPath 不见了：src/compat/fontkit 需要按所装的版本重新核对`);
  const own = proto._getPath;
  proto._getPath = function (this: CffGlyph): unknown {
    const cff = this._font.CFF2 ?? this._font['CFF '];
    if (cff) readCharString(cff, this.id);
    return own.call(this);
  };
  glyphsInstalled = true;
}

let installed = false;

/**
 * Installs the scan on fontkit's CFF subsetter, reached through any font's createSubset (the
 * class is not exported). Called with the first font the app opens.
 */
export function installCffSubsetScan(anyFont: { createSubset(): unknown; getGlyph(gid: number): unknown }): void {
  requirePinned(PIN);
  installCharStringReads(anyFont);
  if (installed) return;
  // A stand-in font with an empty CFF table: createSubset then builds a CFF subsetter
  // without parsing anything.
  const stub = { directory: { tables: { 'CFF ': {} } }, 'CFF ': {} };
  const probe = (anyFont.createSubset as (this: unknown) => object).call(stub);
  const proto = Object.getPrototypeOf(probe) as Record<string, unknown>;
  for (const name of [...Object.keys(methods), 'encode']) {
    if (typeof proto[name] !== 'function')
      throw new UserError(`fontkit ${PIN.version} 的 CFF 子集化方法 ${name} 不见了：src/compat/fontkit 需要按所装的版本重新核对`);
  }
  Object.assign(proto, methods);
  proto.encode = encodeWithoutOverwrittenFields(proto.encode as (this: CffSubset) => unknown);
  installed = true;
}
