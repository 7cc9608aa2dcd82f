/**
 * The named block styles of a bulletin: the DOCX writes them as Word styles (so that changing
 * 简报正文 in Word reflows the body), the web edition as CSS classes, the PDF reads their
 * sizes. A Galley block names its style and carries only what differs from it.
 */
import type { FontRole } from '../model/types.js';
import {
  ARTICLE,
  BODY,
  CONTENTS,
  EDITOR_NOTE,
  END_BLOCK,
  GRID,
  HEADINGS,
  IMAGE,
  LIST,
  MASTHEAD,
  PAGE_NUMBER,
  SECTION_HEAD,
  TABLE,
} from './spec.js';

export type StyleId =
  | 'body'
  | 'note'
  | 'noteTitle'
  | 'sectionHead'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'heading4'
  | 'articleTitle'
  | 'articleSubtitle'
  | 'listItem'
  | 'tableText'
  | 'tableHeader'
  | 'tableCaption'
  | 'image'
  | 'imageCaption'
  | 'classification'
  | 'seriesLine'
  | 'name'
  | 'label'
  | 'publisherLine'
  | 'contentsTitle'
  | 'contentsItem'
  | 'endBlock'
  | 'pageNumber';

export interface BlockStyle {
  /** The name an editor sees in Word's style list. */
  name: string;
  role: FontRole;
  /** Nominal size (三号 = 16 pt); the PDF tightens 三号 to one character cell, see BODY.pdfTrackPt. */
  sizePt: number;
  align: 'justify' | 'left' | 'center' | 'right';
  /** First-line indent in characters of this size. */
  firstChars: number;
  /** Exact line height in points. */
  lineHeightPt: number;
  keepWithNext: boolean;
  /** Hex RGB when not black. */
  color?: string;
  /** Outline level of Word's heading styles (0 = 标题 1). */
  outlineLevel?: number;
}

const line = GRID.linePitchPt;
const s = (name: string, role: FontRole, sizePt: number, more: Partial<BlockStyle> = {}): BlockStyle => ({
  name,
  role,
  sizePt,
  align: 'justify',
  firstChars: 0,
  lineHeightPt: line,
  keepWithNext: false,
  ...more,
});

export const STYLES: Record<StyleId, BlockStyle> = {
  body: s('简报正文', 'body', BODY.sizePt, { firstChars: BODY.indentChars }),
  note: s('编者按', EDITOR_NOTE.bodyRole, EDITOR_NOTE.sizePt, { firstChars: BODY.indentChars }),
  noteTitle: s('编者按标题', EDITOR_NOTE.titleRole, EDITOR_NOTE.sizePt, { align: 'center', keepWithNext: true }),
  sectionHead: s('栏目名', SECTION_HEAD.role, SECTION_HEAD.sizePt, {
    align: 'left',
    firstChars: SECTION_HEAD.indentChars,
    keepWithNext: true,
  }),
  heading1: s('heading 1', HEADINGS[1].role, BODY.sizePt, { firstChars: HEADINGS[1].indentChars, keepWithNext: true, outlineLevel: 0 }),
  heading2: s('heading 2', HEADINGS[2].role, BODY.sizePt, { firstChars: HEADINGS[2].indentChars, keepWithNext: true, outlineLevel: 1 }),
  heading3: s('heading 3', HEADINGS[3].role, BODY.sizePt, { firstChars: HEADINGS[3].indentChars, keepWithNext: true, outlineLevel: 2 }),
  heading4: s('heading 4', HEADINGS[4].role, BODY.sizePt, { firstChars: HEADINGS[4].indentChars, keepWithNext: true, outlineLevel: 3 }),
  articleTitle: s('文章标题', ARTICLE.title.role, ARTICLE.title.sizePt, { align: 'center', keepWithNext: true }),
  articleSubtitle: s('文章副标题', ARTICLE.subtitle.role, ARTICLE.subtitle.sizePt, { align: 'center', keepWithNext: true }),
  listItem: s('列表', 'body', BODY.sizePt, { firstChars: LIST.indentChars }),
  tableText: s('表格文字', TABLE.bodyRole, TABLE.sizePt, { align: 'left', lineHeightPt: TABLE.sizePt * TABLE.lineHeight }),
  tableHeader: s('表头', TABLE.headerRole, TABLE.sizePt, { align: 'center', lineHeightPt: TABLE.sizePt * TABLE.lineHeight }),
  tableCaption: s('表题', TABLE.caption.role, TABLE.caption.sizePt, { align: 'center', keepWithNext: true }),
  image: s('图片', 'body', BODY.sizePt, { align: 'center', keepWithNext: true }),
  imageCaption: s('图题', IMAGE.caption.role, IMAGE.caption.sizePt, { align: 'center' }),
  classification: s('密级', MASTHEAD.classification.role, MASTHEAD.classification.sizePt, { align: 'left' }),
  seriesLine: s('报头系列名', MASTHEAD.seriesLine.role, MASTHEAD.seriesLine.sizePt, { align: 'center', color: MASTHEAD.seriesLine.color }),
  name: s('报头名称', MASTHEAD.name.role, MASTHEAD.name.sizePt, {
    align: 'center',
    color: MASTHEAD.name.color,
    lineHeightPt: MASTHEAD.name.lines * line,
  }),
  label: s('期号', MASTHEAD.label.role, MASTHEAD.label.sizePt, { align: 'center' }),
  publisherLine: s('编印单位与日期', MASTHEAD.publisherLine.role, MASTHEAD.publisherLine.sizePt, { align: 'left' }),
  contentsTitle: s('本期要目标题', CONTENTS.titleRole, CONTENTS.sizePt, { align: 'center' }),
  contentsItem: s('本期要目条目', CONTENTS.itemRole, CONTENTS.sizePt, { align: 'left' }),
  endBlock: s('版记', END_BLOCK.role, END_BLOCK.sizePt, { lineHeightPt: END_BLOCK.linePitchPt }),
  pageNumber: s('页码', PAGE_NUMBER.role, PAGE_NUMBER.sizePt, { lineHeightPt: PAGE_NUMBER.sizePt }),
};

/** Heading style of a level. */
export const HEADING_STYLE: Record<1 | 2 | 3 | 4, StyleId> = { 1: 'heading1', 2: 'heading2', 3: 'heading3', 4: 'heading4' };
