/**
 * Punctuation and date rules for Chinese text (GB/T 15834, GB/T 9704 §7.3.5), run over the
 * Markdown source lines so that every finding points at the exact line and column the editor
 * has to change. Code blocks and inline code are left alone.
 */
import { isValidDate } from '../dates.js';
import { Diagnostics } from '../diagnostics.js';
import type { SourceFile } from '../sources/load.js';
import { isProse } from './prose-lines.js';

/** Han characters and the full-width punctuation that surrounds them in Chinese text. */
export const ZH = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3000-\u303F\uFF00-\uFFEF\u201C\u201D\u2014\u2026]/;
export const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;

/** A half-width , ; : ? ! stands in Chinese text: Chinese before it, Chinese, emphasis or the line's end after. */
export function betweenChinese(prev: string, next: string): boolean {
  return ZH.test(prev) && (ZH.test(next) || next === '' || next === '*');
}

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  '.': '。',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

const PAIRS: Record<string, string> = { '“': '”', '《': '》', '（': '）' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));

export interface TextLine {
  text: string;
  line: number;
  /** Column of text[0] in the file (1-based). */
  column: number;
  /** Per character: 1 where it is prose (src/check/prose-lines.ts); absent when all of it is. */
  prose?: Uint8Array;
}

export { isProse, proseLines } from './prose-lines.js';

/**
 * A quote mark that is no quote: an apostrophe inside an English word (Let's) or a mark right
 * after a digit (15.6" inches, 5'10", 3' minutes). It is neither judged nor paired: turned into
 * a Chinese quote, it would change the text's meaning.
 */
export function notAQuote(t: string, i: number): boolean {
  const prev = t[i - 1] ?? '';
  const next = t[i + 1] ?? '';
  if (/[0-9]/.test(prev)) return true;
  return t[i] === "'" && /[A-Za-z]/.test(prev) && /[A-Za-z]/.test(next);
}

/** Front-matter values that print (title, subtitle, unit), as one-line paragraphs. */
export function frontMatterLines(src: SourceFile): TextLine[][] {
  const out: TextLine[][] = [];
  const lines = src.text.split('\n');
  for (const key of ['title', 'subtitle', 'unit']) {
    const value = (src.front as Record<string, unknown> | undefined)?.[key];
    if (typeof value !== 'string') continue;
    const line = src.frontLine(key);
    const raw = lines[line - 1] ?? '';
    const at = raw.indexOf(value);
    out.push([{ text: value, line, column: at >= 0 ? at + 1 : 1 }]);
  }
  return out;
}

export function checkText(file: string, paragraphs: TextLine[][], diags: Diagnostics): void {
  for (const para of paragraphs) {
    for (const l of para) {
      halfWidthPunctuation(file, l, diags);
      asciiQuotes(file, l, diags);
      dates(file, l, diags);
    }
    balance(file, para, diags);
  }
}

function halfWidthPunctuation(file: string, l: TextLine, diags: Diagnostics): void {
  const t = l.text;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    const full = FULL_WIDTH[ch];
    if (!full || !isProse(l, i)) continue;
    const prev = t[i - 1] ?? '';
    const next = t[i + 1] ?? '';
    let hit: boolean;
    if (ch === '(') hit = HAN.test(prev) || HAN.test(next);
    else if (ch === ')') hit = HAN.test(prev) || (ZH.test(next) && !/[)\]]/.test(next));
    else hit = betweenChinese(prev, next);
    if (hit) {
      diags.warn('punct-halfwidth', file, l.line, l.column + i, `中文里用了半角“${ch}”，应改为全角“${full}”`);
    }
  }
}

function asciiQuotes(file: string, l: TextLine, diags: Diagnostics): void {
  const t = l.text;
  let open = true;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if ((ch !== '"' && ch !== "'") || !isProse(l, i) || notAQuote(t, i)) continue;
    const prev = t[i - 1] ?? '';
    const next = t[i + 1] ?? '';
    if (ZH.test(prev) || ZH.test(next)) {
      const want = ch === '"' ? (open ? '“' : '”') : open ? '‘' : '’';
      // No “…” around the suggestion: “${want}” printed 中文引号““”, which reads as a typo.
      diags.warn('quotes-ascii', file, l.line, l.column + i, `中文里用了英文引号 ${ch}，应改为中文引号 ${want}`);
    }
    open = !open;
  }
}

function balance(file: string, para: TextLine[], diags: Diagnostics): void {
  const stack: Array<{ ch: string; line: number; column: number }> = [];
  for (const l of para) {
    for (let i = 0; i < l.text.length; i++) {
      const ch = l.text[i]!;
      if (!isProse(l, i)) continue;
      if (PAIRS[ch]) stack.push({ ch, line: l.line, column: l.column + i });
      const opener = CLOSERS.get(ch);
      if (opener === undefined) continue;
      const top = stack[stack.length - 1];
      if (top?.ch === opener) {
        stack.pop();
      } else if (top && stack.some((s) => s.ch === opener)) {
        diags.warn(
          'brackets-unbalanced',
          file,
          top.line,
          top.column,
          `「${top.ch}」没有对应的「${PAIRS[top.ch]}」（在「${ch}」之前应先闭合）`,
        );
        while (stack.length && stack[stack.length - 1]!.ch !== opener) stack.pop();
        stack.pop();
      } else {
        diags.warn('brackets-unbalanced', file, l.line, l.column + i, `多了一个「${ch}」，前面没有对应的「${opener}」`);
      }
    }
  }
  for (const s of stack) {
    diags.warn('brackets-unbalanced', file, s.line, s.column, `「${s.ch}」没有对应的「${PAIRS[s.ch]}」，请补上或删去`);
  }
}

/** Whether every character of a span of the line is prose. */
export function allProse(l: TextLine, at: number, length: number): boolean {
  for (let i = at; i < at + length; i++) if (!isProse(l, i)) return false;
  return true;
}

const CN_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/g;

function dates(file: string, l: TextLine, diags: Diagnostics): void {
  for (const m of l.text.matchAll(CN_DATE)) {
    const [whole, y, mo, d] = m;
    if (!allProse(l, m.index!, whole.length)) continue;
    const column = l.column + m.index!;
    if (/^0/.test(mo!) || (d !== undefined && /^0/.test(d))) {
      const fixed = `${Number(y)}年${Number(mo)}月${d !== undefined ? `${Number(d)}日` : ''}`;
      diags.warn('date-leading-zero', file, l.line, column, `日期“${whole}”的月、日不加“0”，应写作“${fixed}”`);
    }
    if (/\s/.test(whole)) {
      diags.warn('date-spaces', file, l.line, column, `日期“${whole}”中有多余的空格，应写作“${whole.replace(/\s+/g, '')}”`);
    }
    const date = { year: Number(y), month: Number(mo), day: d !== undefined ? Number(d) : 1 };
    if (!isValidDate(date)) {
      diags.error('date-impossible', file, l.line, column, `日期“${whole}”不存在，请核对`);
    }
  }
}
