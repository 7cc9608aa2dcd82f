/**
 * Text measured before pdfmake lays it out, where a layout decision needs it first: how many
 * lines the end block takes (its height is reserved before the page is known), and where a
 * long title breaks into balanced lines. It follows pdfmake's own greedy filling over the
 * same kinsoku stretches, with the faces' own advance widths.
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
  // Numbers and Latin words stay whole, as pdfmake's own breaker keeps them: a list of
  // 第13县… must measure the lines it prints.
  const glue = noBreakBefore(chars);
  const out: Array<{ text: string; em: number }> = [];
  for (let i = 0; i < chars.length; i++) {
    const cp = chars[i].codePointAt(0)!;
    const em = face.covers(cp) ? face.advance(cp) : fonts.fallback().covers(cp) ? fonts.fallback().advance(cp) : 1;
    if (glue[i] && out.length > 0) {
      const last = out[out.length - 1];
      last.text += chars[i];
      last.em += em;
    } else {
      out.push({ text: chars[i], em });
    }
  }
  return out;
}

/** Lines of a greedy fill of `text` into `widthPt`. */
export function countLines(text: string, face: Face, fonts: Metrics, sizePt: number, widthPt: number): number {
  const capacity = widthPt / sizePt + 1e-6;
  let n = 1;
  let used = 0;
  for (const s of stretches(text, face, fonts)) {
    if (used > 0 && used + s.em > capacity) {
      n++;
      used = 0;
    }
    used += s.em;
  }
  return n;
}

/** Width of text in em. */
export function textEm(text: string, face: Face, fonts: Metrics): number {
  return stretches(text, face, fonts).reduce((a, s) => a + s.em, 0);
}

const GOOD_BREAK_AFTER = new Set(Array.from('，、；：。！？ '));

/**
 * A title too long for one line, broken into lines of nearly equal length instead of a full
 * line and a stub; breaks after punctuation are preferred when they cost little balance.
 */
export function balancedLines(text: string, face: Face, fonts: Metrics, sizePt: number, widthPt: number): string[] {
  const parts = stretches(text, face, fonts);
  const total = parts.reduce((a, s) => a + s.em, 0);
  const capacity = widthPt / sizePt + 1e-6;
  if (total <= capacity) return [text];
  const n = Math.ceil(total / capacity);
  const lines: string[] = [];
  let idx = 0;
  let remaining = total;
  for (let line = n; line > 1; line--) {
    const target = remaining / line;
    let used = 0;
    let best = -1;
    let bestCost = Infinity;
    for (let k = idx; k < parts.length; k++) {
      used += parts[k].em;
      if (used > capacity) break;
      const lastChar = Array.from(parts[k].text).at(-1)!;
      const cost = Math.abs(used - target) - (GOOD_BREAK_AFTER.has(lastChar) ? 1.5 : 0);
      if (cost < bestCost) {
        bestCost = cost;
        best = k;
      }
    }
    if (best < idx) best = idx;
    const chunk = parts.slice(idx, best + 1);
    lines.push(chunk.map((s) => s.text).join(''));
    remaining -= chunk.reduce((a, s) => a + s.em, 0);
    idx = best + 1;
  }
  lines.push(parts.slice(idx).map((s) => s.text).join(''));
  return lines.filter((l) => l.length > 0);
}
