/**
 * What every DOCX bulletin writes (the bulletin and the 通报 of `stats --format docx`) says
 * once, as Word's own settings: the section's line grid, and the document defaults every
 * paragraph and run inherits — font, size, colour, the run spacing that puts 28 characters on
 * a line, exact grid lines, and the language (East Asian text zh-CN, Latin text en-US, as
 * Chinese Word writes its defaults). Word's 中文版式 switches, which the docx package cannot
 * write, go into the same defaults in xml-patches.ts. Why these give 28 × 22 in Word:
 * docs/docx-word-settings.md.
 */
import { DocumentGridType, LineRuleType, type IStylesOptions } from 'docx';
import { halfPoints } from './units.js';

/**
 * A line grid only (w:docGrid type lines, one line of the grid = `lineTw`). A character grid
 * (linesAndChars with a negative charSpace) gives 18–19 characters a line in LibreOffice; the
 * run spacing of the defaults gives 28 there and, by ECMA-376, in Word.
 */
export const documentGrid = (lineTw: number): { type: typeof DocumentGridType.LINES; linePitch: number } => ({
  type: DocumentGridType.LINES,
  linePitch: lineTw,
});

export interface DefaultsOptions {
  font: { ascii: string; hAnsi: string; eastAsia: string; cs: string };
  sizePt: number;
  color: string;
  /** Added after every character (w:spacing of the run properties), in twips. */
  runSpacingTwips: number;
  /** One grid line in twips: every paragraph's exact line height unless its style says otherwise. */
  lineTw: number;
}

export function documentDefaults(o: DefaultsOptions): NonNullable<IStylesOptions['default']> {
  return {
    document: {
      run: {
        font: o.font,
        size: halfPoints(o.sizePt),
        color: o.color,
        characterSpacing: o.runSpacingTwips,
        language: { value: 'en-US', eastAsia: 'zh-CN' },
      },
      paragraph: { spacing: { before: 0, after: 0, line: o.lineTw, lineRule: LineRuleType.EXACT } },
    },
  };
}
