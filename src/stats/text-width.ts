/**
 * Display width of a string in a terminal: 2 columns for East Asian Wide and Fullwidth
 * characters (CJK, fullwidth punctuation), 1 for the rest. The table of which code points are
 * wide is Unicode's EastAsianWidth.txt, taken from get-east-asian-width (already in the tree
 * through remark-cjk-friendly; generated from the UCD, so new CJK blocks come with updates)
 * rather than a hand-kept range list. Ambiguous characters (“ ” …) count as narrow, as the
 * Windows console and most terminals draw them; combining marks and ZWJ sequences do not occur
 * in unit names and figures, so string-width's grapheme handling is not needed.
 */
import { eastAsianWidth } from 'get-east-asian-width';

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x300 && cp < 0x370) || cp === 0x200b || cp === 0x200d) continue;
    w += eastAsianWidth(cp);
  }
  return w;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
