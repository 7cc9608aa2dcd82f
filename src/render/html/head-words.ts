/**
 * Where a head or a masthead line may break on a screen narrower than the paper: between
 * words only, never with one character (and its marks) alone on the last line.
 *
 * The head is set `word-break: keep-all` (no break between two Chinese characters) and gets a
 * <wbr> at each word boundary; breaks at punctuation and spaces stay the browser's, under the
 * page's strict line-break rules. Words are Intl.Segmenter's (ICU's Chinese dictionary), with
 * its single characters joined to a neighbour: ICU leaves 县|域, 提|质 and 的 apart, and a break
 * there reads as a break inside a word. The head's last word, with the word before it when it
 * is one character, is kept whole (white-space: nowrap).
 */
import type { FontRole, GRun } from '../../layout/galley.js';
import { el, type Child } from './dom.js';
import { runNodes } from './inlines.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** A character that is part of a word (not punctuation, a mark or a space). */
const WORDY = /[\p{L}\p{N}]/u;

interface Unit {
  start: number;
  end: number;
  wordy: boolean;
}

/** Word units of one line of text, single characters joined to a neighbour. */
function units(text: string): Unit[] {
  const raw = [...segmenter.segment(text)].map((s) => ({ start: s.index, end: s.index + s.segment.length, wordy: s.isWordLike === true || WORDY.test(s.segment) }));
  const single = (u: Unit): boolean => u.wordy && [...text.slice(u.start, u.end)].length === 1;
  const out: Unit[] = [];
  for (let i = 0; i < raw.length; i++) {
    const u = { ...raw[i]! };
    // Single characters in a row are one word (县|域 → 县域, 提|质 → 提质) …
    while (single(raw[i]!) && raw[i + 1] && single(raw[i + 1]!)) u.end = raw[++i]!.end;
    // … and one left alone goes with the word after it (的说明, 新蓝图, 谋协同) …
    if (single(u) && raw[i + 1]?.wordy) u.end = raw[++i]!.end;
    out.push(u);
  }
  // … or, at the end of the line, with the word before it (办公室).
  for (let i = out.length - 1; i > 0; i--) {
    const u = out[i]!;
    const prev = out[i - 1]!;
    if (u.wordy && prev.wordy && [...text.slice(u.start, u.end)].length === 1) {
      prev.end = u.end;
      out.splice(i, 1);
    }
  }
  return out;
}

export interface HeadBreaks {
  /** Offsets where a <wbr> goes: between two word units. */
  wbr: Set<number>;
  /** Offset from which the rest of the line is kept on one line. */
  keepFrom: number;
}

/** The breaks of a head's text. */
export function headBreaks(text: string): HeadBreaks {
  const us = units(text);
  const wbr = new Set<number>();
  for (let i = 1; i < us.length; i++) if (us[i - 1]!.wordy && us[i]!.wordy) wbr.add(us[i]!.start);
  // The last word, with whatever marks follow it; with the word before it too when it is short.
  let last = us.length - 1;
  while (last >= 0 && !us[last]!.wordy) last--;
  let keepFrom = last >= 0 ? us[last]!.start : text.length;
  const core = [...text.slice(keepFrom)].filter((c) => WORDY.test(c)).length;
  if (core < 2) {
    let prev = last - 1;
    while (prev >= 0 && !us[prev]!.wordy) prev--;
    if (prev >= 0) keepFrom = us[prev]!.start;
  }
  return { wbr, keepFrom };
}

/**
 * Runs of a head → inline HTML with the breaks above. A line break the galley decided for the
 * paper stays in the web edition where it falls between words, marked `paperBreak`: its
 * stylesheet drops it where the screen is narrower than the paper's line, and the head wraps
 * (and balances) as a whole. A paper break inside a word is left out, and so are all of them in
 * the WeChat variant, which is read on phones.
 */
export function headRunNodes(runs: readonly GRun[], blockRole: FontRole, paperBreaks: 'marked' | 'dropped'): Child[] {
  const text = runs.map((r) => r.text).join('');
  const { wbr, keepFrom } = headBreaks(text);
  const betweenWords = (o: number): boolean => wbr.has(o) || !WORDY.test(text[o - 1] ?? '') || !WORDY.test(text[o] ?? '');
  const out: Child[] = [];
  let start = 0;
  for (const r of runs) {
    const end = start + r.text.length;
    if (start > 0) {
      if (r.breakBefore && paperBreaks === 'marked' && betweenWords(start)) out.push(el('br', 'paperBreak'));
      else if (start <= keepFrom && wbr.has(start)) out.push(el('wbr', null));
    }
    const pieces: Child[] = [];
    let from = start;
    for (let o = start + 1; o < Math.min(end, keepFrom); o++) {
      if (!wbr.has(o)) continue;
      pieces.push(text.slice(from, o), el('wbr', null));
      from = o;
    }
    if (keepFrom < end) {
      const k = Math.max(keepFrom, start);
      if (k > from) pieces.push(text.slice(from, k));
      if (k > start && wbr.has(k)) pieces.push(el('wbr', null));
      pieces.push(el('span', 'keep', {}, [text.slice(k, end)]));
    } else if (end > from) {
      pieces.push(text.slice(from, end));
    }
    // The run's own look (role, bold, script, link) is runNodes'; only its text is split here.
    const [node] = runNodes([{ ...r, breakBefore: false, text: PLACEHOLDER }], blockRole);
    out.push(...withText(node!, pieces));
    start = end;
  }
  return out;
}

const PLACEHOLDER = '\u0000';

/** The node runNodes made for a run, its placeholder text replaced by `pieces`. */
function withText(node: Child, pieces: Child[]): Child[] {
  if (typeof node === 'string') return pieces;
  return [{ ...node, children: node.children.flatMap((c) => (c === PLACEHOLDER ? pieces : typeof c === 'string' ? [c] : withText(c, pieces))) }];
}
