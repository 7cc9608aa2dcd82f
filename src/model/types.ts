/**
 * The one typed model of an issue. It sits between the sources (YAML + Markdown) and the
 * renderers: the PDF and DOCX renderers read only this, never Markdown or YAML, so every
 * editorial decision (labels, date formats, lead/body joins, unit lines) is taken once, here
 * or in the model builder, and both outputs agree.
 */

/** Where something came from, for messages that point the editor at the right line. */
export interface SourcePos {
  /** Path relative to the series root, with forward slashes. */
  file: string;
  line: number;
  column?: number;
}

/**
 * Font roles, not font names: the renderers map a role to a file (PDF) or to the official
 * family name (DOCX). See src/layout/spec.ts for the sizes each element uses.
 */
export type FontRole = 'title' | 'body' | 'hei' | 'kai' | 'song';

/** A stretch of text with one look. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Overrides the font role of the enclosing block (run-in headings use 'hei' / 'kai'). */
  font?: FontRole;
  /** Superscript or subscript (footnote-like marks, units such as m²). */
  script?: 'super' | 'sub';
  /** Hyperlink target; shown as text, the target kept for DOCX. */
  link?: string;
}

export interface Paragraph {
  type: 'paragraph';
  runs: Run[];
  /** Default font role for runs without their own; 'body' when absent. */
  font?: FontRole;
  /** First-line indent of two characters (the default for body text). */
  indent?: boolean;
  align?: 'justify' | 'center' | 'right' | 'left';
  at?: SourcePos;
}

/** Heading levels of official documents: 1 一、 2 （一） 3 1. 4 （1）. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface Heading {
  type: 'heading';
  level: HeadingLevel;
  runs: Run[];
  at?: SourcePos;
}

export interface TableCell {
  runs: Run[];
}

export interface Table {
  type: 'table';
  /** Column alignment from the GFM delimiter row. */
  align: Array<'left' | 'center' | 'right' | null>;
  header: TableCell[];
  rows: TableCell[][];
  /** Caption such as 表1 组团内工作架构, shown above the table. */
  caption?: string;
  at?: SourcePos;
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  start: number;
  items: Block[][];
  at?: SourcePos;
}

export interface ImageBlock {
  type: 'image';
  /** Absolute path of a local file inside the series folder, already checked to exist. */
  path: string;
  format: 'png' | 'jpeg';
  /** Intrinsic size in pixels, read from the file header. */
  widthPx: number;
  heightPx: number;
  alt: string;
  caption?: string;
  at?: SourcePos;
}

export type Block = Paragraph | Heading | Table | ListBlock | ImageBlock;

/** One news item of a 动态 section: ★ + bold lead, then the body in the same paragraph. */
export interface NewsItem {
  kind: 'news';
  lead: Run[];
  /** The lead's plain text, for lists, outlines and the archive manifest. */
  leadText: string;
  /**
   * Body blocks. When the first block is a paragraph it is printed in the same paragraph as
   * the lead; later blocks follow as their own paragraphs.
   */
  body: Block[];
  /** The unit line as printed: canonical names joined by 、. */
  unit?: string;
  /** Canonical names of the reporting units given in front matter (unit:). */
  units: string[];
  at: SourcePos;
}

/** A long-form article (经验交流): centred title, ——subtitle, headings and body. */
export interface Article {
  kind: 'article';
  title: string;
  subtitle?: string;
  blocks: Block[];
  /** The unit line as printed: canonical names joined by 、. */
  unit?: string;
  /** Canonical names of the reporting units given in front matter (unit:). */
  units: string[];
  at: SourcePos;
}

export type Entry = NewsItem | Article;

export type SectionKind = 'news' | 'articles';

export interface Section {
  /** The column name without brackets, e.g. 省级动态; heads print as 【省级动态】. */
  name: string;
  /** The printed head, brackets included. */
  heading: string;
  kind: SectionKind;
  entries: Entry[];
}

/** 编者按, or a titled note such as 关于增设“经验交流”专栏的说明. */
export interface EditorNote {
  /** 编者按 prints run-in as the bold start of the first paragraph; a custom title is centred. */
  title: string;
  runIn: boolean;
  blocks: Block[];
  at: SourcePos;
}

export interface Masthead {
  /** Optional 密级 / 内部资料 line, top left. */
  classification?: string;
  seriesLine: string;
  name: string;
  /** The issue label as printed, e.g. 第9期 or 2024年第3期 or 增刊第1期. */
  label: string;
  /** Optional 总第N期. */
  totalLabel?: string;
  publisher: string;
  /** Formatted date, e.g. 2024年4月24日. */
  date: string;
  /** Where each printed value was written (bulletin.yaml or issue.yaml), for messages about its characters. */
  at?: Partial<Record<'classification' | 'seriesLine' | 'name' | 'label' | 'publisher' | 'date', SourcePos>>;
}

export type DistributionKey = '报' | '送' | '发' | '本期增发';

export interface DistributionLine {
  label: DistributionKey;
  /** The list, ending in 。 */
  text: string;
  /** Where the list was written: bulletin.yaml, or issue.yaml when the issue replaces it. */
  at?: SourcePos;
}

export interface EndBlock {
  distribution: DistributionLine[];
  /** The publisher as printed on the print line. */
  printer: string;
  /** e.g. 2024年4月24日印发 */
  printDate: string;
  /** e.g. 共印200份 */
  copies?: string;
  /** Series option: the end block must sit on an even page. */
  onEvenPage: boolean;
  /** Where the printer, print date and copies were written. */
  at?: Partial<Record<'printer' | 'printDate' | 'copies', SourcePos>>;
}

/**
 * The contents box (本期要目) under the masthead: `auto` prints it on a long issue (the
 * threshold is the layout's, src/layout/spec.ts CONTENTS), `always` and `never` as they say.
 */
export type ContentsSetting = 'auto' | 'always' | 'never';

export interface ContentsChoice {
  setting: ContentsSetting;
  /** Where the setting was written (issue.yaml or bulletin.yaml); absent for the default. */
  at?: SourcePos;
}

/** Where a role's font comes from: candidates in order, file paths or installed family names. */
export interface FontChoice {
  /** The official family name written into the DOCX (e.g. 仿宋_GB2312). */
  officialName: string;
  /** Candidate files or family names for the PDF, first usable wins; shipped font last. */
  candidates: string[];
}

export interface IssueMeta {
  number: number;
  /** Running total when the series counts one (总第N期). */
  total?: number;
  /** ISO date of the issue, YYYY-MM-DD; also the PDF/DOCX creation date for reproducibility. */
  isoDate: string;
  isoPrintDate: string;
  year: number;
  /** Special kind such as 增刊 / 专刊, when the issue is one. */
  special?: string;
  /** Document title for properties: 工作动态 第9期 */
  title: string;
  /** Author for properties: the publisher. */
  author: string;
  /** Output file name without extension: 工作动态第9期 */
  fileStem: string;
  /** The issue folder, relative to the series root. */
  dir: string;
}

export interface Issue {
  meta: IssueMeta;
  masthead: Masthead;
  note?: EditorNote;
  sections: Section[];
  endBlock: EndBlock;
  contents: ContentsChoice;
  fonts: Record<FontRole, FontChoice>;
  /** Absolute path of the series root, to resolve font paths given in bulletin.yaml. */
  seriesRoot: string;
}
