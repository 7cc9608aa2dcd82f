/**
 * Every layout number of the bulletin, in one place, named and with its unit.
 * Source: ../shared/spec/official-format.md (GB/T 9704-2012, GB/T 15834-2011, 简报 custom).
 * The PDF and DOCX renderers both read from here, so they cannot drift apart; neither of them
 * may carry a layout number of its own.
 */
import type { FontRole, HeadingLevel } from '../model/types.js';

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;
/** Twentieths of a point (twips) per point, the DOCX unit. */
export const TWIPS_PER_PT = 20;

export const mm = (v: number): number => v * PT_PER_MM;
export const ptToTwips = (v: number): number => Math.round(v * TWIPS_PER_PT);
export const mmToTwips = (v: number): number => ptToTwips(mm(v));

/** A4, bound on the left, printed on both sides (standard). */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginTopMm: 37,
  marginBottomMm: 35,
  marginLeftMm: 28,
  marginRightMm: 26,
} as const;

/** The text block (版心): 156 × 225 mm. */
export const TEXT_BLOCK = {
  widthMm: PAGE.widthMm - PAGE.marginLeftMm - PAGE.marginRightMm,
  heightMm: PAGE.heightMm - PAGE.marginTopMm - PAGE.marginBottomMm,
  get widthPt(): number {
    return mm(this.widthMm);
  },
  get heightPt(): number {
    return mm(this.heightMm);
  },
};

/** 字号 to points, Word / WPS convention. */
export const ZIHAO = {
  chuhao: 42,
  xiaochu: 36,
  yihao: 26,
  xiaoyi: 24,
  erhao: 22,
  xiaoer: 18,
  sanhao: 16,
  xiaosan: 15,
  sihao: 14,
  xiaosi: 12,
  wuhao: 10.5,
} as const;

/**
 * The 28 × 22 grid. 22 lines of 28.99 pt overflow the block by a hair in some engines, so the
 * pitch is fixed a little lower (28.95 pt = 579 twips, which LibreOffice honours). 28 glyphs of
 * 16 pt are 448 pt, wider than the 442.2 pt block: each character cell is tightened to
 * block width / 28.
 */
export const GRID = {
  lines: 22,
  chars: 28,
  /** Line pitch in points: ≤ 637.8 / 22 so that 22 lines fit. */
  linePitchPt: 28.95,
  /** Character cell in points: 442.2 / 28 = 15.79, a hair less to absorb rounding. */
  get charPitchPt(): number {
    return Math.floor((TEXT_BLOCK.widthPt / this.chars) * 100) / 100;
  },
} as const;

/** Body text: 三号 仿宋, black (standard). */
export const BODY = {
  /** Nominal size, written into the DOCX (sz = 32 half-points). */
  sizePt: ZIHAO.sanhao,
  /**
   * DOCX: tighten every run by 5 twips (0.25 pt) so that 28 cells of 15.75 pt fit the block in
   * clients that ignore the document grid (LibreOffice, WPS).
   */
  docxRunSpacingTwips: -5,
  /**
   * PDF: glyphs at their nominal 16 pt, each tightened by this much (character spacing), so
   * that a full-width character takes one cell of 15.79 pt and 28 fill a line (spec §1).
   */
  get pdfTrackPt(): number {
    return GRID.charPitchPt - ZIHAO.sanhao;
  },
  /** First-line indent in characters. */
  indentChars: 2,
  color: '000000',
} as const;

/** Red of the masthead: about #FF0000 on screen, C0 M80 Y80 K0 in print. */
export const RED = { rgb: 'FF0000', cmyk: [0, 80, 80, 0] as [number, number, number, number] };

/**
 * The masthead (报头), page 1 only. Heights are whole grid lines so that the body below it
 * stays on the grid; the masthead ends near the top third of the text block.
 */
export const MASTHEAD = {
  classification: { role: 'hei' as FontRole, sizePt: ZIHAO.sanhao, lines: 1 },
  seriesLine: { role: 'title' as FontRole, sizePt: ZIHAO.xiaoer, lines: 1, color: RED.rgb },
  name: { role: 'title' as FontRole, sizePt: ZIHAO.chuhao, lines: 2, color: RED.rgb },
  label: { role: 'body' as FontRole, sizePt: ZIHAO.sanhao, lines: 1 },
  /** Blank lines between the label and the publisher/date line. */
  gapLines: 1,
  publisherLine: { role: 'body' as FontRole, sizePt: ZIHAO.sanhao, lines: 1 },
  /**
   * The red rule under the publisher/date line, full text-block width. A 简报 closes its
   * masthead with a heavy rule (粗线), heavier than a 公文's 1.5 pt (0.53 mm) red separator:
   * 2.25 pt = 0.79 mm, inside the custom 0.5–1 mm and one of Word's own border widths
   * (2¼ 磅), so an editor who opens the border dialog sees a width Word names.
   */
  ruleWidthPt: 2.25,
  /** Gap between the publisher line's glyphs and the rule's top edge, in points. */
  ruleOffsetPt: 4,
  /** Blank lines after the rule before the body starts. */
  afterRuleLines: 1,
  /** Publisher and date sit this many characters in from the block edges. */
  publisherIndentChars: 0,
} as const;

/** Masthead height in grid lines, with or without the classification line. */
export function mastheadLines(hasClassification: boolean): number {
  const m = MASTHEAD;
  return (
    (hasClassification ? m.classification.lines : 0) +
    m.seriesLine.lines +
    m.name.lines +
    m.label.lines +
    m.gapLines +
    m.publisherLine.lines +
    m.afterRuleLines
  );
}

/**
 * The contents box (本期要目, custom) on page 1 under the masthead: a ruled frame the width of
 * the text block, its title centred in 黑体, then one line per item: the column's head
 * 【省级动态】 in 黑体 before its first item, in a column of its own on the left, and each
 * item's headline in 楷体 (★ before a news item's, as in the body; an article's title as it
 * stands, in the same text column), a long one wrapping under its own text, never cut. Heads
 * beside the headlines rather than on lines of their own keep a 13-item issue within page 1.
 * Everything is 三号 on the body grid, so the box's lines are grid lines: the frame's rules lie
 * in the gaps between grid lines, half a gap from the glyphs, and the box takes whole grid lines.
 */
export const CONTENTS = {
  title: '本期要目',
  titleRole: 'hei' as FontRole,
  headRole: 'hei' as FontRole,
  itemRole: 'kai' as FontRole,
  sizePt: ZIHAO.sanhao,
  /** Before a news item's headline, as in the body; an article's title has none. */
  newsMarker: '★',
  markerChars: 1,
  /** Text inset from the frame's left and right rules, in characters. */
  paddingChars: 1,
  /** ¾ pt, one of Word's border widths: a light frame that does not compete with the red rule. */
  ruleWidthPt: 0.75,
  /** Blank grid lines between the box and the body below it. */
  blankLinesAfter: 1,
  /**
   * `auto`: the box is printed when the issue without it runs to this many pages or more and
   * has at least `autoMinItems` items. Up to three pages a reader sees every item by turning a
   * page or two, and the box would take a third of page 1 for what is nearly in view; from four
   * pages (two sheets printed on both sides, stapled) most items stand behind the first sheet.
   * A single item needs no list: its title is just below the box.
   */
  autoFromPages: 4,
  autoMinItems: 2,
} as const;

/**
 * A paragraph broken across pages keeps at least `minLines` lines on each side: no single
 * line left alone at the top of a page (widow, spec §11) where pulling one more line over is
 * possible, nor at the foot of one (orphan). This is Word's widow/orphan control and what
 * LibreOffice makes of a DOCX's w:widowControl (2 widows, 2 orphans), so the PDF and the
 * DOCX break their pages alike.
 */
export const PARAGRAPH_SPLIT = { minLines: 2 } as const;

/** Column heads 【省级动态】: 三号 黑体, flush left, one blank line above (not on a fresh page). */
export const SECTION_HEAD = {
  role: 'hei' as FontRole,
  sizePt: ZIHAO.sanhao,
  indentChars: 0,
  blankLinesBefore: 1,
  open: '【',
  close: '】',
} as const;

/** News items: ★ + bold lead + body in one paragraph. */
export const NEWS_ITEM = {
  star: '★',
  /** The lead prints in this role (bold 仿宋 is not available as a free face; 黑体 is the custom). */
  leadRole: 'hei' as FontRole,
  indentChars: 2,
  /** How the reporting unit of an item is printed after its body. */
  unitFormat: (unit: string): string => `（${unit}供稿）`,
} as const;

/** 编者按 / titled note before the first column. */
export const EDITOR_NOTE = {
  bodyRole: 'kai' as FontRole,
  /** A run-in 编者按： prints in this role. */
  runInRole: 'hei' as FontRole,
  /** A titled note's centred title. */
  titleRole: 'hei' as FontRole,
  sizePt: ZIHAO.sanhao,
  blankLinesAfter: 1,
} as const;

/** Long-form article (经验交流). */
export const ARTICLE = {
  title: { role: 'title' as FontRole, sizePt: ZIHAO.erhao },
  subtitle: { role: 'kai' as FontRole, sizePt: ZIHAO.sanhao, prefix: '——' },
  /** Blank grid lines before an article title (not on a fresh page) and after the subtitle. */
  blankLinesBefore: 1,
  blankLinesAfterHeader: 1,
} as const;

/** Heading levels 一、（一）1.（1）: role, and whether bold (custom, off: no free bold faces). */
export const HEADINGS: Record<HeadingLevel, { role: FontRole; bold: boolean; indentChars: number }> = {
  1: { role: 'hei', bold: false, indentChars: 2 },
  2: { role: 'kai', bold: false, indentChars: 2 },
  3: { role: 'body', bold: false, indentChars: 2 },
  4: { role: 'body', bold: false, indentChars: 2 },
};

/**
 * Bold text inside a role prints in this role. Bold 仿宋 stays 仿宋 (a run-in lead 一是……。 is
 * bold 仿宋, custom; 黑体 is for 一、 heads): no bold 仿宋 face is shipped, so it is emboldened
 * (SYNTHETIC_BOLD); the others have no such custom and print in 黑体.
 */
export const BOLD_ROLE: Record<FontRole, FontRole> = {
  body: 'body',
  kai: 'hei',
  hei: 'hei',
  title: 'title',
  song: 'hei',
};

/**
 * Roles whose bold is the regular face emboldened: the PDF fills and strokes the glyph
 * outlines with a line of `strokeEm` of the size (advance widths unchanged, so lines break
 * as in regular text), the DOCX writes w:b (Word and LibreOffice embolden a font without a
 * bold face), the web edition font-weight: bold. 1/30 em is LibreOffice's own stroke for
 * such a face (measured in its PDF export: 0.533 pt at 16 pt), so both look alike.
 */
export const SYNTHETIC_BOLD = {
  roles: ['body'] as readonly FontRole[],
  strokeEm: 1 / 30,
} as const;

/** Tables: ruled, header row in 黑体, 四号 text so that more columns fit. */
export const TABLE = {
  sizePt: ZIHAO.sihao,
  headerRole: 'hei' as FontRole,
  bodyRole: 'body' as FontRole,
  /** Line height factor of table text relative to its size. */
  lineHeight: 1.35,
  ruleWidthPt: 0.5,
  /** Cell padding left and right, in characters of the table's size: text never touches a rule. */
  cellPaddingXChars: 0.5,
  /** Cell padding above and below the text, in points. */
  cellPaddingYPt: 3,
  /** Blank grid lines kept free after a table: the next paragraph never sits on its bottom rule. */
  blankLinesAfter: 1,
  /**
   * A body cell that is a number: digits with , . and an optional sign, percent or unit of up
   * to three hanzi (120人, 3.5万元, 85%). A column of them (empty cells aside) aligns right.
   */
  numberCell: /^[+\-−]?[0-9][0-9,，.]*(?:[%‰]|\p{Script=Han}{1,3})?$/u,
  /** A column is never narrower than this many characters of table text. */
  minColumnChars: 2,
  /**
   * Sizes a table steps down through when its columns do not fit the text block at the size
   * before (四号, 小四, 五号, 小五, 六号): the first size at which every column gets
   * `minColumnChars` is taken. A table that needs more is refused (see maxTableColumns).
   */
  sizeStepsPt: [14, 12, 10.5, 9, 7.5] as readonly number[],
  caption: { role: 'hei' as FontRole, sizePt: ZIHAO.sihao },
} as const;

/** Lists: marker then text, wrapped lines hanging under the text. */
export const LIST = {
  indentChars: 2,
  bullet: '●',
  /** Width of the marker column (1. / 10. / ●) in characters; the text starts after it. */
  markerChars: 2,
} as const;

/** Images: scaled to fit the text width (never enlarged), caption centred below. */
export const IMAGE = {
  maxWidthPt: (): number => TEXT_BLOCK.widthPt,
  /** At most this share of the text block height, so an image and its caption fit a page. */
  maxHeightShare: 0.75,
  caption: { role: 'kai' as FontRole, sizePt: ZIHAO.sihao },
  /** Pixels per inch assumed for images without a resolution. */
  assumedDpi: 96,
} as const;

/** End block (版记): at the bottom of the last page, its last rule on the text block's edge. */
export const END_BLOCK = {
  role: 'body' as FontRole,
  sizePt: ZIHAO.sihao,
  /** Distribution lines and the print line are indented 1 character (of 四号) each side. */
  indentChars: 1,
  outerRuleMm: 0.35,
  innerRuleMm: 0.25,
  /** Blank grid lines kept clear between the body text and the end block's first rule. */
  blankLinesBefore: 1,
  /** Each line of the end block takes one grid line. */
  get linePitchPt(): number {
    return GRID.linePitchPt;
  },
  /** 印发 date suffix. */
  printSuffix: '印发',
  copiesFormat: (n: number): string => `共印${n}份`,
  /**
   * DOCX only: the end block floats at the bottom margin, anchored to an empty paragraph after
   * it; that paragraph's font size and line height in points, as small as Word allows, so it
   * needs no room on a full last page.
   */
  anchorPt: 1,
  order: ['报', '送', '发', '本期增发'] as const,
} as const;

/** Page numbers — 1 —: 四号 宋体, about 7 mm below the text block; odd right, even left. */
export const PAGE_NUMBER = {
  role: 'song' as FontRole,
  sizePt: ZIHAO.sihao,
  belowTextBlockMm: 7,
  /** 1 character (of 四号) in from the outer edge of the text block. */
  indentChars: 1,
  /** The number is set between these affixes: an em dash and a space each side. */
  prefix: '— ',
  suffix: ' —',
  format: (n: number): string => `${PAGE_NUMBER.prefix}${n}${PAGE_NUMBER.suffix}`,
} as const;

/**
 * Line breaking, GB/T 15834-2011 §5.1: these never begin a line, these never end one, and
 * `——` / `……` are never split.
 */
export const KINSOKU = {
  noLineStart: '。，、；：？！）》」』】〕〗〉”’…—·%‰℃',
  noLineEnd: '（《「『【〔〖〈“‘',
  unbreakable: ['——', '……'],
  /**
   * Closing marks that may hang past the last cell of a full body line (spec §9), as Word
   * does with 允许标点溢出边界: one cell of them, or two when the first gives up its blank half.
   */
  hangable: '。，、；：？！）》」』】〕〗〉”’',
  /**
   * Marks whose glyph sits in the left half of its cell (Chinese fonts: stops, pauses and
   * closing brackets and quotes), and those whose glyph sits in the right half (opening
   * brackets and quotes). Off the grid, of two adjacent marks the blank half between them is
   * removed (spec §11, clreq: punctuation compression).
   */
  blankRightHalf: '。，、；：）》」』】〕〗〉”’',
  blankLeftHalf: '（《「『【〔〖〈“‘',
} as const;

/**
 * Superscript and subscript: their size, and their baseline shift in em of the reduced size
 * (the figures pdfmake uses, so the print looks as it did).
 */
export const SCRIPT = {
  scale: 0.58,
  superRise: 0.75,
  subDrop: 0.35,
} as const;

/** Official family names written into the DOCX, one per role. */
export const OFFICIAL_FONT_NAMES: Record<FontRole, string> = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
};

/** Shipped free stand-ins, relative to the project's fonts/ folder. */
export const SHIPPED_FONTS: Record<FontRole, string> = {
  title: 'FandolSong-Bold.otf',
  body: 'FandolFang-Regular.otf',
  hei: 'FandolHei-Regular.otf',
  kai: 'FandolKai-Regular.otf',
  song: 'FandolSong-Regular.otf',
};

/** Per-character fallback for whatever the role's font lacks (rare name characters). */
export const SHIPPED_FALLBACK_FONT = 'NotoSerifCJKsc-Fallback.otf';

/** Characters count as this many cells when measuring "28 per line". */
export const FULL_WIDTH_CELL = 1;

/**
 * The bound volume (合订本, `bulletin volume`): a cover and a 目录 before the issues' own
 * pages. Lines stand on the body grid; sizes are the official ones (spec §2, §3). The cover
 * takes the masthead's look (red 小标宋 series line and name, a red rule), the 目录 the body's:
 * 三号 on the 28 × 22 grid, each entry's page number flush right after a leader of dots.
 * No custom or standard fixes these; they are the common 目录 of a Chinese book.
 */
export const VOLUME = {
  cover: {
    /** Grid line (0-based from the text block's top) each line starts on, and the lines it takes. */
    seriesLine: { role: 'title' as FontRole, sizePt: ZIHAO.xiaoer, line: 3, lines: 1, color: RED.rgb },
    name: { role: 'title' as FontRole, sizePt: ZIHAO.chuhao, line: 4, lines: 2, color: RED.rgb },
    /** The red rule under the name, on the boundary between these grid lines, as heavy as the masthead's. */
    ruleAfterLine: 6,
    ruleWidthPt: MASTHEAD.ruleWidthPt,
    title: { role: 'title' as FontRole, sizePt: ZIHAO.yihao, line: 9, lines: 2 },
    span: { role: 'kai' as FontRole, sizePt: ZIHAO.sanhao, line: 11, lines: 1 },
    publisher: { role: 'hei' as FontRole, sizePt: ZIHAO.sanhao, line: 19, lines: 1 },
    /** 2024年合订本, or 合订本 for a span that is not a calendar year. */
    titleText: (year?: number): string => (year !== undefined ? `${year}年合订本` : '合订本'),
  },
  contents: {
    title: { role: 'title' as FontRole, sizePt: ZIHAO.erhao, text: '目\u3000录', blankLinesAfter: 1 },
    /** 第9期（2024年4月24日）: flush left, a blank line before every issue but the first on a page. */
    issue: { role: 'hei' as FontRole, indentChars: 0, blankLinesBefore: 1 },
    /** The editor's note and the column heads, one character in. */
    part: { role: 'kai' as FontRole, indentChars: 1 },
    /** Items two characters in; a news item's ★ hangs, its wrapped lines stand under its text. */
    item: { role: 'body' as FontRole, indentChars: 2 },
    star: NEWS_ITEM.star,
    /** A news item's lead ends in 。 in the issue; a 目录 line and a bookmark name it without. */
    headline: (lead: string): string => lead.replace(/[。．]$/u, ''),
    /** Characters kept free at the right of every text line for the leader and the page number. */
    pageColumnChars: 4,
    pageRole: 'body' as FontRole,
    /** Leader dots, one every half character, at least half a character clear of the text and the number. */
    leader: { text: '·', pitchChars: 0.5, clearChars: 0.5 },
  },
  /** Page labels a viewer shows for the front matter; the issues' pages are numbered 1, 2, … */
  labels: { cover: '封面', contents: '目录' },
} as const;
