/**
 * A title too long for one line, broken into lines of nearly equal length instead of a full
 * line and a stub: the narrowest width at which the one line setter (lines.ts) still needs no
 * more lines than at the full width. The lines are the setter's own, so the kinsoku is the
 * same as everywhere else on paper.
 */
import type { GRun } from './galley.js';
import { setLines, type SetterFonts } from './lines.js';

export function balancedLines(runs: GRun[], sizePt: number, widthPt: number, fonts: SetterFonts): string[] {
  const at = (w: number) => setLines(runs, { sizePt, firstWidthPt: w, widthPt: w, grid: false, justify: false }, fonts);
  const full = at(widthPt);
  if (full.length < 2) return full.map((l) => l.text);
  let lo = widthPt / full.length - sizePt;
  let hi = widthPt;
  // A twentieth of a character is as balanced as a title can be seen to be.
  while (hi - lo > sizePt / 20) {
    const mid = (lo + hi) / 2;
    if (at(mid).length > full.length) lo = mid;
    else hi = mid;
  }
  return at(hi).map((l) => l.text);
}
