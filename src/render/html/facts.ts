/**
 * Facts of the HTML format only: font-family stacks (official names first, then what Windows,
 * macOS and phones have), screen sizes, and the conversion of the spec's point sizes into
 * em of the body text. Layout numbers themselves come from src/layout/spec.ts.
 */
import { BODY, GRID, OFFICIAL_FONT_NAMES, PAGE } from '../../layout/spec.js';
import type { FontRole } from '../../model/types.js';

const q = (name: string): string => (/^[A-Za-z-]+$/.test(name) ? name : `"${name}"`);

/** Official family first (as the DOCX names it), then common system stand-ins, then generic. */
export const FONT_STACKS: Record<FontRole, string> = {
  body: [OFFICIAL_FONT_NAMES.body, '仿宋', 'FangSong', 'STFangsong', 'FandolFang', 'serif'].map(q).join(', '),
  title: [OFFICIAL_FONT_NAMES.title, '方正小标宋_GBK', '华文中宋', 'STZhongsong', 'Songti SC', 'SimSun', 'serif'].map(q).join(', '),
  hei: [OFFICIAL_FONT_NAMES.hei, 'SimHei', 'STHeiti', 'Heiti SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'].map(q).join(', '),
  kai: [OFFICIAL_FONT_NAMES.kai, '楷体', 'KaiTi', 'STKaiti', 'Kaiti SC', 'serif'].map(q).join(', '),
  song: [OFFICIAL_FONT_NAMES.song, 'SimSun', 'Songti SC', 'serif'].map(q).join(', '),
};

/** A size of the spec (points on paper) as em of the body text, which is 三号 on paper. */
export const em = (sizePt: number): string => `${+(sizePt / BODY.sizePt).toFixed(4)}em`;

/** A rule thickness of the spec on screen: CSS px are 0.75 pt, never thinner than one pixel. */
export const rulePx = (pt: number): string => `${Math.max(1, Math.round(pt / 0.75))}px`;

export const SCREEN = {
  /**
   * Body text on a phone, and from tablets up (the spec asks for about 18–20 px). Line heights
   * are the styles' own (grid pitch / size: 28.95 / 16 ≈ 1.8 for the body, as the spec asks).
   */
  phoneBodyPx: 18,
  wideBodyPx: 20,
  /** Width from which the wider size applies. */
  wideFromPx: 600,
  /** The text column is as wide as the paper's grid line (28 characters) plus a little air. */
  columnEm: GRID.chars + 2,
  sidePaddingPx: 16,
} as const;

/** Print: the paper's margins, body at 三号. */
export const PRINT = {
  page: `${PAGE.widthMm}mm ${PAGE.heightMm}mm`,
  margins: `${PAGE.marginTopMm}mm ${PAGE.marginRightMm}mm ${PAGE.marginBottomMm}mm ${PAGE.marginLeftMm}mm`,
  bodyPt: BODY.sizePt,
} as const;
