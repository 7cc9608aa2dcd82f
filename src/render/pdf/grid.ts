/**
 * The 28 × 22 grid in PDF points. Everything that sits on the grid takes whole line pitches,
 * so that the body text after a masthead, a heading or an image lands on the same lines as a
 * page of plain text.
 */
import { BODY, GRID, mm, PAGE, TEXT_BLOCK } from '../../layout/spec.js';

export const PITCH = GRID.linePitchPt;
export const CELL = GRID.charPitchPt;

export const PAGE_WIDTH_PT = mm(PAGE.widthMm);
export const PAGE_HEIGHT_PT = mm(PAGE.heightMm);
export const MARGIN_LEFT_PT = mm(PAGE.marginLeftMm);
export const MARGIN_RIGHT_PT = mm(PAGE.marginRightMm);
export const MARGIN_TOP_PT = mm(PAGE.marginTopMm);
export const MARGIN_BOTTOM_PT = mm(PAGE.marginBottomMm);
export const BLOCK_WIDTH_PT = TEXT_BLOCK.widthPt;
export const BLOCK_HEIGHT_PT = TEXT_BLOCK.heightPt;

/** Height of n grid lines. */
export const lines = (n: number): number => n * PITCH;

/**
 * Top and bottom margins that centre a line box of `boxPt` (the em box of a size) in `n`
 * grid lines; pdfmake puts glyphs at the top of their line box, which suits body lines (the
 * first line touches the top of the text block, as GB/T 9704 measures it) but not a 42 pt
 * masthead name in two lines.
 */
export function centreIn(n: number, boxPt: number): [number, number] {
  const top = (lines(n) - boxPt) / 2;
  return [top, lines(n) - boxPt - top];
}

/**
 * 三号 in the PDF is one character cell (15.79 pt, BODY.pdfSizePt), not 16 pt: a 三号 head
 * or title then lines up with the body's columns.
 */
export const pdfSize = (sizePt: number): number => (sizePt === BODY.sizePt ? BODY.pdfSizePt : sizePt);
