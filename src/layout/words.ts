/**
 * Words of a Chinese line of text, for breaking titles and heads between words on paper and on
 * screen: Intl.Segmenter's (ICU's Chinese dictionary), with its single characters joined to a
 * neighbour, since ICU leaves 县|域, 提|质 and 的 apart and a break there reads as a break
 * inside a word. ICU knows few county names (兴国|县, 余|干|县): a place-name suffix (县, 区,
 * 市 …) ends the name before it, so that 兴国县 and 余干县 stay whole and the next name starts
 * a word of its own, unless the suffix begins a word of its own (县域, 市级, 乡镇).
 */
let segmenter: Intl.Segmenter | undefined;

/** A character that is part of a word (not punctuation, a mark or a space). */
export const WORDY = /[\p{L}\p{N}]/u;

export interface Unit {
  start: number;
  end: number;
  wordy: boolean;
}

/** Characters that end a place name: 兴国县, 章贡区, 赣州市, 沙石镇. */
const PLACE_SUFFIX = new Set(Array.from('省市县区镇乡村州旗'));
/** Words that begin with such a character (县域 is not 县 closing a name and 域 opening the next). */
const SUFFIX_WORDS = new Set([
  '县域',
  '县级',
  '县区',
  '县城',
  '县委',
  '县长',
  '市县',
  '市级',
  '市区',
  '市域',
  '市场',
  '市委',
  '区县',
  '区级',
  '区域',
  '镇村',
  '乡镇',
  '乡村',
  '村级',
  '村镇',
  '州市',
  '省级',
  '省市',
  '省属',
  '省直',
  '省委',
]);

/** Word units of one line of text, single characters joined to a neighbour. */
export function units(text: string): Unit[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const raw = [...segmenter.segment(text)].map((s) => ({
    start: s.index,
    end: s.index + s.segment.length,
    wordy: s.isWordLike === true || WORDY.test(s.segment),
  }));
  const single = (u: Unit): boolean => u.wordy && [...text.slice(u.start, u.end)].length === 1;
  // A single suffix character that closes a place name rather than opening a word.
  const closes = (u: Unit): boolean =>
    single(u) && PLACE_SUFFIX.has(text.slice(u.start, u.end)) && !SUFFIX_WORDS.has(text.slice(u.start, u.start + 2));
  const out: Unit[] = [];
  for (let i = 0; i < raw.length; i++) {
    const u = { ...raw[i]! };
    // A place suffix goes with the name before it (兴国|县 → 兴国县) …
    const prev = out.at(-1);
    if (closes(u) && prev?.wordy && !PLACE_SUFFIX.has(text.slice(prev.end - 1, prev.end))) {
      prev.end = u.end;
      continue;
    }
    // … single characters in a row are one word (县|域 → 县域, 提|质 → 提质), up to a place suffix …
    while (single(raw[i]!) && !closes(raw[i]!) && raw[i + 1] && single(raw[i + 1]!)) u.end = raw[++i]!.end;
    // … and one left alone goes with the word after it (的说明, 新蓝图, 谋协同) …
    if (single(u) && !closes(u) && raw[i + 1]?.wordy) u.end = raw[++i]!.end;
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
