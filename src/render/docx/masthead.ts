/**
 * The masthead (报头), page 1 only: optional 密级 line, red series line, red name, issue label,
 * and the publisher/date line closed by the red rule. Every part is a whole number of grid
 * lines (MASTHEAD.*.lines), so the body below starts on the grid exactly where the PDF's does.
 */
import { AlignmentType, BorderStyle, TabStopType, type Paragraph } from 'docx';
import { MASTHEAD, ptToTwips } from '../../layout/spec.js';
import type { Issue } from '../../model/types.js';
import { gridParagraph } from './paragraph.js';
import { tabRun, textRun } from './runs.js';
import { STYLE } from './styles.js';
import { TEXT_WIDTH_TW, borderEighths, charsTw, lines } from './units.js';

/** The masthead's paragraphs; the caller adds MASTHEAD.afterRuleLines before what follows. */
export function mastheadParagraphs(issue: Issue): Paragraph[] {
  const m = issue.masthead;
  const M = MASTHEAD;
  const out: Paragraph[] = [];
  if (m.classification) {
    const c = M.classification;
    out.push(gridParagraph({ style: STYLE.classification, sizePt: c.sizePt, align: AlignmentType.LEFT, lineTw: lines(c.lines), children: [textRun(issue, m.classification, c)] }));
  }
  const sl = M.seriesLine;
  out.push(gridParagraph({ style: STYLE.seriesLine, sizePt: sl.sizePt, align: AlignmentType.CENTER, lineTw: lines(sl.lines), children: [textRun(issue, m.seriesLine, sl)] }));
  const nm = M.name;
  out.push(gridParagraph({ style: STYLE.name, sizePt: nm.sizePt, align: AlignmentType.CENTER, lineTw: lines(nm.lines), children: [textRun(issue, m.name, nm)] }));
  const lb = M.label;
  // 总第N期 follows the label on the same line, an ideographic space apart.
  const label = m.totalLabel ? `${m.label}\u3000${m.totalLabel}` : m.label;
  out.push(gridParagraph({ style: STYLE.label, sizePt: lb.sizePt, align: AlignmentType.CENTER, lineTw: lines(lb.lines), children: [textRun(issue, label, lb)] }));

  // Publisher flush left, date flush right on one line: a right tab stop at the text block's
  // right edge (less the configured indent). The red rule is the paragraph's bottom border,
  // which both Word and LibreOffice draw full width; the border and its distance add to the
  // paragraph's height in both, so the line itself is shortened by as much and the paragraph
  // still takes exactly its grid lines.
  const pl = M.publisherLine;
  const ruleTw = ptToTwips(M.ruleWidthPt + M.ruleOffsetPt);
  const indent = M.publisherIndentChars;
  out.push(
    gridParagraph({
      style: STYLE.publisherLine,
      sizePt: pl.sizePt,
      align: AlignmentType.LEFT,
      beforeLines: M.gapLines,
      lineTw: lines(pl.lines) - ruleTw,
      leftChars: indent,
      rightChars: indent,
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TW - charsTw(indent, pl.sizePt) }],
      border: { bottom: { style: BorderStyle.SINGLE, size: borderEighths(M.ruleWidthPt), color: M.name.color, space: M.ruleOffsetPt } },
      children: [textRun(issue, m.publisher, pl), tabRun(issue, pl), textRun(issue, m.date, pl)],
    }),
  );
  return out;
}

