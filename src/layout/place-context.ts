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

/** How text of a nominal size is set on paper: 三号 tightened to one cell a character, others as they are. */
export function printType(ctx: { g: Pick<Galley, 'text'> }, sizePt: number): { sizePt: number; trackPt: number } {
  return { sizePt, trackPt: sizePt === ctx.g.text.bodySizePt ? ctx.g.text.bodyTrackPt : 0 };
}

/** Whether text of a nominal size sits on the body grid: one character a cell. */
export function onGrid(ctx: PlaceContext, sizePt: number): boolean {
  return sizePt === ctx.g.text.bodySizePt;
}
