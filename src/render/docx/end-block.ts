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
  BorderStyle,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type FileChild,
  type IBorderOptions,
} from 'docx';
import type { Galley } from '../../layout/galley.js';
import { docxParagraph, type ParagraphOptions } from './paragraph.js';
import { tabRun } from './runs.js';
import { STYLE } from './styles.js';
import { borderEighths, charsTw, lines, pageTw, textWidthTw } from './units.js';

const rule = (g: Galley, widthPt: number): IBorderOptions => ({
  style: BorderStyle.SINGLE,
  size: borderEighths(widthPt),
  color: g.text.color,
});
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

type LineOptions = Omit<ParagraphOptions, 'style'>;

/** The line groups of the block, top to bottom: 报/送/发…, 共印N份, the print line. */
function endBlockLines(g: Galley): LineOptions[] {
  const e = g.endBlock;
  const groups: LineOptions[] = [];
  for (const d of e.distribution) {
    // Wrapped lines align after the colon: a hanging indent as wide as the label.
    groups.push({
      leftChars: e.indentChars,
      rightChars: e.indentChars,
      hangingChars: [...d.label].length,
      children: [new TextRun(d.label + d.text)],
    });
  }
  if (e.copies) groups.push({ align: 'right', rightChars: e.indentChars, children: [new TextRun(e.copies)] });
  // Publisher indentChars in from the left, the 印发 date as far in from the right.
  groups.push({
    align: 'left',
    leftChars: e.indentChars,
    rightChars: e.indentChars,
    tabStops: [{ type: TabStopType.RIGHT, position: textWidthTw(g) - charsTw(g, e.indentChars, e.sizePt) }],
    children: [new TextRun(e.printer), tabRun(), new TextRun(e.printDate)],
  });
  return groups;
}

/**
 * The end block in a section of its own that starts on an even page. LibreOffice only honours
 * the even-page start when the section opens with a paragraph, not with the floating table,
 * so an empty anchor-sized paragraph opens it.
 */
export function evenPageEndBlock(g: Galley): FileChild[] {
  return [endAnchorParagraph(g), ...endBlock(g)];
}

export function endBlock(g: Galley): FileChild[] {
  const e = g.endBlock;
  // The Galley draws a rule after every group; the table has an outer rule top and bottom and
  // one inner width between rows (the Galley's inner rules are all alike).
  // The end block has a rule above its first line and under its last at least (Galley).
  const [first, second] = e.rules;
  const outer = rule(g, first?.widthPt ?? 0);
  const inner = rule(g, (e.rules.length > 2 ? second : first)?.widthPt ?? 0);
  const TEXT_WIDTH_TW = textWidthTw(g);
  const rows = endBlockLines(g).map(
    (line) =>
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: TEXT_WIDTH_TW, type: WidthType.DXA },
            children: [docxParagraph(g, { ...line, style: 'endBlock' })],
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
      absoluteHorizontalPosition: pageTw(g).left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      // Body text stays this far above the first rule, as in the PDF.
      topFromText: lines(g, e.blankBefore),
    },
  });
  return [table, endAnchorParagraph(g)];
}

/**
 * The paragraph the floating table hangs on: a document cannot end in a table, and the table
 * is placed on the page of the paragraph after it. It is as small as a line can be, so that
 * it only moves to a new page when the last page is full, and the block then follows it.
 */
function endAnchorParagraph(g: Galley): Paragraph {
  return docxParagraph(g, { style: { id: STYLE.endAnchor, sizePt: g.endBlock.anchorPt }, children: [] });
}
