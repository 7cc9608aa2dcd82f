/**
 * Sizes that both renderers derive from the model the same way: an image's box on the page
 * and the share of the text width each table column gets. Kept here, beside the numbers they
 * use, so that the PDF and the DOCX cannot size a picture or a column differently.
 */
import type { ImageBlock } from '../model/types.js';
import { IMAGE, TABLE, TEXT_BLOCK } from './spec.js';

/**
 * An image's printed size: its natural size at IMAGE.assumedDpi, shrunk (never enlarged) to
 * fit a column `columnPt` wide (the text block, or a list item's text column).
 */
export function imageBox(
  img: Pick<ImageBlock, 'widthPx' | 'heightPx'>,
  columnPt: number = IMAGE.maxWidthPt(),
): { widthPt: number; heightPt: number } {
  const ptPerPx = 72 / IMAGE.assumedDpi;
  const w = img.widthPx * ptPerPx;
  const h = img.heightPx * ptPerPx;
  const scale = Math.min(1, Math.min(IMAGE.maxWidthPt(), columnPt) / w, (TEXT_BLOCK.heightPt * IMAGE.maxHeightShare) / h);
  return { widthPt: w * scale, heightPt: h * scale };
}

/**
 * Content widths of table columns (padding and rules excluded): each column gets what its
 * longest cell needs and spare width is spread in proportion, so the table spans the block
 * like a ruled form; when the cells need more than there is, the widest columns share what
 * is left equally (max-min fairness) and wrap, which Chinese text does anywhere.
 */
export function tableColumnWidths(natural: number[], minimum: number, available: number): number[] {
  const n = natural.length;
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) {
    const spare = available - total;
    return natural.map((w) => w + (total > 0 ? (spare * w) / total : spare / n));
  }
  const widths = new Array<number>(n).fill(0);
  const order = natural.map((_, i) => i).sort((a, b) => natural[a]! - natural[b]! || a - b);
  let left = available;
  let count = n;
  for (const i of order) {
    const w = Math.max(minimum, Math.min(natural[i]!, left / count));
    widths[i] = w;
    left -= w;
    count--;
  }
  return widths;
}

/** Padding left and right of a cell's text in a table set at `sizePt`. */
export const cellPaddingX = (sizePt: number): number => TABLE.cellPaddingXChars * sizePt;

/**
 * Width left for cell text in a table of `cols` columns set at `sizePt`, padding and rules
 * taken off, in a block `widthPt` wide (the text block, or less inside a list item).
 */
export function tableTextWidth(cols: number, widthPt: number, sizePt: number): number {
  return widthPt - cols * (2 * cellPaddingX(sizePt) + TABLE.ruleWidthPt) - TABLE.ruleWidthPt;
}

/**
 * The size a table of `cols` columns is set in: the largest step at which every column gets
 * its minimum width, so no column is ever pushed off the text block. Undefined when even the
 * smallest step cannot hold them all: such a table is refused with a message.
 */
export function tableSize(cols: number, widthPt: number = TEXT_BLOCK.widthPt): number | undefined {
  return TABLE.sizeStepsPt.find((size) => cols * TABLE.minColumnChars * size <= tableTextWidth(cols, widthPt, size) + 1e-6);
}

/** The most columns a table may have (at the smallest size step) in a block `widthPt` wide. */
export function maxTableColumns(widthPt: number = TEXT_BLOCK.widthPt): number {
  let n = 1;
  while (tableSize(n + 1, widthPt) !== undefined) n++;
  return n;
}
