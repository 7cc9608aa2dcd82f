/**
 * DOCX units derived from src/layout/spec.ts. This file holds conversions only: every number
 * it produces comes from a named constant of the spec, turned into twips, half-points or
 * eighths of a point as WordprocessingML wants them.
 */
import { BODY, GRID, PAGE, TEXT_BLOCK, mmToTwips, ptToTwips } from '../../layout/spec.js';

/** Page size and margins in twips. */
export const PAGE_TW = {
  width: mmToTwips(PAGE.widthMm),
  height: mmToTwips(PAGE.heightMm),
  top: mmToTwips(PAGE.marginTopMm),
  bottom: mmToTwips(PAGE.marginBottomMm),
  left: mmToTwips(PAGE.marginLeftMm),
  right: mmToTwips(PAGE.marginRightMm),
} as const;

/** Width of the text block in twips (156 mm). */
export const TEXT_WIDTH_TW = mmToTwips(TEXT_BLOCK.widthMm);

/** One grid line in twips (579): every line on the grid is exactly this tall. */
export const LINE_TW = ptToTwips(GRID.linePitchPt);

/** `n` grid lines in twips. */
export const lines = (n: number): number => n * LINE_TW;

/** Font size in half-points, the unit of w:sz. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** Border width in eighths of a point, the unit of w:sz on borders. */
export const borderEighths = (pt: number): number => Math.round(pt * 8);

/**
 * How far one character of `sizePt` advances, in twips: its em plus the run spacing that every
 * run carries (BODY.docxRunSpacingTwips). Indents measured in characters use this, so that a
 * hanging indent lines up exactly under the character after the colon in clients that lay out
 * with the run spacing (LibreOffice), and 2 body characters stay within the 28-cell line.
 */
export const charAdvanceTw = (sizePt: number): number => ptToTwips(sizePt) + BODY.docxRunSpacingTwips;

/** `n` characters of `sizePt` in twips. */
export const charsTw = (n: number, sizePt: number): number => n * charAdvanceTw(sizePt);

/** `n` characters in the hundredths Word's *Chars indent attributes use. */
export const charsHundredths = (n: number): number => Math.round(n * 100);

