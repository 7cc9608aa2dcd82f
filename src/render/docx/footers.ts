/**
 * Page numbers as the Galley says (affixes, size, distance below the text block): odd pages
 * flush right and even pages flush left, indentChars in. The document sets evenAndOddHeaders,
 * so the section's default footer serves odd pages and its even footer the even ones.
 */
import { Footer, PageNumber, TextRun } from 'docx';
import type { Galley } from '../../layout/galley.js';
import { docxParagraph } from './paragraph.js';
import { pageTw, ptToTwips } from './units.js';

/** Distance from the page's bottom edge to the footer's bottom (w:footer). */
export function footerDistanceTw(g: Galley): number {
  return pageTw(g).bottom - ptToTwips(g.pageNumber.belowTextBlockPt) - ptToTwips(g.pageNumber.sizePt);
}

function pageNumberFooter(g: Galley, side: 'odd' | 'even'): Footer {
  const pn = g.pageNumber;
  return new Footer({
    children: [
      docxParagraph(g, {
        style: 'pageNumber',
        align: side === 'odd' ? 'right' : 'left',
        leftChars: side === 'even' ? pn.indentChars : 0,
        rightChars: side === 'odd' ? pn.indentChars : 0,
        children: [new TextRun({ children: [pn.prefix, PageNumber.CURRENT, pn.suffix] })],
      }),
    ],
  });
}

export function pageNumberFooters(g: Galley): { default: Footer; even: Footer } {
  return { default: pageNumberFooter(g, 'odd'), even: pageNumberFooter(g, 'even') };
}
