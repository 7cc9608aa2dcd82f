/**
 * Where a line may not break: GB/T 15834-2011 §5.1 and the number rule of spec §11, decided
 * here once for every format. The PDF breaks its own lines by these marks; the DOCX says what
 * Word's settings can say (kinsoku and its line-start and line-end lists; nothing is written
 * into the text); the web edition uses unbreakable spans.
 */
import { KINSOKU } from './spec.js';

const NO_START = new Set(Array.from(KINSOKU.noLineStart));
const NO_END = new Set(Array.from(KINSOKU.noLineEnd));

/** Marks, per code point index, whether a break before it is forbidden. */
export function gluedBefore(chars: string[]): boolean[] {
  const glue = chars.map(() => false);
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1];
    const cur = chars[i];
    if (prev === '\n' || cur === '\n') continue;
    if (NO_START.has(cur) || NO_END.has(prev)) glue[i] = true;
  }
  // A dash or ellipsis is one unit of two cells, and is glued to what precedes it too.
  for (const unit of KINSOKU.unbreakable) {
    const u = Array.from(unit);
    for (let i = 0; i + u.length <= chars.length; i++) {
      if (u.every((c, k) => chars[i + k] === c)) {
        for (let k = 0; k < u.length; k++) if (i + k > 0 && chars[i + k - 1] !== '\n') glue[i + k] = true;
      }
    }
  }
  return glue;
}

const HAN = /\p{Script=Han}/u;
const DIGIT = /^[0-9]$/;
const LATINISH = /^[\x21-\x7e]$/;

/**
 * Breaks forbidden inside numbers and Latin words (2024, 1+N, 77.8%), and between a number and
 * the hanzi right after it: in Chinese a number is followed by its unit or measure word
 * (5月13日 never as 5月13 / 日, 70余名 never as 7 / 0余名 nor 70 / 余名).
 */
export function numberGlue(chars: string[]): boolean[] {
  const glue = chars.map(() => false);
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1]!;
    const cur = chars[i]!;
    if (LATINISH.test(prev) && LATINISH.test(cur)) glue[i] = true;
    else if (DIGIT.test(prev) && HAN.test(cur)) glue[i] = true;
  }
  return glue;
}

/** Every break the rules forbid: kinsoku and numbers together. */
export function noBreakBefore(chars: string[]): boolean[] {
  const k = gluedBefore(chars);
  const n = numberGlue(chars);
  return chars.map((_, i) => k[i] || n[i]);
}

const LATIN = /^[\x21-\x7e]$/;
const CHINESE = /^[^\x00-\x7f]$/u;

/** Latin text (half-width letters, digits, signs) meets Chinese text (hanzi or full-width marks). */
export function latinMeetsChinese(prev: string | undefined, cur: string | undefined): boolean {
  if (prev === undefined || cur === undefined) return false;
  return (LATIN.test(prev) && CHINESE.test(cur)) || (CHINESE.test(prev) && LATIN.test(cur));
}

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
