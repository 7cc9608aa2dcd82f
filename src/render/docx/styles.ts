/**
 * Named styles, so that an editor can restyle the bulletin in Word (all 【栏目】 heads at once,
 * every level-1 heading, the end block) instead of meeting direct formatting only. Runs still
 * carry their fonts directly as well, because LibreOffice and WPS honour a run's own w:rFonts
 * more reliably than an inherited eastAsia font.
 */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions, type ICharacterStyleOptions } from 'docx';
import {
  ARTICLE,
  BODY,
  EDITOR_NOTE,
  END_BLOCK,
  HEADINGS,
  IMAGE,
  LIST,
  MASTHEAD,
  NEWS_ITEM,
  PAGE_NUMBER,
  SECTION_HEAD,
  TABLE,
  ptToTwips,
} from '../../layout/spec.js';
import type { FontRole, HeadingLevel, Issue } from '../../model/types.js';
import { fontsFor } from './runs.js';
import { LINE_TW, charsHundredths, charsTw, halfPoints } from './units.js';

/** Style ids. Heading ids are Word's built-in ones, so the navigation pane and TOC know them. */
export const STYLE = {
  body: 'BulletinBody',
  heading: { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3', 4: 'Heading4' } as Record<HeadingLevel, string>,
  sectionHead: 'SectionHead',
  itemLead: 'ItemLead',
  note: 'EditorNote',
  noteTitle: 'EditorNoteTitle',
  articleTitle: 'ArticleTitle',
  articleSubtitle: 'ArticleSubtitle',
  endBlock: 'EndBlock',
  endAnchor: 'EndBlockAnchor',
  classification: 'MastheadClassification',
  seriesLine: 'MastheadSeries',
  name: 'MastheadName',
  label: 'MastheadLabel',
  publisherLine: 'MastheadPublisher',
  tableText: 'TableText',
  tableCaption: 'TableCaption',
  image: 'ImageBlock',
  imageCaption: 'ImageCaption',
  listItem: 'ListItem',
  pageNumber: 'PageNumber',
} as const;

interface Look {
  role: FontRole;
  sizePt: number;
  color?: string;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** First-line indent in characters of sizePt. */
  firstChars?: number;
  /** Exact line height in twips; one grid line unless said. */
  lineTw?: number;
  outlineLevel?: number;
  keepNext?: boolean;
}

function paragraphStyle(issue: Issue, id: string, name: string, look: Look): IParagraphStyleOptions {
  const first = look.firstChars ?? 0;
  return {
    id,
    name,
    basedOn: id === STYLE.body ? 'Normal' : STYLE.body,
    next: STYLE.body,
    quickFormat: true,
    paragraph: {
      alignment: look.align ?? AlignmentType.JUSTIFIED,
      spacing: { before: 0, after: 0, line: look.lineTw ?? LINE_TW, lineRule: LineRuleType.EXACT },
      indent: { left: 0, right: 0, firstLine: charsTw(first, look.sizePt), firstLineChars: charsHundredths(first) },
      outlineLevel: look.outlineLevel,
      keepNext: look.keepNext,
    },
    run: {
      font: fontsFor(issue, look.role),
      size: halfPoints(look.sizePt),
      color: look.color ?? BODY.color,
      characterSpacing: BODY.docxRunSpacingTwips,
    },
  };
}

export function bulletinStyles(issue: Issue): IStylesOptions {
  const s = (id: string, name: string, look: Look): IParagraphStyleOptions => paragraphStyle(issue, id, name, look);
  const body = BODY.sizePt;
  const headings = ([1, 2, 3, 4] as HeadingLevel[]).map((level) =>
    s(STYLE.heading[level], `heading ${level}`, {
      role: HEADINGS[level].role,
      sizePt: body,
      firstChars: HEADINGS[level].indentChars,
      outlineLevel: level - 1,
      keepNext: true,
    }),
  );
  const paragraphStyles: IParagraphStyleOptions[] = [
    s(STYLE.body, '简报正文', { role: 'body', sizePt: body, firstChars: BODY.indentChars }),
    ...headings,
    s(STYLE.sectionHead, '栏目名', { role: SECTION_HEAD.role, sizePt: SECTION_HEAD.sizePt, firstChars: SECTION_HEAD.indentChars, keepNext: true }),
    s(STYLE.note, '编者按', { role: EDITOR_NOTE.bodyRole, sizePt: EDITOR_NOTE.sizePt, firstChars: BODY.indentChars }),
    s(STYLE.noteTitle, '编者按标题', { role: EDITOR_NOTE.titleRole, sizePt: EDITOR_NOTE.sizePt, align: AlignmentType.CENTER, keepNext: true }),
    s(STYLE.articleTitle, '文章标题', { role: ARTICLE.title.role, sizePt: ARTICLE.title.sizePt, align: AlignmentType.CENTER, keepNext: true }),
    s(STYLE.articleSubtitle, '文章副标题', { role: ARTICLE.subtitle.role, sizePt: ARTICLE.subtitle.sizePt, align: AlignmentType.CENTER, keepNext: true }),
    s(STYLE.endBlock, '版记', { role: END_BLOCK.role, sizePt: END_BLOCK.sizePt, lineTw: ptToTwips(END_BLOCK.linePitchPt) }),
    // The empty paragraph the floating end block hangs on (end-block.ts): as small as can be.
    s(STYLE.endAnchor, '版记锚点', { role: END_BLOCK.role, sizePt: END_BLOCK.anchorPt, lineTw: ptToTwips(END_BLOCK.anchorPt) }),
    s(STYLE.classification, '密级', { role: MASTHEAD.classification.role, sizePt: MASTHEAD.classification.sizePt, align: AlignmentType.LEFT }),
    s(STYLE.seriesLine, '报头系列名', { role: MASTHEAD.seriesLine.role, sizePt: MASTHEAD.seriesLine.sizePt, color: MASTHEAD.seriesLine.color, align: AlignmentType.CENTER }),
    s(STYLE.name, '报头名称', { role: MASTHEAD.name.role, sizePt: MASTHEAD.name.sizePt, color: MASTHEAD.name.color, align: AlignmentType.CENTER, lineTw: MASTHEAD.name.lines * LINE_TW }),
    s(STYLE.label, '期号', { role: MASTHEAD.label.role, sizePt: MASTHEAD.label.sizePt, align: AlignmentType.CENTER }),
    s(STYLE.publisherLine, '编印单位与日期', { role: MASTHEAD.publisherLine.role, sizePt: MASTHEAD.publisherLine.sizePt, align: AlignmentType.LEFT }),
    s(STYLE.tableText, '表格文字', { role: TABLE.bodyRole, sizePt: TABLE.sizePt, align: AlignmentType.LEFT, lineTw: ptToTwips(TABLE.sizePt * TABLE.lineHeight) }),
    s(STYLE.tableCaption, '表题', { role: TABLE.caption.role, sizePt: TABLE.caption.sizePt, align: AlignmentType.CENTER, keepNext: true }),
    s(STYLE.image, '图片', { role: 'body', sizePt: body, align: AlignmentType.CENTER, keepNext: true }),
    s(STYLE.imageCaption, '图题', { role: IMAGE.caption.role, sizePt: IMAGE.caption.sizePt, align: AlignmentType.CENTER }),
    s(STYLE.listItem, '列表', { role: 'body', sizePt: body, firstChars: LIST.indentChars }),
    s(STYLE.pageNumber, '页码', { role: PAGE_NUMBER.role, sizePt: PAGE_NUMBER.sizePt, lineTw: ptToTwips(PAGE_NUMBER.sizePt) }),
  ];
  const characterStyles: ICharacterStyleOptions[] = [
    {
      id: STYLE.itemLead,
      name: '动态标题',
      basedOn: 'DefaultParagraphFont',
      quickFormat: true,
      run: { font: fontsFor(issue, NEWS_ITEM.leadRole), size: halfPoints(body), characterSpacing: BODY.docxRunSpacingTwips },
    },
  ];
  return {
    default: {
      document: {
        run: {
          font: fontsFor(issue, 'body'),
          size: halfPoints(body),
          color: BODY.color,
          characterSpacing: BODY.docxRunSpacingTwips,
          language: { value: 'zh-CN', eastAsia: 'zh-CN' },
        },
        paragraph: { spacing: { before: 0, after: 0, line: LINE_TW, lineRule: LineRuleType.EXACT } },
      },
    },
    paragraphStyles,
    characterStyles,
  };
}
