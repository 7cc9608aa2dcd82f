/**
 * The paged edition (composition.md): the Galley's lines set and placed on pages by
 * layout/paginate.ts. Every position is final, in points from the page's top-left corner; a
 * translator draws each item where it says and decides nothing — no breaking, no pagination.
 */
import type { Face } from '../fonts/faces.js';
import type { GMeta, OutlineEntry } from './galley.js';

/** A colour: hex RGB (screen) or CMYK in percent (print). */
export type PColor = { rgb: string } | { cmyk: [number, number, number, number] };

/** Text of one face, size and look, its characters following at their own advances. */
export interface PText {
  kind: 'text';
  text: string;
  face: Face;
  sizePt: number;
  /** Left edge of the first character's advance. */
  x: number;
  baseline: number;
  /** Advance of the whole text, spacing included: the next text of its line starts here at the earliest. */
  widthPt: number;
  /** Added after every character, in points (a stretched line off the grid). */
  spacingPt: number;
  /** Emboldened: the glyphs are stroked with a line this wide as well as filled. */
  strokePt?: number;
  color?: PColor;
  /** The first text of a block that opens an outline entry (bookmark). */
  outline?: OutlineEntry;
  /** A link to the place where the outline entry of this id opens (the contents box). */
  link?: string;
}

/** A straight line: rules of the masthead, the end block and tables. */
export interface PRule {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  widthPt: number;
  color?: PColor;
}

export interface PImage {
  kind: 'image';
  path: string;
  format: 'png' | 'jpeg';
  x: number;
  /** Top edge. */
  y: number;
  widthPt: number;
  heightPt: number;
}

export type PItem = PText | PRule | PImage;

export interface PPage {
  /** 1-based, as printed in the page number. */
  number: number;
  /** Left blank so that the end block lands on an even page: no number, nothing on it. */
  blank: boolean;
  items: PItem[];
}

export interface PagedDocument {
  meta: GMeta;
  widthPt: number;
  heightPt: number;
  pages: PPage[];
}
