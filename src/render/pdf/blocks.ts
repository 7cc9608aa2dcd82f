/**
 * Body blocks: paragraphs, headings 一、（一）1.（1）, lists, tables and images. Body text is
 * 三号 仿宋 at the size of one character cell, each line one grid pitch tall.
 */
import type { Content } from 'pdfmake/interfaces.js';
import { imageBox } from '../../layout/geometry.js';
import { BODY, HEADINGS, BOLD_ROLE, IMAGE, LIST } from '../../layout/spec.js';
import type { Block, FontRole, Heading, ImageBlock, ListBlock, Paragraph } from '../../model/types.js';
import { keepWithNext, type RenderEnv } from './flow.js';
import { BLOCK_WIDTH_PT, CELL, PITCH, centreIn } from './grid.js';
import { justifiedLines, paragraphInlines, styled, textInlines, type StyledRun, type TextStyle } from './inlines.js';
import { tableNodes } from './table.js';

export const bodyStyle = (role: FontRole): TextStyle => ({ role, sizePt: BODY.pdfSizePt, boxPt: PITCH });

export interface ParagraphOptions {
  align?: 'justify' | 'center' | 'right' | 'left';
  indentChars?: number;
  at?: Paragraph['at'];
}

/**
 * One paragraph on the grid from runs whose roles are decided. Justified text is broken into
 * lines here (a stack of one-line nodes, see linebreak.ts); other alignments are left to
 * pdfmake. `width` is the width of the column the paragraph sits in.
 */
export function gridParagraph(env: RenderEnv, runs: StyledRun[], opts: ParagraphOptions = {}, width = BLOCK_WIDTH_PT): Content {
  const ienv = { fonts: env.fonts, at: opts.at };
  const style = { sizePt: BODY.pdfSizePt, boxPt: PITCH };
  const indent = (opts.indentChars ?? 0) * CELL;
  const align = opts.align ?? 'justify';
  if (align !== 'justify') return { text: paragraphInlines(ienv, runs, style), alignment: align, leadingIndent: indent } as Content;
  const lines = justifiedLines(ienv, runs, style, width - indent, width);
  return { stack: lines.map((text, i) => ({ text, margin: [i === 0 ? indent : 0, 0, 0, 0] })) } as Content;
}

export function paragraphNode(env: RenderEnv, p: Paragraph, role: FontRole, width: number): Content {
  const opts = { align: p.align ?? 'justify', indentChars: p.indent === false ? 0 : BODY.indentChars, at: p.at };
  return gridParagraph(env, styled(p.runs, p.font ?? role), opts, width);
}

function headingNode(env: RenderEnv, h: Heading, width: number): Content {
  const spec = HEADINGS[h.level];
  const role = spec.bold ? BOLD_ROLE[spec.role] : spec.role;
  return keepWithNext(gridParagraph(env, styled(h.runs, role), { indentChars: spec.indentChars, at: h.at }, width));
}

function listNode(env: RenderEnv, list: ListBlock, role: FontRole, width: number): Content {
  // The marker column follows the list indent; wrapped lines hang under the text.
  const markerWidth = LIST.markerChars * CELL;
  const inner = width - LIST.indentChars * CELL - markerWidth;
  return {
    stack: list.items.map((item, i) => {
      const marker = list.ordered ? `${list.start + i}.` : LIST.bullet;
      return {
        columns: [
          { width: markerWidth, text: textInlines({ fonts: env.fonts, at: list.at }, marker, bodyStyle(role)) },
          { width: '*', stack: item.flatMap((b) => blockNodes(env, b, role, inner)) },
        ],
        columnGap: 0,
      };
    }),
    margin: [LIST.indentChars * CELL, 0, 0, 0],
  } as Content;
}

/**
 * Images keep the grid: the picture is centred in whole grid lines and its caption takes
 * one, so the text after it stays on the lines of the page.
 */
function imageNode(env: RenderEnv, img: ImageBlock): Content {
  const { widthPt: width, heightPt: height } = imageBox(img);
  env.images.add(img.path);
  const n = Math.ceil(height / PITCH - 1e-6);
  const [top, bottom] = centreIn(n, height);
  const stack: Content[] = [{ image: img.path, width, height, alignment: 'center', margin: [0, top, 0, bottom] } as Content];
  if (img.caption) {
    const style: TextStyle = { role: IMAGE.caption.role, sizePt: IMAGE.caption.sizePt, boxPt: PITCH };
    stack.push({ text: textInlines({ fonts: env.fonts, at: img.at }, img.caption, style), alignment: 'center' } as Content);
  }
  return { stack, unbreakable: true } as Content;
}

/**
 * Nodes of one block; `role` is the default role of its text (楷体 in an editor's note),
 * `width` the width of the column it sits in (narrower inside a list).
 */
export function blockNodes(env: RenderEnv, block: Block, role: FontRole, width = BLOCK_WIDTH_PT): Content[] {
  switch (block.type) {
    case 'paragraph':
      return [paragraphNode(env, block, role, width)];
    case 'heading':
      return [headingNode(env, block, width)];
    case 'list':
      return [listNode(env, block, role, width)];
    case 'table':
      return tableNodes(env, block);
    case 'image':
      return [imageNode(env, block)];
  }
}
