/**
 * Where a line may not break: GB/T 15834-2011 §5.1 and the number rule of spec §11, decided
 * here once for every format. The line setter (lines.ts) breaks every text on paper by these
 * marks; the DOCX says what Word's settings can say (kinsoku and its line-start and line-end
 * lists; nothing is written into the text); the web edition uses unbreakable spans.
 */
import { KINSOKU } from './spec.js';

const NO_START = new Set(Array.from(KINSOKU.noLineStart));
const NO_END = new Set(Array.from(KINSOKU.noLineEnd));

/** The unbreakable sequences (dashes, ellipses) by their first character. */
const UNBREAKABLE = new Map<string, string[][]>();
for (const u of KINSOKU.unbreakable.map((x) => Array.from(x))) UNBREAKABLE.set(u[0]!, [...(UNBREAKABLE.get(u[0]!) ?? []), u]);

/** Marks, per code point index, whether a break before it is forbidden. */
export function gluedBefore(chars: string[]): boolean[] {
  const glue = chars.map(() => false);
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1]!;
    const cur = chars[i]!;
    if (prev === '\n' || cur === '\n') continue;
    if (NO_START.has(cur) || NO_END.has(prev)) glue[i] = true;
  }
  // A dash or ellipsis is one unit of two cells, and is glued to what precedes it too.
  for (let i = 0; i < chars.length; i++) {
    const starting = UNBREAKABLE.get(chars[i]!);
    if (!starting) continue;
    for (const u of starting) {
      if (i + u.length > chars.length) continue;
      let k = 1;
      while (k < u.length && chars[i + k] === u[k]) k++;
      if (k < u.length) continue;
      for (k = 0; k < u.length; k++) if (i + k > 0 && chars[i + k - 1] !== '\n') glue[i + k] = true;
    }
  }
  return glue;
}

const HAN = /\p{Script=Han}/u;

/**
 * Breaks forbidden inside numbers and Latin words (2024, 1+N, 77.8%), and between a number and
 * the hanzi right after it: in Chinese a number is followed by its unit or measure word
 * (5月13日 never as 5月13 / 日, 70余名 never as 7 / 0余名 nor 70 / 余名).
 */
export function numberGlue(chars: string[]): boolean[] {
  const glue = chars.map(() => false);
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1]!.charCodeAt(0);
    const cur = chars[i]!;
    const c = cur.charCodeAt(0);
    // Printable ASCII on both sides, or a digit and then a hanzi.
    if (prev >= 0x21 && prev <= 0x7e && c >= 0x21 && c <= 0x7e) glue[i] = true;
    else if (prev >= 0x30 && prev <= 0x39 && c > 0x7f && HAN.test(cur)) glue[i] = true;
  }
  return glue;
}

/** Every break the rules forbid: kinsoku and numbers together. */
export function noBreakBefore(chars: string[]): boolean[] {
  const k = gluedBefore(chars);
  const n = numberGlue(chars);
  return chars.map((_, i) => Boolean(k[i] || n[i]));
}

const LATIN = /^[\x21-\x7e]$/;
const CHINESE = /^[^\x00-\x7f]$/u;

/**
 * Stretches kept whole (no break inside, `glue` from noBreakBefore) that mix Latin and Chinese
 * text, such as 5月, 2023年 or 70，: per code point, whether it belongs to one.
 */
export function mixedStretches(chars: string[], glue: boolean[]): boolean[] {
  const keep = chars.map(() => false);
  for (let i = 0; i < chars.length; ) {
    let j = i + 1;
    while (j < chars.length && glue[j]) j++;
    const part = chars.slice(i, j);
    if (j - i > 1 && part.some((c) => LATIN.test(c)) && part.some((c) => CHINESE.test(c))) for (let k = i; k < j; k++) keep[k] = true;
    i = j;
  }
  return keep;
}
