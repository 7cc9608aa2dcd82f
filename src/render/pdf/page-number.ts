/**
 * Page numbers — N —: 四号 宋体 about 7 mm below the text block, odd pages flush right and
 * even pages flush left, one character in from the edge of the block.
 */
import type { Content } from 'pdfmake/interfaces.js';
import { mm, PAGE_NUMBER } from '../../layout/spec.js';
import type { RenderEnv } from './flow.js';
import { MARGIN_LEFT_PT, MARGIN_RIGHT_PT } from './grid.js';
import { textInlines } from './inlines.js';

/** For a footer, whose origin is the bottom edge of the text block. */
export function pageNumberNode(env: RenderEnv, page: number): Content {
  const size = PAGE_NUMBER.sizePt;
  const indent = PAGE_NUMBER.indentChars * size;
  const odd = page % 2 === 1;
  const text = textInlines({ fonts: env.fonts, at: undefined }, PAGE_NUMBER.format(page), { role: PAGE_NUMBER.role, sizePt: size, boxPt: size });
  return {
    text,
    alignment: odd ? 'right' : 'left',
    margin: odd ? [0, mm(PAGE_NUMBER.belowTextBlockMm), MARGIN_RIGHT_PT + indent, 0] : [MARGIN_LEFT_PT + indent, mm(PAGE_NUMBER.belowTextBlockMm), 0, 0],
  } as Content;
}
