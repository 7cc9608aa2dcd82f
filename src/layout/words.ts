/**
 * Words of a Chinese line of text, for breaking titles and heads between words on paper and on
 * screen: Intl.Segmenter's (ICU's Chinese dictionary), with its single characters joined to a
 * neighbour, since ICU leaves 县|域, 提|质 and 的 apart and a break there reads as a break
 * inside a word.
 */
let segmenter: Intl.Segmenter | undefined;

/** A character that is part of a word (not punctuation, a mark or a space). */
export const WORDY = /[\p{L}\p{N}]/u;

export interface Unit {
  start: number;
  end: number;
  wordy: boolean;
}

/** Word units of one line of text, single characters joined to a neighbour. */
export function units(text: string): Unit[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const raw = [...segmenter.segment(text)].map((s) => ({
    start: s.index,
    end: s.index + s.segment.length,
    wordy: s.isWordLike === true || WORDY.test(s.segment),
  }));
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
