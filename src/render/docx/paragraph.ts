/**
 * One builder for every paragraph: its style, and direct formatting only where the Galley
 * block differs from that style (indent, alignment, blank lines before, keep-with-next) or
 * where the DOCX needs a fact of its own (a picture's line height, tab stops, borders).
 */
import { LineRuleType, Paragraph, type IBordersOptions, type IParagraphOptions, type ParagraphChild, type TabStopDefinition } from 'docx';
import type { Align, Galley, StyleId } from '../../layout/galley.js';
import { ALIGN, STYLE_ID } from './styles.js';
import { charsHundredths, charsTw, lines } from './units.js';

export interface ParagraphOptions {
  /** A layout style, or a style of the DOCX alone (the end block's anchor). */
  style: StyleId | { id: string; sizePt: number };
  children: ParagraphChild[];
  align?: Align;
  firstChars?: number;
  leftChars?: number;
  rightChars?: number;
  hangingChars?: number;
  /** Blank grid lines before the paragraph. */
  beforeLines?: number;
  /** Space after the paragraph in twips (room kept where a rule is left out). */
  afterTw?: number;
  keepNext?: boolean;
  /** Exact line height in twips, when not the style's. */
  lineTw?: number;
  /** `atLeast` instead of `exact`, for a line holding a picture. */
  atLeast?: boolean;
  border?: IBordersOptions;
  tabStops?: TabStopDefinition[];
  frame?: IParagraphOptions['frame'];
}

export function docxParagraph(g: Galley, o: ParagraphOptions): Paragraph {
  const st = typeof o.style === 'string' ? g.styles[o.style] : undefined;
  const id = typeof o.style === 'string' ? STYLE_ID[o.style] : o.style.id;
  const size = st?.sizePt ?? (o.style as { sizePt: number }).sizePt;
  const differs = <T>(v: T | undefined, base: T | undefined): T | undefined => (v !== undefined && v !== base ? v : undefined);
  const align = differs(o.align, st?.align);
  const first = differs(o.firstChars, st?.firstChars ?? 0);
  const sides = o.leftChars || o.rightChars || o.hangingChars;
  let indent: IParagraphOptions['indent'];
  if (o.hangingChars) {
    indent = {
      left: charsTw(g, (o.leftChars ?? 0) + o.hangingChars, size),
      right: charsTw(g, o.rightChars ?? 0, size),
      hanging: charsTw(g, o.hangingChars, size),
    };
  } else if (sides || first !== undefined) {
    const f = first ?? st?.firstChars ?? 0;
    indent = {
      left: charsTw(g, o.leftChars ?? 0, size),
      right: charsTw(g, o.rightChars ?? 0, size),
      firstLine: charsTw(g, f, size),
      firstLineChars: charsHundredths(f),
    };
  }
  const before = o.beforeLines ? lines(g, o.beforeLines) : undefined;
  const spacing =
    before !== undefined || o.lineTw !== undefined || o.afterTw !== undefined
      ? {
          before,
          after: o.afterTw,
          line: o.lineTw,
          lineRule: o.lineTw !== undefined ? (o.atLeast ? LineRuleType.AT_LEAST : LineRuleType.EXACT) : undefined,
        }
      : undefined;
  return new Paragraph({
    style: id,
    children: o.children,
    alignment: align ? ALIGN[align] : undefined,
    spacing,
    indent,
    keepNext: differs(o.keepNext, st?.keepWithNext ?? false),
    border: o.border,
    tabStops: o.tabStops,
    frame: o.frame,
  });
}
