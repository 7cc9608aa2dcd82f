/**
 * The Galley's masthead as paragraphs, each its whole grid lines tall, so the body below
 * starts on the grid where the PDF's does.
 */
import { BorderStyle, TabStopType, type Paragraph } from 'docx';
import type { Galley } from '../../layout/galley.js';
import { docxParagraph } from './paragraph.js';
import { docxRuns, tabRun } from './runs.js';
import { borderEighths, charsTw, lines, ptToTwips, textWidthTw } from './units.js';

/** The masthead's paragraphs; the caller puts blankAfterRule before what follows. */
export function mastheadParagraphs(g: Galley): Paragraph[] {
  const m = g.masthead;
  const out: Paragraph[] = [];
  let gap = 0;
  for (const l of m.lines) {
    const own = g.styles[l.style].lineHeightPt;
    // On preprinted paper a red line is printed already: an empty body paragraph of exactly its
    // height keeps its room, so what follows stays put, and what a clerk might type there is not red.
    const blank = m.onPreprintedPaper && l.preprinted;
    out.push(
      docxParagraph(g, {
        style: blank ? 'body' : l.style,
        beforeLines: gap,
        lineTw: blank || Math.abs(lines(g, l.gridLines) - ptToTwips(own)) > 1 ? lines(g, l.gridLines) : undefined,
        children: blank ? [] : docxRuns(g, l.runs, l.style),
      }),
    );
    gap = l.blankAfter;
  }
  // Publisher flush left, date flush right on one line: a right tab stop at the block's right
  // edge (less the indent). The red rule is the paragraph's bottom border, which Word and
  // LibreOffice both draw full width; border and distance add to the paragraph's height in
  // both, so the line itself is shortened by as much and the paragraph keeps its grid line.
  // On preprinted paper the rule is printed already: its room is kept as space after the line,
  // so the line's text and everything below stand where they would.
  const p = m.publisher;
  const size = g.styles[p.style].sizePt;
  const ruleTw = ptToTwips(m.rule.widthPt + m.rule.offsetPt);
  out.push(
    docxParagraph(g, {
      style: p.style,
      beforeLines: gap,
      lineTw: lines(g, 1) - ruleTw,
      afterTw: m.onPreprintedPaper ? ruleTw : undefined,
      leftChars: p.indentChars,
      rightChars: p.indentChars,
      tabStops: [{ type: TabStopType.RIGHT, position: textWidthTw(g) - charsTw(g, p.indentChars, size) }],
      border: m.onPreprintedPaper
        ? undefined
        : { bottom: { style: BorderStyle.SINGLE, size: borderEighths(m.rule.widthPt), color: m.rule.color, space: m.rule.offsetPt } },
      children: [...docxRuns(g, p.left, p.style), tabRun(), ...docxRuns(g, p.right, p.style)],
    }),
  );
  return out;
}
