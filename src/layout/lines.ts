/**
 * The one line setter: every text on paper — body paragraphs, heads, list items, titles,
 * table cells, the masthead, the end block, page numbers — is broken into lines and its
 * characters placed here, with one kinsoku (kinsoku.ts, GB/T 15834 §5.1 and the number rule of
 * spec §11). The PDF draws the pieces it is given; nothing downstream breaks a line again.
 *
 * On the body grid (spec §9, §11) every full-width character takes one cell, adjacent marks
 * keep their own cells, and a full line holds its 28 characters: a closing mark that would
 * begin the next line hangs past the last cell instead (Word's 允许标点溢出边界). A line that
 * must end early (an opening mark, a number with its unit, a dash) keeps its characters in
 * their cells and leaves the last ones empty: a line is never stretched by whole cells. Only
 * the part of a cell that half-width digits and Latin leave over is spread over a full line,
 * so that it still ends on the block's edge. Off the grid (titles, table cells, the masthead,
 * the end block) adjacent marks give up their blank halves, nothing hangs, and a justified
 * line is stretched to its width.
 */
import type { Face } from '../fonts/faces.js';
import type { Diagnostic } from '../diagnostics.js';
import { faceFor, missingGlyph, needsGlyph } from './fallback.js';
import type { GRun, SourcePos } from './galley.js';
import { noBreakBefore } from './kinsoku.js';
import type { Metrics } from './measure.js';
import { KINSOKU, SCRIPT } from './spec.js';

export interface LineFrame {
  /** Glyph size of the text in points. */
  sizePt: number;
  /**
   * Added after every character, as part of its advance (三号 on paper: about −0.2 pt, so that
   * a 16 pt glyph takes one 15.79 pt cell). The cell on the body grid is sizePt + trackPt.
   */
  trackPt?: number;
  /** Width of the first line and of every other line, in points. */
  firstWidthPt: number;
  widthPt: number;
  /** On the body grid: marks keep their cells, a closing mark may hang past the last cell. */
  grid: boolean;
  /** Full lines are filled to the width (on the grid: by the part of a cell Latin leaves). */
  justify: boolean;
}

/** A stretch of one look drawn at one place: its characters follow at their own advances. */
/** How a size is set: its glyph size and the tracking after every character. */
export type PrintType = Pick<LineFrame, 'sizePt' | 'trackPt'>;

/** The advance of a full-width character in a printed type: its cell on the grid. */
export const cellOf = (type: PrintType): number => type.sizePt + (type.trackPt ?? 0);

export interface SetPiece {
  text: string;
  face: Face;
  run: GRun;
  /** From the line's start to the piece's first advance, in points. */
  x: number;
  sizePt: number;
  /** Baseline shift in points, up positive (superscript). */
  rise: number;
  /** Added after every character, in points: the frame's tracking, plus the stretch of a justified line. */
  spacingPt: number;
  /** Advance of the whole piece, spacing included. */
  widthPt: number;
}

export interface SetLine {
  pieces: SetPiece[];
  /** Advance of the line up to its last cell: what alignment and the grid measure. */
  widthPt: number;
  /** Advance of the marks hung past the line's end. */
  hangPt: number;
  /** The last line of the text or before a hard break: never stretched. */
  last: boolean;
  /** The plain text of the line, hung marks included. */
  text: string;
}

/** The faces, and where to report a character none of them has (Faces does; plain metrics need not). */
export type SetterFonts = Metrics & { reportMissing?(d: Diagnostic): void };

interface Ch {
  ch: string;
  face: Face;
  run: GRun;
  sizePt: number;
  rise: number;
  /** The character's advance, its tracking included. */
  adv: number;
  /** Tracking after it, in points (part of adv). */
  track: number;
  /** Pulled this far left against the character before it (adjacent marks off the grid). */
  pull: number;
  /** No break is allowed before it. */
  glued: boolean;
  /** A hard break comes before it. */
  hard: boolean;
}

const HANGS = new Set(Array.from(KINSOKU.hangable));
const BLANK_AFTER = new Set(Array.from(KINSOKU.blankRightHalf));
const BLANK_BEFORE = new Set(Array.from(KINSOKU.blankLeftHalf));
const MARKS = new Set([...BLANK_AFTER, ...BLANK_BEFORE, ...HANGS]);
const isSpace = (ch: string): boolean => ch === ' ';
const EPS = 1e-6;

/** After these a long Latin run breaks by preference (URL and path separators). */
const SOFT_BREAK_AFTER = new Set(Array.from('/-._?&=#:;,'));

/** The characters of the runs with their faces, advances and break marks. */
function characters(runs: readonly GRun[], sizePt: number, trackPt: number, fonts: SetterFonts, at: SourcePos | undefined): Ch[] {
  const out: Ch[] = [];
  let hardNext = false;
  for (const run of runs) {
    if (run.breakBefore && out.length > 0) hardNext = true;
    const primary = fonts.role(run.role);
    const size = run.script ? sizePt * SCRIPT.scale : sizePt;
    const track = run.script ? trackPt * SCRIPT.scale : trackPt;
    const rise = run.script === 'super' ? SCRIPT.superRise * size : run.script === 'sub' ? -SCRIPT.subDrop * size : 0;
    for (const ch of run.text) {
      if (ch === '\n' || ch === '\r') {
        hardNext = out.length > 0;
        continue;
      }
      const cp = ch.codePointAt(0)!;
      let face = primary;
      if (needsGlyph(cp)) {
        const found = faceFor(cp, primary, fonts);
        if (found) face = found;
        else fonts.reportMissing?.(missingGlyph(ch, cp, primary, at));
      }
      out.push({ ch, face, run, sizePt: size, rise, adv: face.advance(cp) * size + track, track, pull: 0, glued: false, hard: hardNext });
      hardNext = false;
    }
  }
  const glue = noBreakBefore(out.map((c) => c.ch));
  out.forEach((c, i) => (c.glued = glue[i]! && !c.hard));
  return out;
}

/** Off the grid, of two adjacent marks one gives up its blank half (clreq 3.1.6.1). */
function compressAdjacentMarks(chars: Ch[]): void {
  for (let i = 1; i < chars.length; i++) {
    const a = chars[i - 1]!;
    const b = chars[i]!;
    if (b.hard || !MARKS.has(a.ch) || !MARKS.has(b.ch)) continue;
    if (BLANK_AFTER.has(a.ch) || BLANK_BEFORE.has(b.ch)) b.pull = a.sizePt / 2;
  }
}

/** Advance of chars[i..j), the pulls inside it included. */
function span(chars: Ch[], i: number, j: number): number {
  let w = 0;
  for (let k = i; k < j; k++) w += chars[k]!.adv - (k > i ? chars[k]!.pull : 0);
  return w;
}

/**
 * The end of the first piece of an over-long unit chars[i..j): as many characters as fit in
 * `room`, cut after the last URL separator when that keeps at least half the room filled;
 * at least one character, so the fill always advances.
 */
function longUnitEnd(chars: Ch[], i: number, j: number, room: number): number {
  let k = i + 1;
  while (k < j && span(chars, i, k + 1) <= room + EPS) k++;
  if (k >= j) return j;
  let soft = -1;
  for (let m = i; m < k; m++) if (SOFT_BREAK_AFTER.has(chars[m]!.ch) && span(chars, i, m + 1) >= room / 2) soft = m + 1;
  return soft > i ? soft : k;
}

/**
 * How much of a unit that overflows the line may hang past its end: on the grid, closing
 * marks only, one cell of them (two marks when the first gives up its blank half). Returns
 * the pull that makes a pair fit, or undefined when the unit cannot hang.
 */
function hangPull(chars: Ch[], i: number, j: number, room: number, cell: number): number | undefined {
  // Where the unit crosses the line's end.
  let k = i;
  let w = 0;
  while (k < j && w + chars[k]!.adv <= room + EPS) w += chars[k++]!.adv;
  const tail = chars.slice(k, j);
  if (k === i || tail.length === 0 || tail.length > 2 || !tail.every((c) => HANGS.has(c.ch))) return undefined;
  if (tail.length === 1) return tail[0]!.adv <= cell + EPS ? 0 : undefined;
  return BLANK_AFTER.has(tail[0]!.ch) ? tail[0]!.sizePt / 2 : undefined;
}

/** The units of the text: a character and everything glued to it, split at hard breaks. */
function unitEnd(chars: Ch[], i: number): number {
  let j = i + 1;
  while (j < chars.length && chars[j]!.glued) j++;
  return j;
}

/** Pieces of a line's characters at their positions; `spacing` after every character but the last. */
function piecesOf(line: Ch[], spacing: number): { pieces: SetPiece[]; text: string } {
  const pieces: SetPiece[] = [];
  let x = 0;
  line.forEach((c, k) => {
    const pull = k > 0 ? c.pull : 0;
    x -= pull;
    const prev = pieces.at(-1);
    if (
      prev &&
      pull === 0 &&
      prev.face === c.face &&
      prev.run === c.run &&
      prev.sizePt === c.sizePt &&
      prev.rise === c.rise &&
      prev.spacingPt === c.track + spacing
    ) {
      prev.text += c.ch;
      prev.widthPt += c.adv + spacing;
    } else {
      pieces.push({
        text: c.ch,
        face: c.face,
        run: c.run,
        x,
        sizePt: c.sizePt,
        rise: c.rise,
        spacingPt: c.track + spacing,
        widthPt: c.adv + spacing,
      });
    }
    x += c.adv + spacing;
  });
  return { pieces, text: line.map((c) => c.ch).join('') };
}

/** Sets `runs` into lines of the frame. An empty text gives one empty line. */
export function setLines(runs: readonly GRun[], frame: LineFrame, fonts: SetterFonts, at?: SourcePos): SetLine[] {
  const cell = cellOf(frame);
  const chars = characters(runs, frame.sizePt, frame.trackPt ?? 0, fonts, at);
  if (!frame.grid) compressAdjacentMarks(chars);
  const out: SetLine[] = [];
  let cur: Ch[] = [];
  let used = 0;
  let hang = 0;
  const room = (): number => (out.length === 0 ? frame.firstWidthPt : frame.widthPt);

  const flush = (last: boolean): void => {
    while (cur.length > 0 && isSpace(cur.at(-1)!.ch)) used -= cur.pop()!.adv;
    const width = used - hang;
    let spacing = 0;
    if (!last && frame.justify && hang === 0 && cur.length > 1) {
      let slack = room() - width;
      // On the grid only the part of a cell that half-width text leaves is spread: whole
      // empty cells stay at the end, every character keeps its cell.
      if (frame.grid) slack -= Math.floor(slack / cell + EPS) * cell;
      if (slack > EPS) spacing = slack / (cur.length - 1);
    }
    const { pieces, text } = piecesOf(cur, spacing);
    out.push({ pieces, widthPt: spacing > 0 ? room() : width, hangPt: hang, last, text });
    cur = [];
    used = 0;
    hang = 0;
  };

  let i = 0;
  while (i < chars.length) {
    if (chars[i]!.hard) {
      // A line that just ended full is the one before the break.
      if (cur.length > 0) flush(true);
      else if (out.length > 0) out.at(-1)!.last = true;
    }
    let j = unitEnd(chars, i);
    if (cur.length === 0 && isSpace(chars[i]!.ch)) {
      i++;
      continue;
    }
    const limit = room();
    let full = span(chars, i, j);
    // A unit no line can hold (a long URL, a long Latin word) breaks anywhere, best after a
    // URL separator: it never runs past the block, and no character is dropped.
    if (j - i > 1 && full > Math.min(frame.firstWidthPt, frame.widthPt) + EPS) {
      j = longUnitEnd(chars, i, j, cur.length > 0 ? limit - used : limit);
      full = span(chars, i, j);
    }
    const lead = cur.length > 0 ? chars[i]!.pull : 0;
    const w = full - lead;
    if (used + w <= limit + EPS) {
      for (let k = i; k < j; k++) cur.push(chars[k]!);
      used += w;
      i = j;
      continue;
    }
    if (frame.grid && frame.justify && cur.length > 0) {
      const pull = hangPull(chars, i, j, limit - used + lead, cell);
      if (pull !== undefined) {
        const unit = chars.slice(i, j);
        if (pull > 0) unit.at(-1)!.pull = pull;
        cur.push(...unit);
        used += span(chars, i, j) - lead;
        hang = used - limit > EPS ? used - limit : 0;
        i = j;
        flush(false);
        continue;
      }
    }
    if (cur.length > 0) {
      flush(false);
      continue;
    }
    // A unit wider than an empty line (only a long unit's first character can be): it stands alone.
    for (let k = i; k < j; k++) cur.push(chars[k]!);
    used += full;
    i = j;
  }
  if (cur.length > 0 || out.length === 0) flush(true);
  return out;
}
