/**
 * The Galley: an issue composed once, before any output format. Every decision that is not a
 * fact of one format lives here already made — which font role and style each run and block
 * has, blank lines between blocks (collapsed), ★ and run-in leads, list markers, masthead and
 * end-block lines, balanced title lines, table column widths and image sizes (measured with
 * the real fonts), list geometry, keep-with-next and outline entries. It is not paginated:
 * layout/paginate.ts sets its lines and pages for the PDF, the DOCX leaves pagination to
 * Word, the web edition has no pages.
 *
 * A translator (src/render/<format>/) walks a Galley and writes its format; it never looks at
 * the model (src/model/types.ts) and never decides layout. Sizes are in points, indents and
 * blank lines in characters and grid lines of the block's own style.
 */
import type { ContentsSetting, FontChoice, FontRole, IssueMeta, SourcePos } from '../model/types.js';
import type { BlockStyle, StyleId } from './styles.js';

// The model's vocabulary a renderer needs, passed on here: src/render never imports src/model.
export type { ContentsSetting, FontChoice, FontRole, SourcePos } from '../model/types.js';
export type { BlockStyle, StyleId } from './styles.js';

/** Horizontal alignment of a block or a table column. */
export type Align = 'justify' | 'left' | 'center' | 'right';

/** A stretch of text with one look, its font role already decided (bold → 黑体 and the like). */
export interface GRun {
  text: string;
  role: FontRole;
  /**
   * Embolden this run's face (no bold face is shipped for every role: the PDF strokes the
   * glyphs, the DOCX writes w:b, the web writes font-weight). Only set where bold differs
   * from the role's own look.
   */
  bold?: boolean;
  /** Superscript or subscript. */
  script?: 'super' | 'sub';
  /** Web or mail target of a link, the only kind compose keeps (LINKABLE); the text prints as plain text on paper. */
  link?: string;
  /** The run starts a new line inside its paragraph (balanced title lines). */
  breakBefore?: boolean;
  /** The lead of a news item (★ + title): the DOCX gives it a character style. */
  lead?: boolean;
}

/** An entry of the PDF outline / DOCX navigation / web table of contents. */
export interface OutlineEntry {
  id: string;
  parentId?: string;
  text: string;
  /** 0 for column heads and the editor's note, 1 for items and articles under a column. */
  level: number;
}

interface BlockBase {
  /** Blank grid lines before the block, already collapsed with what the block before left. */
  blankBefore: number;
  /**
   * Left edge of the block in body characters from the text block's left edge: inside a list
   * item, the item's text column (GList.textAtChars). Absent: 0.
   */
  leftChars?: number;
  /** Must not end a page: it stays with the block after it. */
  keepWithNext: boolean;
  outline?: OutlineEntry;
  at?: SourcePos;
}

/**
 * A paragraph of text on the grid: body text, heads, titles, captions. `style` names its
 * look (font role, size, alignment, first-line indent: src/layout/styles.ts); fields set here
 * are what the paragraph has beyond its style.
 */
export interface GParagraph extends BlockBase {
  kind: 'paragraph';
  style: StyleId;
  runs: GRun[];
  /** First-line indent in characters of the style's size (may differ from the style's). */
  indentChars: number;
  align: Align;
}

/**
 * A list: each item has its marker (1. / ●) at `markerAtChars`, its text hanging at
 * `textAtChars`, both in body characters from the text block's left edge, decided once for
 * every format; a nested list's marker stands one list indent further in than its parent's.
 * The item's blocks carry `leftChars` = textAtChars.
 */
export interface GList extends BlockBase {
  kind: 'list';
  markerAtChars: number;
  textAtChars: number;
  items: Array<{ marker: GRun; blocks: GBlock[] }>;
}

/** A merged cell of a table: from grid row `row` (0 the header row) and column `col`, `rows` × `cols` cells. */
export interface GSpan {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * A ruled table; column widths are content widths in points (padding and rules excluded). The
 * block after a table keeps at least one blank grid line (its blankBefore), so the next
 * paragraph never sits on the bottom rule.
 */
export interface GTable extends BlockBase {
  kind: 'table';
  caption?: GParagraph;
  /** A column of numbers only (with , . % or a unit) is aligned right unless its author chose. */
  columns: Array<{ widthPt: number; align: Exclude<Align, 'justify'> }>;
  /**
   * The grid, a cell for every column in every row: the header row, then the others. The
   * first `headerRows` rows (header included) are the table's head: style tableHeader, repeated
   * on a new page; the rest style tableText.
   */
  header: GRun[][];
  rows: GRun[][][];
  headerRows: number;
  /** Merged cells; a grid cell a span covers (other than its first) is empty and not drawn. */
  spans: GSpan[];
  sizePt: number;
  /** Height of one line of table text in points. */
  lineHeightPt: number;
  /** Cell padding left and right (half a character of the table's size) and top and bottom. */
  paddingXPt: number;
  paddingYPt: number;
  ruleWidthPt: number;
}

/** A picture, centred, scaled to fit; it takes `gridLines` whole grid lines. */
export interface GImage extends BlockBase {
  kind: 'image';
  /** Absolute path of the local file. */
  path: string;
  format: 'png' | 'jpeg';
  widthPt: number;
  heightPt: number;
  gridLines: number;
  alt: string;
  caption?: GParagraph;
}

export type GBlock = GParagraph | GList | GTable | GImage;

/** One line of the masthead, centred (or flush left) in `gridLines` whole grid lines. */
export interface GMastheadLine {
  style: StyleId;
  runs: GRun[];
  align: Exclude<Align, 'justify'>;
  gridLines: number;
  /** Blank grid lines after this line. */
  blankAfter: number;
  /** Hex RGB, e.g. FF0000, when not black; print uses `cmyk`. */
  color?: string;
  cmyk?: [number, number, number, number];
  /** Part of the red masthead that preprinted paper (套打) already carries. */
  preprinted?: true;
  /** Where its text was written, for messages about its characters. */
  at?: SourcePos;
}

/** The masthead (报头) of page 1: its lines, the publisher/date line and the red rule. */
export interface GMasthead {
  lines: GMastheadLine[];
  /** Publisher flush left and date flush right on one grid line. */
  publisher: { style: StyleId; left: GRun[]; right: GRun[]; indentChars: number; leftAt?: SourcePos; rightAt?: SourcePos };
  /**
   * Thickness `widthPt`; `offsetPt` from the publisher line's glyphs down to the rule's top
   * edge. The rule is part of what preprinted paper carries.
   */
  rule: { widthPt: number; color: string; cmyk: [number, number, number, number]; offsetPt: number };
  /**
   * The issue is printed on preprinted paper (套打): the paper formats leave out the lines
   * marked `preprinted` and the rule, and keep their room, so everything else stands where it
   * would. The web edition has no paper: it shows the whole masthead whatever this says.
   */
  onPreprintedPaper: boolean;
  /** Blank grid lines between the rule and the body. */
  blankAfterRule: number;
  /** Grid lines the whole masthead takes, rule and blank lines included. */
  gridLines: number;
}

/**
 * A headline of the contents box (本期要目): the column head before the first headline of its
 * column, standing in the box's head column; the marker (★ before a news item's lead); the
 * headline, its wrapped lines under its text. Columns are GContents' (in characters).
 */
export interface GContentsEntry {
  head?: { runs: GRun[]; target: string };
  marker?: GRun;
  runs: GRun[];
  /** Grid lines it takes, set by the one line setter from the text column to the right padding. */
  lines: number;
  /** The outline entry of the block it names: where a link from it goes. */
  target: string;
}

/**
 * The contents box (本期要目) on page 1 under the masthead: a ruled frame the width of the text
 * block, its title centred on the first line, then one entry a line (more where a headline
 * wraps), each line a grid line; its rules lie in the gaps above its first and below its last
 * line, so it takes `gridLines` whole grid lines. Columns are in characters of the box's size
 * from its text edge (the frame's left rule plus `paddingChars`): column heads at 0, markers
 * at `headChars`, headlines at `textChars`.
 */
export interface GContents {
  title: { style: 'contentsTitle'; runs: GRun[] };
  entries: GContentsEntry[];
  style: 'contentsItem';
  paddingChars: number;
  /** Characters of the box's size a line holds between the paddings. */
  lineChars: number;
  headChars: number;
  textChars: number;
  ruleWidthPt: number;
  /** The title's line and every entry's lines. */
  gridLines: number;
  /** Blank grid lines between the box and the body. */
  blankAfter: number;
}

/**
 * How the contents box was decided, for messages: the setting and where it was written, what
 * `auto` measured, and — when a box was wanted but not printed — that it needed more lines
 * than page 1 has under the masthead.
 */
export interface GContentsChoice {
  setting: ContentsSetting;
  at?: SourcePos;
  /** Items and articles of the issue. */
  items: number;
  /** Pages of the issue without the box, where `auto` counted them, counted up to CONTENTS.autoFromPages. */
  pagesWithout?: number;
  printed: boolean;
  tooTall?: { lines: number; room: number };
}

/** One list of the end block: `报：` + its text, the text wrapping after the colon. */
export interface GDistribution {
  label: string;
  text: string;
  /** Lines it takes at the end block's size (measured). */
  lines: number;
  /** Where the list was written, for messages about its characters. */
  at?: SourcePos;
}

/** The end block (版记): at the bottom of the last page, its last rule on the text block's edge. */
export interface GEndBlock {
  style: StyleId;
  role: FontRole;
  sizePt: number;
  /** Every line of the block is one grid line of this pitch. */
  linePitchPt: number;
  indentChars: number;
  distribution: GDistribution[];
  /** e.g. 共印120份, flush right on its own line. */
  copies?: string;
  printer: string;
  printDate: string;
  /** Lines from the block's top after which a rule is drawn, with its width; 0 is the top rule. */
  rules: Array<{ afterLines: number; widthPt: number }>;
  /** Lines of text the block holds. */
  lines: number;
  /** Blank grid lines kept clear between the body and the top rule. */
  blankBefore: number;
  onEvenPage: boolean;
  /** DOCX: size and line height of the empty paragraph the floating block hangs on. */
  anchorPt: number;
  /** Where the printer, print date and copies were written. */
  at?: Partial<Record<'printer' | 'printDate' | 'copies', SourcePos>>;
}

/** Page numbers — N —, odd pages flush right, even flush left, `indentChars` in. */
export interface GPageNumber {
  style: StyleId;
  role: FontRole;
  sizePt: number;
  prefix: string;
  suffix: string;
  belowTextBlockPt: number;
  indentChars: number;
}

/** The page and its 28 × 22 grid. */
export interface GPage {
  /** Paper and margins as the spec gives them, in millimetres (the web edition's print CSS). */
  mm: { width: number; height: number; top: number; bottom: number; left: number; right: number };
  widthPt: number;
  heightPt: number;
  marginTopPt: number;
  marginBottomPt: number;
  marginLeftPt: number;
  marginRightPt: number;
  blockWidthPt: number;
  blockHeightPt: number;
  linePitchPt: number;
  charPitchPt: number;
  lines: number;
  chars: number;
}

/** The issue's facts for document properties and a shared link's preview. */
export interface GMeta extends IssueMeta {
  seriesLine: string;
  name: string;
  /** The issue label as printed (第9期), without 总第N期. */
  label: string;
  /** The masthead's date as printed. */
  date: string;
  publisher: string;
  /** Leads of the news items and titles of the articles, in reading order. */
  headlines: string[];
}

/**
 * Text facts every format applies the same way, decided by the layout: the body size the
 * other sizes are relative to, the text colour, the kinsoku lists, widow and orphan lines.
 */
export interface GText {
  /** Nominal body size (三号) in points. */
  bodySizePt: number;
  /** 三号 in the PDF: added after every glyph so that a full-width one takes one cell (negative). */
  bodyTrackPt: number;
  /** Hex RGB of text and black rules. */
  color: string;
  /** DOCX: every run tightened by this many twips, so 28 characters fit clients without a grid. */
  docxRunSpacingTwips: number;
  /** Stroke of an emboldened face, in em of its size. */
  syntheticBoldStrokeEm: number;
  /** GB/T 15834 §5.1: marks that never begin a line and marks that never end one. */
  kinsoku: { noLineStart: string; noLineEnd: string };
  /** Lines a paragraph keeps on each side of a page break (widows and orphans). */
  minSplitLines: number;
  /** The role of a news item's lead (★ + title). */
  leadRole: FontRole;
}

export interface Galley {
  meta: GMeta;
  page: GPage;
  /** The named block styles (src/layout/styles.ts) that blocks refer to by `style`. */
  styles: Record<StyleId, BlockStyle>;
  text: GText;
  masthead: GMasthead;
  /** The contents box under the masthead, when the issue prints one. */
  contents?: GContents;
  contentsChoice: GContentsChoice;
  /** Everything between the masthead (and the contents box) and the end block, in reading order. */
  body: GBlock[];
  endBlock: GEndBlock;
  pageNumber: GPageNumber;
  /** Official family names (DOCX, CSS) and file candidates (PDF), per role. */
  fonts: Record<FontRole, FontChoice>;
  /** Where the issue's yaml sits, for messages about masthead and end-block text. */
  at: { masthead: SourcePos; endBlock: SourcePos };
}
