/**
 * Which subroutines a CFF glyph calls, found by walking its Type 2 charstring — without
 * drawing it. fontkit's CFF subsetter learns this by building every glyph's outline path
 * (`glyph.path`) and reading what the path builder recorded on the way: for a CJK subset of a
 * few hundred glyphs that was most of the subsetting time. The walk here follows exactly the
 * operators fontkit's path builder follows (stem counts for hintmask, callsubr/callgsubr with
 * their bias, return); anything else — CFF2, the deprecated arithmetic operators — is left to
 * fontkit's own way. test/compat/cff-subrs.test.ts checks the result against `glyph.path`
 * for every glyph of every shipped font.
 */

import { ensureFontBytes } from '../../fonts/font-file.js';

interface CffIndexEntry {
  offset: number;
  length: number;
}

/** The members of fontkit's parsed CFF table the walk reads. */
export interface CffTable {
  version: number;
  stream: { buffer: Uint8Array };
  topDict: { CharStrings: CffIndexEntry[] };
  globalSubrIndex?: CffIndexEntry[];
  privateDictForGlyph(gid: number): { Subrs?: CffIndexEntry[] } | null;
}

/** Indices (bias included, as fontkit records them) of the subroutines a glyph uses. */
export interface UsedSubrs {
  gsubrs: number[];
  subrs: number[];
}

function bias(count: number): number {
  if (count < 1240) return 107;
  if (count < 33900) return 1131;
  return 32768;
}

/** The subroutines glyph `gid` calls, or undefined when the charstring needs fontkit's own walk. */
export function scanSubrs(cff: CffTable, gid: number): UsedSubrs | undefined {
  if (cff.version >= 2) return undefined;
  const buf = cff.stream.buffer;
  const str = cff.topDict.CharStrings[gid];
  if (!str) return undefined;
  const gsubrs = cff.globalSubrIndex ?? [];
  const subrs = cff.privateDictForGlyph(gid)?.Subrs ?? [];
  const gBias = bias(gsubrs.length);
  const sBias = bias(subrs.length);
  const usedG = new Set<number>();
  const usedS = new Set<number>();
  const stack: number[] = [];
  let nStems = 0;
  let ok = true;
  let depth = 0;

  // Returns false to stop the whole walk (an operator left to fontkit, or runaway recursion).
  const walk = (start: number, end: number): boolean => {
    let pos = start;
    while (pos < end) {
      const op = buf[pos++]!;
      if (op >= 32) {
        if (op < 247) stack.push(op - 139);
        else if (op < 251) stack.push((op - 247) * 256 + buf[pos++]! + 108);
        else if (op < 255) stack.push(-(op - 251) * 256 - buf[pos++]! - 108);
        else {
          stack.push(((buf[pos]! << 24) | (buf[pos + 1]! << 16) | (buf[pos + 2]! << 8) | buf[pos + 3]!) / 65536);
          pos += 4;
        }
        continue;
      }
      switch (op) {
        case 1: // hstem, vstem, hstemhm, vstemhm
        case 3:
        case 18:
        case 23:
          nStems += stack.length >> 1;
          stack.length = 0;
          break;
        case 19: // hintmask, cntrmask: implicit vstems, then one bit per stem
        case 20:
          nStems += stack.length >> 1;
          stack.length = 0;
          pos += (nStems + 7) >> 3;
          break;
        case 10: // callsubr, callgsubr
        case 29: {
          const global = op === 29;
          const index = (stack.pop() ?? NaN) + (global ? gBias : sBias);
          const subr = (global ? gsubrs : subrs)[index];
          if (subr) {
            (global ? usedG : usedS).add(index);
            if (++depth > 64) return (ok = false);
            if (!walk(subr.offset, subr.offset + subr.length)) return false;
            depth--;
          }
          break;
        }
        case 11: // return (at the top level fontkit stops there too)
          return true;
        case 28:
          stack.push(((buf[pos]! << 24) | (buf[pos + 1]! << 16)) >> 16);
          pos += 2;
          break;
        case 12: {
          const op2 = buf[pos++]!;
          if (op2 < 34 || op2 > 37) return (ok = false); // only the flex operators are drawing
          stack.length = 0;
          break;
        }
        case 4: // moveto, lineto and curveto operators, endchar: they consume the stack
        case 5:
        case 6:
        case 7:
        case 8:
        case 14:
        case 21:
        case 22:
        case 24:
        case 25:
        case 26:
        case 27:
        case 30:
        case 31:
          stack.length = 0;
          break;
        default:
          return (ok = false);
      }
    }
    return true;
  };
  // The walk reads the charstring's bytes directly: a font file's charstrings are read in as
  // they are reached (src/fonts/font-file.ts); subroutines are read with the rest of the table.
  ensureFontBytes(buf, str.offset, str.offset + str.length);
  walk(str.offset, str.offset + str.length);
  if (!ok) return undefined;
  return { gsubrs: [...usedG], subrs: [...usedS] };
}
