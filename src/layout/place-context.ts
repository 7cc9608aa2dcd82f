/**
 * What placing on pages needs: the galley, the faces, and the page's grid in points. Sizes of
 * the Galley are nominal (三号 = 16 pt); on paper 三号 is set one character cell wide, so that
 * 28 glyphs fill a line of the 156 mm block (spec §1).
 */
import type { Galley } from './galley.js';
import type { SetterFonts } from './lines.js';

export interface PageGeometry {
  pageWidth: number;
  pageHeight: number;
  /** The text block's left and top edges. */
  left: number;
  top: number;
  blockWidth: number;
  blockHeight: number;
  /** Grid line pitch and character cell. */
  pitch: number;
  cell: number;
  /** Grid lines a page holds. */
  lines: number;
}

export interface PlaceContext {
  g: Galley;
  fonts: SetterFonts;
  geo: PageGeometry;
}

export function pageGeometry(g: Pick<Galley, 'page'>): PageGeometry {
  const p = g.page;
  return {
    pageWidth: p.widthPt,
    pageHeight: p.heightPt,
    left: p.marginLeftPt,
    top: p.marginTopPt,
    blockWidth: p.blockWidthPt,
    blockHeight: p.blockHeightPt,
    pitch: p.linePitchPt,
    cell: p.charPitchPt,
    lines: p.lines,
  };
}

/** The size text of a nominal size is set at on paper: 三号 at one cell, others as they are. */
export function printSize(ctx: { g: Pick<Galley, 'text'> }, sizePt: number): number {
  return sizePt === ctx.g.text.bodySizePt ? ctx.g.text.bodyPdfSizePt : sizePt;
}

/** Whether text of a nominal size sits on the body grid: one character a cell. */
export function onGrid(ctx: PlaceContext, sizePt: number): boolean {
  return sizePt === ctx.g.text.bodySizePt;
}
