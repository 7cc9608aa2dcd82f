/**
 * The 28 × 22 grid in PDF points, as the Galley gives it. Everything that sits on the grid
 * takes whole line pitches, so that the body text after a masthead, a heading or an image
 * lands on the same lines as a page of plain text.
 */
import type { Galley } from '../../layout/galley.js';

export interface Grid {
  pitch: number;
  cell: number;
  marginLeftPt: number;
  marginRightPt: number;
  marginTopPt: number;
  blockWidthPt: number;
  /** Height of n grid lines. */
  lines(n: number): number;
  /**
   * Top and bottom margins that centre a line box of `boxPt` (the em box of a size) in `n`
   * grid lines; pdfmake puts glyphs at the top of their line box, which suits body lines (the
   * first line touches the top of the text block, as GB/T 9704 measures it) but not a 42 pt
   * masthead name in two lines.
   */
  centreIn(n: number, boxPt: number): [number, number];
  /**
   * 三号 in the PDF is one character cell (15.79 pt), not 16 pt: a 三号 head or title then
   * lines up with the body's columns.
   */
  pdfSize(sizePt: number): number;
}

export function gridOf(g: Pick<Galley, 'page' | 'text'>): Grid {
  const pitch = g.page.linePitchPt;
  const lines = (n: number): number => n * pitch;
  return {
    pitch,
    cell: g.page.charPitchPt,
    marginLeftPt: g.page.marginLeftPt,
    marginRightPt: g.page.marginRightPt,
    marginTopPt: g.page.marginTopPt,
    blockWidthPt: g.page.blockWidthPt,
    lines,
    centreIn(n, boxPt) {
      const top = (lines(n) - boxPt) / 2;
      return [top, lines(n) - boxPt - top];
    },
    pdfSize: (sizePt) => (sizePt === g.text.bodySizePt ? g.text.bodyPdfSizePt : sizePt),
  };
}
