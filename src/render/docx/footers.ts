/**
 * Page numbers — N —, 四号 宋体, about 7 mm below the text block: odd pages flush right and even
 * pages flush left, 1 character in from the edge. The document sets evenAndOddHeaders, so
 * the section's default footer serves odd pages and its even footer the even ones.
 */
import { AlignmentType, Footer, PageNumber, TextRun } from 'docx';
import { BODY, PAGE_NUMBER, mmToTwips, ptToTwips } from '../../layout/spec.js';
import type { Issue } from '../../model/types.js';
import { gridParagraph } from './paragraph.js';
import { fontsFor } from './runs.js';
import { STYLE } from './styles.js';
import { PAGE_TW, halfPoints } from './units.js';

/** The footer line is exactly as tall as the number's size, so its top is where we say. */
const FOOTER_LINE_TW = ptToTwips(PAGE_NUMBER.sizePt);

/**
 * Distance from the page's bottom edge to the footer's bottom (w:footer): the bottom margin
 * less the gap below the text block and the footer line's height.
 */
export const FOOTER_DISTANCE_TW = PAGE_TW.bottom - mmToTwips(PAGE_NUMBER.belowTextBlockMm) - FOOTER_LINE_TW;

/** The text on either side of the number, taken from PAGE_NUMBER.format so the form lives there. */
function numberAffixes(): [string, string] {
  const probe = 918273645;
  const [before, after] = PAGE_NUMBER.format(probe).split(String(probe));
  return [before ?? '', after ?? ''];
}

function pageNumberFooter(issue: Issue, side: 'odd' | 'even'): Footer {
  const [before, after] = numberAffixes();
  const size = PAGE_NUMBER.sizePt;
  return new Footer({
    children: [
      gridParagraph({
        style: STYLE.pageNumber,
        sizePt: size,
        lineTw: FOOTER_LINE_TW,
        align: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        leftChars: side === 'even' ? PAGE_NUMBER.indentChars : 0,
        rightChars: side === 'odd' ? PAGE_NUMBER.indentChars : 0,
        children: [
          new TextRun({
            children: [before, PageNumber.CURRENT, after],
            font: fontsFor(issue, PAGE_NUMBER.role),
            size: halfPoints(size),
            characterSpacing: BODY.docxRunSpacingTwips,
            color: BODY.color,
          }),
        ],
      }),
    ],
  });
}

export function pageNumberFooters(issue: Issue): { default: Footer; even: Footer } {
  return { default: pageNumberFooter(issue, 'odd'), even: pageNumberFooter(issue, 'even') };
}
