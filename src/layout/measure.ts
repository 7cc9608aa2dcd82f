/**
 * The one measuring interface, and the natural width of a text (table columns, the publisher
 * line) over the same unbreakable stretches the line setter (lines.ts) keeps whole.
 */
import type { FontRole } from '../model/types.js';
import type { Face } from '../fonts/faces.js';
import { noBreakBefore } from './kinsoku.js';

/**
 * The one measuring interface: the real faces of each role (src/fonts/faces.ts, fontkit
 * metrics) and the fallback face for what a role's face lacks. Composition, the PDF and any
 * later format measure through it, so none can disagree about a title break or a width.
 */
export interface Metrics {
  role(role: FontRole): Face;
  fallback(): Face;
}

/** Unbreakable stretches with their widths in em. */
function stretches(text: string, face: Face, fonts: Metrics): Array<{ text: string; em: number }> {
  const chars = Array.from(text);
  // Numbers and Latin words stay whole, as the line setter keeps them.
  const glue = noBreakBefore(chars);
  const out: Array<{ text: string; em: number }> = [];
  for (const [i, ch] of chars.entries()) {
    const cp = ch.codePointAt(0)!;
    const em = face.covers(cp) ? face.advance(cp) : fonts.fallback().covers(cp) ? fonts.fallback().advance(cp) : 1;
    const last = out.at(-1);
    if (glue[i] && last) {
      last.text += ch;
      last.em += em;
    } else {
      out.push({ text: ch, em });
    }
  }
  return out;
}

/** Width of text in em. */
export function textEm(text: string, face: Face, fonts: Metrics): number {
  return stretches(text, face, fonts).reduce((a, s) => a + s.em, 0);
}
