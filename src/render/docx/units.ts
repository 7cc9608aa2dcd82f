/**
 * DOCX units of the Galley's numbers. This file holds conversions only: every number it
 * produces comes from the Galley (its page, grid and text facts), turned into twips,
 * half-points or eighths of a point as WordprocessingML wants them.
 */
import type { Galley } from '../../layout/galley.js';

/** Twentieths of a point (twips) per point, the unit of most WordprocessingML lengths. */
const TWIPS_PER_PT = 20;

export const ptToTwips = (pt: number): number => Math.round(pt * TWIPS_PER_PT);

type Geometry = Pick<Galley, 'page' | 'text'>;

/** Page size and margins in twips. */
export function pageTw(g: Pick<Galley, 'page'>): {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
} {
  const p = g.page;
  return {
    width: ptToTwips(p.widthPt),
    height: ptToTwips(p.heightPt),
    top: ptToTwips(p.marginTopPt),
    bottom: ptToTwips(p.marginBottomPt),
    left: ptToTwips(p.marginLeftPt),
    right: ptToTwips(p.marginRightPt),
  };
}

/** Width of the text block in twips (156 mm). */
export const textWidthTw = (g: Pick<Galley, 'page'>): number => ptToTwips(g.page.blockWidthPt);

/** One grid line in twips (579): every line on the grid is exactly this tall. */
export const lineTw = (g: Pick<Galley, 'page'>): number => ptToTwips(g.page.linePitchPt);

/** `n` grid lines in twips. */
export const lines = (g: Pick<Galley, 'page'>, n: number): number => n * lineTw(g);

/** Font size in half-points, the unit of w:sz. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** Border width in eighths of a point, the unit of w:sz on borders. */
export const borderEighths = (pt: number): number => Math.round(pt * 8);

/**
 * How far one character of `sizePt` advances, in twips: its em plus the run spacing that every
 * run carries (the Galley's text.docxRunSpacingTwips). Indents measured in characters use
 * this, so that a hanging indent lines up exactly under the character after the colon in
 * clients that lay out with the run spacing (LibreOffice), and 2 body characters stay within
 * the 28-cell line.
 */
export const charAdvanceTw = (g: Geometry, sizePt: number): number => ptToTwips(sizePt) + g.text.docxRunSpacingTwips;

/** `n` characters of `sizePt` in twips. */
export const charsTw = (g: Geometry, n: number, sizePt: number): number => n * charAdvanceTw(g, sizePt);

/** `n` characters in the hundredths Word's *Chars indent attributes use. */
export const charsHundredths = (n: number): number => Math.round(n * 100);
