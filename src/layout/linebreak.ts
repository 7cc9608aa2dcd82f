/**
 * Our own line breaking for justified body text. pdfmake fills a line greedily and pushes a
 * glued pair such as 利， to the next line, leaving 27 characters; GB/T 15834 practice (and
 * Word/WPS) squeezes the punctuation instead, so that every full line holds its 28
 * characters. pdfmake cannot squeeze, and negative character spacing does nothing for its
 * one-character words, so the lines are decided here and handed over as whole lines:
 * unbreakable pieces whose character spacing makes each line exactly as wide as the block.
 */
import type { Face } from '../fonts/faces.js';

export interface BreakChar {
  ch: string;
  face: Face;
  /** Which run (look) the character belongs to. */
  look: number;
  /** No break is allowed before this character. */
  glued: boolean;
  /** May be squeezed into the end of a line: closing punctuation. */
  squeezable: boolean;
  /** Space before this character in points (a hanzi meeting a digit), dropped at a line start. */
  gapBefore?: number;
}

export interface BrokenLine {
  chars: BreakChar[];
  /** Natural width in points. */
  natural: number;
  /** Ends the paragraph or a hard line break: not stretched. */
  last: boolean;
}

const isSpace = (ch: string): boolean => ch === ' ';

/** After these a long Latin run breaks by preference (URL and path separators). */
const SOFT_BREAK_AFTER = new Set(Array.from('/-._?&=#:;,'));

function unitWidth(chars: BreakChar[], i: number, j: number, w: (c: BreakChar) => number): number {
  let sum = 0;
  for (let k = i; k < j; k++) sum += w(chars[k]) + (k > i ? (chars[k].gapBefore ?? 0) : 0);
  return sum;
}

/**
 * The end of the first piece of an over-long unit chars[i..j): as many characters as fit in
 * `room` points, cut after the last separator when that keeps at least half the room filled;
 * at least one character, so the fill always advances.
 */
export function longUnitEnd(chars: BreakChar[], i: number, j: number, w: (c: BreakChar) => number, room: number): number {
  let used = 0;
  let k = i;
  while (k < j && (k === i || used + w(chars[k]) <= room + 1e-6)) {
    used += w(chars[k]);
    k++;
  }
  if (k >= j) return j;
  let soft = -1;
  let upTo = 0;
  let acc = 0;
  for (let m = i; m < k; m++) {
    acc += w(chars[m]);
    if (SOFT_BREAK_AFTER.has(chars[m].ch)) {
      soft = m + 1;
      upTo = acc;
    }
  }
  return soft > i && upTo >= room / 2 ? soft : k;
}

/**
 * Breaks into lines of `firstWidth` then `width` points; a line may overflow by `squeeze`
 * points of punctuation. Each character measures its advance at `sizePt` plus `trackingPt`.
 */
export function breakLines(chars: BreakChar[], sizePt: number, firstWidth: number, width: number, squeeze: number, trackingPt = 0): BrokenLine[] {
  const w = (c: BreakChar): number => c.face.advance(c.ch.codePointAt(0)!) * sizePt + trackingPt;
  const lines: BrokenLine[] = [];
  let cur: BreakChar[] = [];
  let used = 0;
  const limit = (): number => (lines.length === 0 ? firstWidth : width) + 1e-6;
  const flush = (last: boolean): void => {
    while (cur.length && isSpace(cur[cur.length - 1].ch)) {
      used -= w(cur[cur.length - 1]);
      cur.pop();
    }
    lines.push({ chars: cur, natural: used, last });
    cur = [];
    used = 0;
  };
  let i = 0;
  while (i < chars.length) {
    if (chars[i].ch === '\n') {
      flush(true);
      i++;
      continue;
    }
    // The unit: a character and everything glued to it.
    let j = i + 1;
    while (j < chars.length && chars[j].glued && chars[j].ch !== '\n') j++;
    // A unit no line can hold (a long URL, a long Latin word) may break anywhere, best after
    // a URL separator: it never runs past the text block, and no character is dropped.
    if (j - i > 1 && unitWidth(chars, i, j, w) > Math.min(firstWidth, width) + 1e-6) j = longUnitEnd(chars, i, j, w, (cur.length ? limit() - used : limit()));
    const unit = chars.slice(i, j);
    // The unit's own gaps, and the one before it unless it starts a line.
    const inner = unit.reduce((a, c, k) => a + w(c) + (k > 0 ? (c.gapBefore ?? 0) : 0), 0);
    const lead = unit[0].gapBefore ?? 0;
    const uw = inner + (cur.length > 0 ? lead : 0);
    if (cur.length === 0 && isSpace(unit[0].ch)) {
      i = j;
      continue;
    }
    if (cur.length > 0 && used + uw > limit()) {
      const endsInPunct = unit[unit.length - 1].squeezable;
      if (endsInPunct && used + uw <= limit() + squeeze) {
        cur.push(...unit);
        used += uw;
        flush(false);
        i = j;
        continue;
      }
      flush(false);
      if (isSpace(unit[0].ch)) {
        i = j;
        continue;
      }
      cur.push(...unit);
      used += inner;
      i = j;
      continue;
    }
    cur.push(...unit);
    used += uw;
    i = j;
  }
  if (cur.length || lines.length === 0) flush(true);
  return lines;
}
