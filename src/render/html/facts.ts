/**
 * Facts of the HTML format only: font-family stacks (official names first, then what Windows,
 * macOS and phones have), screen sizes, and the conversion of the spec's point sizes into
 * em of the body text. Layout numbers themselves come from the Galley.
 */
import type { FontRole, Galley } from '../../layout/galley.js';

const q = (name: string): string => (/^[A-Za-z-]+$/.test(name) ? name : `"${name}"`);

/** Official family first (as the DOCX names it), then common system stand-ins, then generic. */
export function fontStacks(g: Pick<Galley, 'fonts'>): Record<FontRole, string> {
  const official = (role: FontRole): string => g.fonts[role].officialName;
  return {
    body: [official('body'), '仿宋', 'FangSong', 'STFangsong', 'FandolFang', 'serif'].map(q).join(', '),
    title: [official('title'), '方正小标宋_GBK', '华文中宋', 'STZhongsong', 'Songti SC', 'SimSun', 'serif'].map(q).join(', '),
    hei: [official('hei'), 'SimHei', 'STHeiti', 'Heiti SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'].map(q).join(', '),
    kai: [official('kai'), '楷体', 'KaiTi', 'STKaiti', 'Kaiti SC', 'serif'].map(q).join(', '),
    song: [official('song'), 'SimSun', 'Songti SC', 'serif'].map(q).join(', '),
  };
}

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
  /** The text column is as wide as the paper's grid line plus this many characters of air. */
  columnAirEm: 2,
  sidePaddingPx: 16,
} as const;

/** Print: the paper's margins, body at its size on paper. */
export function printFacts(g: Pick<Galley, 'page' | 'text'>): { page: string; margins: string; bodyPt: number } {
  const m = g.page.mm;
  return { page: `${m.width}mm ${m.height}mm`, margins: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`, bodyPt: g.text.bodySizePt };
}
