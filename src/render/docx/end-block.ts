/**
 * The end block (版记), anchored at the bottom of the last page so that its last rule sits on
 * the bottom edge of the text block however much text comes before it.
 *
 * It is a floating table (w:tblpPr, anchored to the margin, tblpYSpec bottom), one row per line
 * group, because the rules differ: outer 0.35 mm above the first and under the last group,
 * 0.25 mm between groups. Frame paragraphs (w:framePr) were tried first: LibreOffice 7.4 only
 * turns framePr paragraphs into a frame when their borders are all the same, so the thinner
 * inner rules cannot be paragraph borders there. Table borders can be what we want.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  WidthType,
  type FileChild,
  type IBorderOptions,
} from 'docx';
import { BODY, END_BLOCK, mm, ptToTwips } from '../../layout/spec.js';
import type { Issue } from '../../model/types.js';
import { gridParagraph, type GridParagraphOptions } from './paragraph.js';
import { tabRun, textRun } from './runs.js';
import { STYLE } from './styles.js';
import { PAGE_TW, TEXT_WIDTH_TW, borderEighths, charsTw, lines } from './units.js';

const rule = (widthMm: number): IBorderOptions => ({ style: BorderStyle.SINGLE, size: borderEighths(mm(widthMm)), color: BODY.color });
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

type LineOptions = Omit<GridParagraphOptions, 'style' | 'sizePt' | 'lineTw'>;

/** The line groups of the block, top to bottom: 报/送/发…, 共印N份, the print line. */
function endBlockLines(issue: Issue): LineOptions[] {
  const e = issue.endBlock;
  const E = END_BLOCK;
  const look = { role: E.role, sizePt: E.sizePt };
  const groups: LineOptions[] = [];
  for (const d of e.distribution) {
    const label = `${d.label}：`;
    // Wrapped lines align after the colon: a hanging indent as wide as the label.
    groups.push({ leftChars: E.indentChars, rightChars: E.indentChars, hangingChars: [...label].length, children: [textRun(issue, label + d.text, look)] });
  }
  if (e.copies) groups.push({ align: AlignmentType.RIGHT, rightChars: E.indentChars, children: [textRun(issue, e.copies, look)] });
  // Publisher 1 character in from the left, the 印发 date 1 character in from the right.
  groups.push({
    align: AlignmentType.LEFT,
    leftChars: E.indentChars,
    rightChars: E.indentChars,
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TW - charsTw(E.indentChars, E.sizePt) }],
    children: [textRun(issue, e.printer, look), tabRun(issue, look), textRun(issue, e.printDate, look)],
  });
  return groups;
}

/**
 * The end block in a section of its own that starts on an even page. LibreOffice only honours
 * the even-page start when the section opens with a paragraph, not with the floating table,
 * so an empty anchor-sized paragraph opens it.
 */
export function evenPageEndBlock(issue: Issue): FileChild[] {
  return [endAnchorParagraph(), ...endBlock(issue)];
}

export function endBlock(issue: Issue): FileChild[] {
  const E = END_BLOCK;
  const lineTw = ptToTwips(E.linePitchPt);
  const outer = rule(E.outerRuleMm);
  const inner = rule(E.innerRuleMm);
  const rows = endBlockLines(issue).map(
    (line) =>
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: TEXT_WIDTH_TW, type: WidthType.DXA },
            children: [gridParagraph({ ...line, style: STYLE.endBlock, sizePt: E.sizePt, lineTw })],
          }),
        ],
      }),
  );
  const table = new Table({
    rows,
    width: { size: TEXT_WIDTH_TW, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH_TW],
    layout: TableLayoutType.FIXED,
    margins: { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA },
    borders: { top: outer, bottom: outer, insideHorizontal: inner, left: NONE, right: NONE, insideVertical: NONE },
    float: {
      // Horizontally from the page edge, at the left margin: LibreOffice keeps a floating
      // table as a fly (and so honours the vertical anchoring) only when text could fit beside
      // it, which it judges against the page width when the table is placed from the page.
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: PAGE_TW.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      // Body text stays this far above the first rule, as in the PDF.
      topFromText: lines(E.blankLinesBefore),
    },
  });
  return [table, endAnchorParagraph()];
}

/**
 * The paragraph the floating table hangs on: a document cannot end in a table, and the table
 * is placed on the page of the paragraph after it. It is as small as a line can be, so that
 * it only moves to a new page when the last page is full, and the block then follows it.
 */
function endAnchorParagraph(): Paragraph {
  return gridParagraph({ style: STYLE.endAnchor, sizePt: END_BLOCK.anchorPt, lineTw: ptToTwips(END_BLOCK.anchorPt), children: [] });
}
