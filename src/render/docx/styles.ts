/**
 * The layout's block styles (src/layout/styles.ts) as Word styles. They carry the fonts,
 * sizes, colours, line heights and indents, so that an editor who changes 简报正文 in Word or
 * LibreOffice reflows the whole body; paragraphs and runs name their style and carry only
 * what differs from it (runs.ts, paragraph.ts).
 */
import { AlignmentType, LineRuleType, type ICharacterStyleOptions, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { BlockStyle, FontRole, Galley, StyleId } from '../../layout/galley.js';
import { charsHundredths, charsTw, halfPoints, lineTw, ptToTwips } from './units.js';
import { documentDefaults } from './word-defaults.js';

/** Word style ids. Headings are Word's built-in ones, so the navigation pane and TOC know them. */
export const STYLE_ID: Record<StyleId, string> = {
  body: 'BulletinBody',
  note: 'EditorNote',
  noteTitle: 'EditorNoteTitle',
  sectionHead: 'SectionHead',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  heading4: 'Heading4',
  articleTitle: 'ArticleTitle',
  articleSubtitle: 'ArticleSubtitle',
  listItem: 'ListItem',
  tableText: 'TableText',
  tableHeader: 'TableHeader',
  tableCaption: 'TableCaption',
  image: 'ImageBlock',
  imageCaption: 'ImageCaption',
  classification: 'MastheadClassification',
  seriesLine: 'MastheadSeries',
  name: 'MastheadName',
  label: 'MastheadLabel',
  publisherLine: 'MastheadPublisher',
  contentsTitle: 'ContentsTitle',
  contentsItem: 'ContentsItem',
  endBlock: 'EndBlock',
  pageNumber: 'PageNumber',
};

/** Styles of the DOCX alone: the lead of a news item, the anchor of the floating end block. */
export const STYLE = { itemLead: 'ItemLead', endAnchor: 'EndBlockAnchor' } as const;

/** Styles whose lines are not grid lines (xml-patches.ts turns snapToGrid off for them). */
export const OFF_GRID_STYLE_IDS = [STYLE_ID.tableText, STYLE_ID.tableHeader, STYLE_ID.pageNumber, STYLE_ID.publisherLine, STYLE.endAnchor];

export const ALIGN = {
  justify: AlignmentType.JUSTIFIED,
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

/** The four font slots, all set to the role's official family name. */
export function fontsFor(g: Pick<Galley, 'fonts'>, role: FontRole): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  const name = g.fonts[role].officialName;
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

/** A layout style as a Word paragraph style; `basedOn` the bulletin's body style unless said otherwise. */
export function paragraphStyle(
  g: Pick<Galley, 'fonts' | 'page' | 'text'>,
  id: string,
  st: BlockStyle,
  lineTw = ptToTwips(st.lineHeightPt),
  basedOn = id === STYLE_ID.body ? 'Normal' : STYLE_ID.body,
): IParagraphStyleOptions {
  return {
    id,
    name: st.name,
    basedOn,
    next: STYLE_ID.body,
    quickFormat: true,
    paragraph: {
      alignment: ALIGN[st.align],
      spacing: { before: 0, after: 0, line: lineTw, lineRule: LineRuleType.EXACT },
      // LibreOffice ignores firstLineChars alone: the twips go along.
      indent: { left: 0, right: 0, firstLine: charsTw(g, st.firstChars, st.sizePt), firstLineChars: charsHundredths(st.firstChars) },
      outlineLevel: st.outlineLevel,
      keepNext: st.keepWithNext,
    },
    run: {
      font: fontsFor(g, st.role),
      size: halfPoints(st.sizePt),
      color: st.color ?? g.text.color,
      characterSpacing: g.text.docxRunSpacingTwips,
    },
  };
}

export function bulletinStyles(g: Galley): IStylesOptions {
  const STYLES = g.styles;
  const paragraphStyles = (Object.keys(STYLES) as StyleId[]).map((k) =>
    paragraphStyle(g, STYLE_ID[k], STYLES[k], k === 'body' ? lineTw(g) : undefined),
  );
  // The empty paragraph the floating end block hangs on (end-block.ts): as small as can be.
  paragraphStyles.push(
    paragraphStyle(g, STYLE.endAnchor, {
      ...STYLES.endBlock,
      name: '版记锚点',
      sizePt: g.endBlock.anchorPt,
      lineHeightPt: g.endBlock.anchorPt,
    }),
  );
  const characterStyles: ICharacterStyleOptions[] = [
    {
      id: STYLE.itemLead,
      name: '动态标题',
      basedOn: 'DefaultParagraphFont',
      quickFormat: true,
      run: { font: fontsFor(g, g.text.leadRole) },
    },
  ];
  return {
    default: documentDefaults({
      font: fontsFor(g, 'body'),
      sizePt: g.text.bodySizePt,
      color: g.text.color,
      runSpacingTwips: g.text.docxRunSpacingTwips,
      lineTw: lineTw(g),
    }),
    paragraphStyles,
    characterStyles,
  };
}
