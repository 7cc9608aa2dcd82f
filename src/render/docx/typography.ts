/**
 * The layout's line-breaking decisions (src/layout/kinsoku.ts) written so that Word and
 * LibreOffice keep them. These are facts of the clients, measured with LibreOffice 7.4 (see
 * test/docx/docx-typography.test.ts):
 * - LibreOffice adds a fifth of the font size where a hanzi meets a half-width letter or digit,
 *   whatever w:autoSpaceDE/DN say (its DOCX import drops them; Word obeys them and they are
 *   off in styles.xml). It adds nothing when a zero-width character that is not a letter sits
 *   between the two: U+200B where a line may break there, U+2060 (word joiner) where it may not.
 * - Its Chinese line breaker breaks anywhere except around its own list of forbidden marks:
 *   it ignores U+2060 and steps back into a number (7 / 0，, 5月13 / 日). A stretch the layout
 *   keeps whole that holds a number or a Latin word is therefore its own run whose East Asian
 *   language is en-US, like the digits' own language: such runs break by the Unicode rules,
 *   which keep U+2060, numbers and closing marks together.
 */
import type { GRun } from '../../layout/galley.js';
import { latinMeetsChinese, mixedStretches, noBreakBefore, scriptBoundary } from '../../layout/kinsoku.js';

/** Zero-width characters the DOCX adds: they print nothing and are dropped when text is read back. */
export const ZWSP = '\u200b';
export const WORD_JOINER = '\u2060';
export const INVISIBLE = /[\u200b\u2060]/g;

/** A piece of a galley run, with the DOCX's own marks. */
export interface DocxPiece {
  run: GRun;
  text: string;
  /** An unbreakable stretch with a number or Latin word: East Asian language en-US. */
  keep?: boolean;
}

export function docxPieces(runs: GRun[]): DocxPiece[] {
  const chars: string[] = [];
  const owner: number[] = [];
  runs.forEach((r, ri) => {
    // A run that starts a new line is a hard break for the rules too.
    if (r.breakBefore && chars.length > 0) {
      chars.push('\n');
      owner.push(-1);
    }
    for (const ch of r.text) {
      chars.push(ch);
      owner.push(ri);
    }
  });
  const glue = noBreakBefore(chars);
  const keep = mixedStretches(chars, glue);
  const pieces: DocxPiece[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (owner[i] < 0) continue;
    const prev = pieces.at(-1);
    const run = runs[owner[i]];
    if (prev && prev.run === run && Boolean(prev.keep) === keep[i]) prev.text += chars[i];
    else pieces.push({ run, text: chars[i], ...(keep[i] ? { keep: true } : {}) });
    const next = chars[i + 1];
    if (scriptBoundary(chars[i], next)) pieces.at(-1)!.text += glue[i + 1] ? WORD_JOINER : ZWSP;
    // Where Latin text meets Chinese and the layout allows a break, say so: the Unicode rules
    // LibreOffice applies to Latin text forbid some of these breaks (。 / 2023, ABC / （).
    else if (next !== undefined && !glue[i + 1] && latinMeetsChinese(chars[i], next)) pieces.at(-1)!.text += ZWSP;
  }
  return pieces;
}
