/**
 * Line-breaking rules of GB/T 15834-2011 §5.1 that pdfmake's Unicode line breaker misses.
 * pdfmake breaks between any two hanzi and already keeps most closing punctuation off a
 * line start, but it may break before `——` or `·` and so start a line with them. Instead of
 * trusting it piecemeal, every place where the rules forbid a break is glued here: the
 * glued stretch becomes one pdfmake piece with noWrap, which it moves as a whole.
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
const ALNUM = /^[0-9A-Za-z]$/;

/** Where a hanzi meets a half-width digit or letter, clients add a little space (LATIN_IN_CJK). */
export function autospaceBefore(prev: string | undefined, cur: string): boolean {
  if (prev === undefined) return false;
  return (HAN.test(prev) && ALNUM.test(cur)) || (ALNUM.test(prev) && HAN.test(cur));
}

/** Breaks forbidden inside numbers and Latin words (2024, 1+N, 77.8%). */
export function numberGlue(chars: string[]): boolean[] {
  const glue = chars.map(() => false);
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1]!;
    const cur = chars[i]!;
    const latinish = /^[\x21-\x7e]$/;
    if (latinish.test(prev) && latinish.test(cur)) glue[i] = true;
  }
  return glue;
}
