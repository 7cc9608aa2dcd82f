/**
 * One builder for every paragraph of the body, so that each is on the grid the same way: an
 * exact line height that is a whole number of grid lines (or a stated height off the grid),
 * blank lines as space before, punctuation allowed to hang (LibreOffice otherwise pushes a
 * full line's closing comma to the next line and loses the 28th character), and indents in
 * characters for Word as well as in twips for LibreOffice, which ignores the *Chars forms.
 */
import {
  AlignmentType,
  LineRuleType,
  Paragraph,
  type IBordersOptions,
  type IParagraphOptions,
  type ParagraphChild,
  type TabStopDefinition,
} from 'docx';
import { LINE_TW, charsHundredths, charsTw, lines } from './units.js';

export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export interface GridParagraphOptions {
  style: string;
  children: ParagraphChild[];
  /** Size of the paragraph's characters, for indents given in characters. */
  sizePt: number;
  align?: Align;
  /** Blank grid lines before the paragraph. */
  beforeLines?: number;
  /** Extra space before in twips, for the few things that are not whole lines. */
  beforeTw?: number;
  /** Exact line height in twips; one grid line when absent. */
  lineTw?: number;
  /** `atLeast` instead of `exact`, for lines holding a picture. */
  atLeast?: boolean;
  firstChars?: number;
  leftChars?: number;
  rightChars?: number;
  hangingChars?: number;
  border?: IBordersOptions;
  tabStops?: TabStopDefinition[];
  keepNext?: boolean;
  keepLines?: boolean;
  frame?: IParagraphOptions['frame'];
}

export function gridParagraph(o: GridParagraphOptions): Paragraph {
  const size = o.sizePt;
  const left = charsTw((o.leftChars ?? 0) + (o.hangingChars ?? 0), size);
  return new Paragraph({
    style: o.style,
    children: o.children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: {
      before: lines(o.beforeLines ?? 0) + (o.beforeTw ?? 0),
      after: 0,
      line: o.lineTw ?? LINE_TW,
      lineRule: o.atLeast ? LineRuleType.AT_LEAST : LineRuleType.EXACT,
    },
    indent: o.hangingChars
      ? { left, right: charsTw(o.rightChars ?? 0, size), hanging: charsTw(o.hangingChars, size) }
      : {
          left,
          right: charsTw(o.rightChars ?? 0, size),
          firstLine: charsTw(o.firstChars ?? 0, size),
          firstLineChars: o.firstChars ? charsHundredths(o.firstChars) : undefined,
        },
    overflowPunctuation: true,
    border: o.border,
    tabStops: o.tabStops,
    keepNext: o.keepNext,
    keepLines: o.keepLines,
    frame: o.frame,
  });
}
