/**
 * A distribution list of the end block (报：…。) set into lines: the label, then the list
 * wrapping after the colon. Composition counts these lines and the paged edition draws them,
 * so the two cannot disagree.
 */
import type { FontRole, SourcePos } from './galley.js';
import { setLines, type SetLine, type SetterFonts } from './lines.js';

export function distributionLines(
  label: string,
  text: string,
  role: FontRole,
  sizePt: number,
  widthPt: number,
  fonts: SetterFonts,
  at?: SourcePos,
): { label: SetLine; lines: SetLine[] } {
  const frame = (w: number, justify: boolean) => ({ sizePt, firstWidthPt: w, widthPt: w, grid: false, justify });
  const [head] = setLines([{ text: label, role }], frame(widthPt, false), fonts, at);
  return { label: head!, lines: setLines([{ text, role }], frame(widthPt - head!.widthPt, true), fonts, at) };
}
