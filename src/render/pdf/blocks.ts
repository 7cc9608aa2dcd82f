/**
 * Body blocks: paragraphs, headings 一、（一）1.（1）, lists, tables and images. Body text is
 * 三号 仿宋 at the size of one character cell, each line one grid pitch tall.
 */
import type { Content } from 'pdfmake/interfaces.js';
import { BODY, HEADINGS, BOLD_ROLE, IMAGE, LIST } from '../../layout/spec.js';
import type { Block, FontRole, Heading, ImageBlock, ListBlock, Paragraph } from '../../model/types.js';
import { keepWithNext, type RenderEnv } from './flow.js';
import { BLOCK_HEIGHT_PT, CELL, PITCH, centreIn } from './grid.js';
import { paragraphInlines, styled, textInlines, type StyledRun, type TextStyle } from './inlines.js';
import { tableNodes } from './table.js';

export const bodyStyle = (role: FontRole): TextStyle => ({ role, sizePt: BODY.pdfSizePt, boxPt: PITCH });

export interface ParagraphOptions {
  align?: 'justify' | 'center' | 'right' | 'left';
  indentChars?: number;
  at?: Paragraph['at'];
}

/** One paragraph on the grid from runs whose roles are decided. */
export function gridParagraph(env: RenderEnv, runs: StyledRun[], opts: ParagraphOptions = {}): Content {
  return {
    text: paragraphInlines({ fonts: env.fonts, at: opts.at }, runs, { sizePt: BODY.pdfSizePt, boxPt: PITCH }),
    alignment: opts.align ?? 'justify',
    leadingIndent: (opts.indentChars ?? 0) * CELL,
  } as Content;
}

export function paragraphNode(env: RenderEnv, p: Paragraph, role: FontRole): Content {
  return gridParagraph(env, styled(p.runs, p.font ?? role), {
    align: p.align ?? 'justify',
    indentChars: p.indent === false ? 0 : BODY.indentChars,
    at: p.at,
  });
}

function headingNode(env: RenderEnv, h: Heading): Content {
  const spec = HEADINGS[h.level];
  const role = spec.bold ? BOLD_ROLE[spec.role] : spec.role;
  return keepWithNext(gridParagraph(env, styled(h.runs, role), { indentChars: spec.indentChars, at: h.at }));
}

function listNode(env: RenderEnv, list: ListBlock, role: FontRole): Content {
  // The marker sits in two cells after the list indent; wrapped lines hang under the text.
  const markerWidth = 2 * CELL;
  return {
    stack: list.items.map((item, i) => {
      const marker = list.ordered ? `${list.start + i}.` : LIST.bullet;
      return {
        columns: [
          { width: markerWidth, text: textInlines({ fonts: env.fonts, at: list.at }, marker, bodyStyle(role)) },
          { width: '*', stack: item.flatMap((b) => blockNodes(env, b, role)) },
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
  const natural = (img.widthPx * 72) / IMAGE.assumedDpi;
  let width = Math.min(natural, IMAGE.maxWidthPt());
  let height = (width * img.heightPx) / img.widthPx;
  const maxHeight = IMAGE.maxHeightShare * BLOCK_HEIGHT_PT;
  if (height > maxHeight) {
    width *= maxHeight / height;
    height = maxHeight;
  }
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

/** Nodes of one block; `role` is the default role of its text (楷体 in an editor's note). */
export function blockNodes(env: RenderEnv, block: Block, role: FontRole): Content[] {
  switch (block.type) {
    case 'paragraph':
      return [paragraphNode(env, block, role)];
    case 'heading':
      return [headingNode(env, block)];
    case 'list':
      return [listNode(env, block, role)];
    case 'table':
      return tableNodes(env, block);
    case 'image':
      return [imageNode(env, block)];
  }
}
