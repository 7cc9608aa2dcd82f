/**
 * Page numbers as the Galley says: affixes, size, distance below the text block; odd pages
 * flush right and even pages flush left, indentChars in from the edge of the block.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { GPageNumber } from '../../layout/galley.js';
import type { RenderEnv } from './flow.js';
import { textInlines } from './inlines.js';

/** For a footer, whose origin is the bottom edge of the text block. */
export function pageNumberNode(env: RenderEnv, pn: GPageNumber, page: number): Content {
  const indent = pn.indentChars * pn.sizePt;
  const odd = page % 2 === 1;
  const { marginLeftPt: MARGIN_LEFT_PT, marginRightPt: MARGIN_RIGHT_PT } = env.grid;
  const text = textInlines({ fonts: env.fonts, text: env.galley.text, at: undefined }, `${pn.prefix}${page}${pn.suffix}`, { role: pn.role, sizePt: pn.sizePt, boxPt: pn.sizePt });
  return {
    text,
    alignment: odd ? 'right' : 'left',
    margin: odd ? [0, pn.belowTextBlockPt, MARGIN_RIGHT_PT + indent, 0] : [MARGIN_LEFT_PT + indent, pn.belowTextBlockPt, 0, 0],
  } as Content;
}
