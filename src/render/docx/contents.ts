/**
 * The contents box (本期要目) as Word's own structure: a table the width of the text block,
 * ruled on its four sides only, its title in a row across both columns, then a row per
 * headline — the column head in the left column (beside its column's first headline), the ★
 * and the headline in the right one, a wrapped line hanging under the headline. Columns are
 * table columns, not tab stops, so every headline starts at the same place in every client,
 * and an editor adds or changes a line as in any table. The rows keep together on page 1.
 *
 * Its lines are grid lines, as in the PDF: the top and bottom rules add their widths to the
 * table's height in Word and LibreOffice, so the title's line gives them up and the box takes
 * whole grid lines. A table has no space before: an empty paragraph above it carries the
 * blank line under the masthead.
 */
import { AlignmentType, BorderStyle, Table, TableCell, TableLayoutType, TableRow, WidthType, type FileChild, type Paragraph } from 'docx';
import type { GContents, Galley } from '../../layout/galley.js';
import { docxParagraph } from './paragraph.js';
import { docxRuns } from './runs.js';
import { borderEighths, charsTw, lines, ptToTwips, textWidthTw } from './units.js';

/** Room the head column leaves after its widest head, so that no client wraps it. */
const HEAD_SLACK_TW = 20;

export function contentsBox(g: Galley, box: GContents, blankBefore: number): FileChild[] {
  const size = g.styles[box.style].sizePt;
  const rule = { style: BorderStyle.SINGLE, size: borderEighths(box.ruleWidthPt), color: g.text.color };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const width = textWidthTw(g);
  const pad = charsTw(g, box.paddingChars, size);
  const headWidth = pad + charsTw(g, box.headChars, size) + HEAD_SLACK_TW;
  const markerChars = box.textChars - box.headChars;
  const last = box.entries.length - 1;

  const title = docxParagraph(g, {
    style: box.title.style,
    lineTw: lines(g, 1) - 2 * ptToTwips(box.ruleWidthPt),
    keepNext: last >= 0,
    children: docxRuns(g, box.title.runs, box.title.style),
  });
  const cell = (children: Paragraph[], w: number, margins: { left: number; right: number }, columnSpan?: number): TableCell =>
    new TableCell({ width: { size: w, type: WidthType.DXA }, columnSpan, margins: { top: 0, bottom: 0, ...margins }, children });
  const rows = [new TableRow({ cantSplit: true, children: [cell([title], width, { left: pad, right: pad }, 2)] })];
  box.entries.forEach((e, i) => {
    const keepNext = i < last;
    const head = docxParagraph(g, { style: box.style, keepNext, children: e.head ? docxRuns(g, e.head.runs, box.style) : [] });
    const text = docxParagraph(g, {
      style: box.style,
      keepNext,
      // The ★ hangs: wrapped lines, and an article's title that has none, start at the headline.
      leftChars: e.marker ? 0 : markerChars,
      hangingChars: e.marker ? markerChars : undefined,
      children: docxRuns(g, [...(e.marker ? [e.marker] : []), ...e.runs], box.style),
    });
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [cell([head], headWidth, { left: pad, right: 0 }), cell([text], width - headWidth, { left: 0, right: pad })],
      }),
    );
  });
  const out: FileChild[] = [];
  // An empty body paragraph is one grid line: only more lines need a height of their own.
  if (blankBefore > 0)
    out.push(docxParagraph(g, { style: 'body', lineTw: blankBefore === 1 ? undefined : lines(g, blankBefore), children: [] }));
  out.push(
    new Table({
      rows,
      width: { size: width, type: WidthType.DXA },
      columnWidths: [headWidth, width - headWidth],
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: none, insideVertical: none },
    }),
  );
  return out;
}
