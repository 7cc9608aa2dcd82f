/**
 * A title too long for one line, broken into lines of nearly equal length instead of a full
 * line and a stub, the way an editor breaks it by hand: between words, by preference after a
 * comma or a pause mark, never where the kinsoku forbids. Of all such breaks into as many lines
 * as the full width needs, the one whose lines differ least in length wins, a break after a
 * mark counting as two characters of difference saved and one inside a word as three spent.
 * The lines are measured by the one line setter (lines.ts), as everything else on paper.
 */
import type { GRun } from './galley.js';
import { noBreakBefore } from './kinsoku.js';
import { setLines, type SetterFonts } from './lines.js';
import { units, WORDY } from './words.js';

/** Break cost in squared characters of imbalance: what a good or bad break is worth. */
const AFTER_MARK = -2;
const INSIDE_WORD = 3;
/** Marks after which a title reads well broken. */
const PAUSES = new Set(Array.from('，、；：。！？ '));

export function balancedLines(runs: GRun[], sizePt: number, widthPt: number, fonts: SetterFonts): string[] {
  const set = (w: number, rs: GRun[] = runs) => setLines(rs, { sizePt, firstWidthPt: w, widthPt: w, grid: false, justify: false }, fonts);
  const full = set(widthPt);
  if (full.length < 2 || runs.length !== 1) return full.map((l) => l.text);
  const run = runs[0]!;
  const text = run.text;
  return (
    byWords(text, full.length, sizePt, widthPt, (s) => set(Infinity, [{ ...run, text: s }])[0]!.widthPt) ??
    narrowest(set, full.length, sizePt, widthPt)
  );
}

/** The best breaks of `text` into `n` lines that fit, or undefined when none do. */
function byWords(text: string, n: number, sizePt: number, widthPt: number, measure: (s: string) => number): string[] | undefined {
  const chars = Array.from(text);
  const offsets: number[] = [];
  let o = 0;
  for (const c of chars) {
    offsets.push(o);
    o += c.length;
  }
  offsets.push(o);
  // The setter's own rule: kinsoku and whole numbers with their unit (spec §9, §11).
  const glued = noBreakBefore(chars);
  const wordStarts = new Set(units(text).map((u) => u.start));
  // Candidate breaks, as code point indices, with what breaking there costs.
  const cands: Array<{ at: number; cost: number }> = [{ at: 0, cost: 0 }];
  for (let i = 1; i < chars.length; i++) {
    if (glued[i] || chars[i] === ' ') continue;
    const inside = !wordStarts.has(offsets[i]!) && WORDY.test(chars[i - 1]!) && WORDY.test(chars[i]!);
    cands.push({ at: i, cost: PAUSES.has(chars[i - 1]!) ? AFTER_MARK : inside ? INSIDE_WORD : 0 });
  }
  cands.push({ at: chars.length, cost: 0 });
  const widths = new Map<string, number>();
  const width = (a: number, b: number): number => {
    const key = `${a}:${b}`;
    let w = widths.get(key);
    if (w === undefined) widths.set(key, (w = measure(text.slice(offsets[a], offsets[b]).trim())));
    return w;
  };
  const mean = width(0, chars.length) / n;
  // best[k][j]: the least cost of k lines ending at candidate j.
  const best: Array<Array<{ cost: number; prev: number } | undefined>> = Array.from({ length: n + 1 }, () => []);
  best[0]![0] = { cost: 0, prev: -1 };
  for (let k = 1; k <= n; k++) {
    for (let j = 1; j < cands.length; j++) {
      for (let i = 0; i < j; i++) {
        const from = best[k - 1]![i];
        if (!from) continue;
        const w = width(cands[i]!.at, cands[j]!.at);
        if (w > widthPt + 1e-6) continue;
        const cost = from.cost + ((w - mean) / sizePt) ** 2 + (j < cands.length - 1 ? cands[j]!.cost : 0);
        if (!best[k]![j] || cost < best[k]![j]!.cost) best[k]![j] = { cost, prev: i };
      }
    }
  }
  if (!best[n]![cands.length - 1]) return undefined;
  const lines: string[] = [];
  let j = cands.length - 1;
  for (let k = n; k > 0; k--) {
    const i = best[k]![j]!.prev;
    lines.unshift(text.slice(offsets[cands[i]!.at], offsets[cands[j]!.at]).trim());
    j = i;
  }
  return lines;
}

/** Fallback: the narrowest width at which the setter still needs no more lines than at the full width. */
function narrowest(set: (w: number) => Array<{ text: string }>, n: number, sizePt: number, widthPt: number): string[] {
  let lo = widthPt / n - sizePt;
  let hi = widthPt;
  // A twentieth of a character is as balanced as a title can be seen to be.
  while (hi - lo > sizePt / 20) {
    const mid = (lo + hi) / 2;
    if (set(mid).length > n) lo = mid;
    else hi = mid;
  }
  return set(hi).map((l) => l.text);
}
