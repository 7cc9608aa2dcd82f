/**
 * Where a head or a masthead line may break on a screen narrower than the paper: between
 * words only, never with one character (and its marks) alone on the last line.
 *
 * The head is set `word-break: keep-all` (no break between two Chinese characters) and gets a
 * <wbr> at each word boundary; breaks at punctuation and spaces stay the browser's, under the
 * page's strict line-break rules. Words are those of layout/words.ts, the same the paper's
 * titles break between. The head's last word, with the word before it when it
 * is one character, is kept whole (white-space: nowrap).
 */
import type { FontRole, GRun } from '../../layout/galley.js';
import { units, WORDY } from '../../layout/words.js';
import { el, type Child } from './dom.js';
import { runNodes } from './inlines.js';

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
  return [
    { ...node, children: node.children.flatMap((c) => (c === PLACEHOLDER ? pieces : typeof c === 'string' ? [c] : withText(c, pieces))) },
  ];
}
