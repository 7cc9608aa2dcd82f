/**
 * Set lines onto the page: a line's pieces at their x, on one baseline; alignment within a
 * column; the ascent that puts a line's glyphs at the top of its grid line.
 */
import type { Align, FontRole, GText, OutlineEntry } from './galley.js';
import type { SetLine, SetterFonts } from './lines.js';
import type { PColor, PText } from './paged.js';

export interface TextLook {
  color?: PColor;
  /** The text's block opens this outline entry: the first piece carries it. */
  outline?: OutlineEntry;
  /** Every piece links to where the outline entry of this id opens. */
  link?: string;
}

/** Where a line starts in a column `widthPt` wide at `x0`; `indentPt` is a first line's indent. */
export function lineX(line: SetLine, align: Align, x0: number, widthPt: number, indentPt = 0): number {
  switch (align) {
    case 'center':
      return x0 + (widthPt - line.widthPt) / 2;
    case 'right':
      return x0 + widthPt - line.widthPt;
    default:
      return x0 + indentPt;
  }
}

/** The pieces of a set line as page items, the line starting at `x` on `baseline`. */
export function lineItems(line: SetLine, x: number, baseline: number, text: GText, look: TextLook = {}): PText[] {
  return line.pieces.map((p, i) => {
    const item: PText = {
      kind: 'text',
      text: p.text,
      face: p.face,
      sizePt: p.sizePt,
      x: x + p.x,
      baseline: baseline - p.rise,
      widthPt: p.widthPt,
      spacingPt: p.spacingPt,
    };
    if (p.run.bold) item.strokePt = text.syntheticBoldStrokeEm * p.sizePt;
    if (look.color) item.color = look.color;
    if (i === 0 && look.outline) item.outline = look.outline;
    if (look.link) item.link = look.link;
    return item;
  });
}

/**
 * The baseline of text of `sizePt` whose em box starts `emTop` down the page: the ascent of
 * the face of `role` (the block style's), as a PDF writer measures it; glyphs of other faces
 * on the line share that baseline.
 */
export function baselineAt(emTop: number, sizePt: number, role: FontRole, fonts: SetterFonts): number {
  return emTop + fonts.role(role).ascentEm * sizePt;
}
