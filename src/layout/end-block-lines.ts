/**
 * A distribution list of the end block (报：…。) set into lines: the label, then the list
 * wrapping after the colon. Composition counts these lines and the paged edition draws them,
 * so the two cannot disagree. A list whose last line would hold one character and its mark
 * (…各设区市教育 / 局。) takes the word that character ends down with it (…各设区市 / 教育局。),
 * the line before left unstretched, as a clerk's line break in Word leaves it.
 */
import type { FontRole, SourcePos } from './galley.js';
import { noBreakBefore } from './kinsoku.js';
import { setLines, type SetLine, type SetterFonts } from './lines.js';
import { units, WORDY } from './words.js';

const wordyCount = (s: string): number => Array.from(s).filter((c) => WORDY.test(c)).length;

export function distributionLines(
  label: string,
  text: string,
  role: FontRole,
  sizePt: number,
  widthPt: number,
  fonts: SetterFonts,
  at?: SourcePos,
): { label: SetLine; lines: SetLine[] } {
  const frame = (w: number, justify: boolean) => ({ sizePt, firstWidthPt: w, widthPt: w, grid: false, justify });
  const [head] = setLines([{ text: label, role }], frame(widthPt, false), fonts, at);
  const width = widthPt - head!.widthPt;
  const lines = setLines([{ text, role }], frame(width, true), fonts, at);
  return { label: head!, lines: withoutLoneLast(text, role, lines, (runs) => setLines(runs, frame(width, true), fonts, at)) };
}

/** The lines again with the last word of the line before the last moved down, where the last line is one character. */
function withoutLoneLast(
  text: string,
  role: FontRole,
  lines: SetLine[],
  set: (runs: Array<{ text: string; role: FontRole; breakBefore?: boolean }>) => SetLine[],
): SetLine[] {
  const last = lines.at(-1)!;
  if (lines.length < 2 || wordyCount(last.text) !== 1) return lines;
  // Where the last line starts in the text (the lines are the text, in order).
  const start = text.length - last.text.length;
  if (start <= 0 || !text.endsWith(last.text)) return lines;
  // The word the last line's character ends, or else the last word of the line before.
  const words = units(text);
  const inside = words.find((u) => u.start < start && u.end > start);
  const before = inside ?? words.filter((u) => u.end <= start && u.wordy).at(-1);
  if (!before || before.start <= 0) return lines;
  const chars = Array.from(text);
  const at = Array.from(text.slice(0, before.start)).length;
  if (noBreakBefore(chars)[at]) return lines;
  const moved = set([
    { text: text.slice(0, before.start), role },
    { text: text.slice(before.start), role, breakBefore: true },
  ]);
  return moved.length === lines.length && wordyCount(moved.at(-1)!.text) >= 2 ? moved : lines;
}
