/**
 * The Galley's body blocks as rows of grid lines for the paginator: every line set (lines.ts)
 * and drawn where the paginator puts it. Lists are flattened into their items' blocks, each
 * at the item's text column with the marker on its first line; an image and its caption are
 * one unbreakable block; a table keeps its rows for place-table.ts.
 */
import type { GBlock, GImage, GList, GParagraph, GRun, GTable } from './galley.js';
import { setLines } from './lines.js';
import type { PItem } from './paged.js';
import { onGrid, printType, type PlaceContext } from './place-context.js';
import { baselineAt, lineItems, lineX } from './place-text.js';
import { tableFlow, type TableFlow } from './place-table.js';

/** Grid lines of a block, drawn once the paginator knows where their first line's top is. */
export interface FlowRow {
  lines: number;
  draw(top: number): PItem[];
}

export interface FlowBlock {
  blankBefore: number;
  keepWithNext: boolean;
  /** Its rows may be split between pages (body paragraphs, under the widow and orphan rule). */
  splittable: boolean;
  rows: FlowRow[];
  /** A table: its rows are placed by place-table.ts, after `rows` (its caption). */
  table?: TableFlow;
}

/** A marker drawn on the first line of a list item's first block. */
interface Marker {
  run: GRun;
  atChars: number;
}

/** The lines of a paragraph as rows, in a column from `leftChars` body characters to the block's right edge. */
export function paragraphRows(ctx: PlaceContext, p: GParagraph, marker?: Marker): FlowRow[] {
  const { g, geo, fonts } = ctx;
  const st = g.styles[p.style];
  const type = printType(ctx, st.sizePt);
  const size = type.sizePt;
  const grid = onGrid(ctx, st.sizePt);
  const x0 = geo.left + (p.leftChars ?? 0) * geo.cell;
  const width = geo.blockWidth - (p.leftChars ?? 0) * geo.cell;
  const indent = p.indentChars * (grid ? geo.cell : size);
  const lines = setLines(
    p.runs,
    { ...type, firstWidthPt: width - indent, widthPt: width, grid, justify: p.align === 'justify' },
    fonts,
    p.at,
  );
  return lines.map((line, i) => ({
    lines: 1,
    draw: (top) => {
      const baseline = baselineAt(top, size, st.role, fonts);
      const items: PItem[] = lineItems(
        line,
        lineX(line, p.align, x0, width, i === 0 ? indent : 0),
        baseline,
        g.text,
        i === 0 && p.outline ? { outline: p.outline } : {},
      );
      if (i === 0 && marker) items.unshift(...markerItems(ctx, marker, baseline));
      return items;
    },
  }));
}

function markerItems(ctx: PlaceContext, m: Marker, baseline: number): PItem[] {
  const type = printType(ctx, ctx.g.styles.listItem.sizePt);
  const [line] = setLines([m.run], { ...type, firstWidthPt: Infinity, widthPt: Infinity, grid: true, justify: false }, ctx.fonts);
  return lineItems(line!, ctx.geo.left + m.atChars * ctx.geo.cell, baseline, ctx.g.text);
}

function paragraphBlock(ctx: PlaceContext, p: GParagraph, marker?: Marker): FlowBlock {
  // A head, a title and what keeps with the next block are never split.
  return { blankBefore: p.blankBefore, keepWithNext: p.keepWithNext, splittable: !p.keepWithNext, rows: paragraphRows(ctx, p, marker) };
}

/** A picture centred in its whole grid lines and its column, its caption on the lines after it. */
function imageBlock(ctx: PlaceContext, img: GImage): FlowBlock {
  const { geo } = ctx;
  const x0 = geo.left + (img.leftChars ?? 0) * geo.cell;
  const width = geo.blockWidth - (img.leftChars ?? 0) * geo.cell;
  const picture: FlowRow = {
    lines: img.gridLines,
    draw: (top) => [
      {
        kind: 'image',
        path: img.path,
        format: img.format,
        x: x0 + (width - img.widthPt) / 2,
        y: top + (img.gridLines * geo.pitch - img.heightPt) / 2,
        widthPt: img.widthPt,
        heightPt: img.heightPt,
      },
    ],
  };
  const caption = img.caption ? paragraphRows(ctx, { ...img.caption, leftChars: img.leftChars }) : [];
  return { blankBefore: img.blankBefore, keepWithNext: false, splittable: false, rows: [picture, ...caption] };
}

function tableBlock(ctx: PlaceContext, t: GTable): FlowBlock {
  const caption = t.caption ? paragraphRows(ctx, { ...t.caption, leftChars: t.leftChars }) : [];
  return { blankBefore: t.blankBefore, keepWithNext: false, splittable: false, rows: caption, table: tableFlow(ctx, t) };
}

/** A list's items as the blocks they hold, the marker on the first line of each item. */
function listBlocks(ctx: PlaceContext, l: GList): FlowBlock[] {
  const out: FlowBlock[] = [];
  for (const item of l.items) {
    const marker: Marker = { run: item.marker, atChars: l.markerAtChars };
    const [first, ...rest] = item.blocks;
    if (first?.kind === 'paragraph') out.push(paragraphBlock(ctx, first, marker));
    else {
      // An item that opens with no paragraph: its marker on a line of its own.
      const rows = paragraphRows(
        ctx,
        {
          kind: 'paragraph',
          style: 'listItem',
          runs: [],
          indentChars: 0,
          align: 'left',
          blankBefore: 0,
          keepWithNext: true,
          leftChars: l.textAtChars,
        },
        marker,
      );
      out.push({ blankBefore: first?.blankBefore ?? 0, keepWithNext: true, splittable: false, rows });
      if (first) out.push(...flowBlocks(ctx, [{ ...first, blankBefore: 0 }]));
    }
    out.push(...flowBlocks(ctx, rest));
  }
  if (out[0]) out[0].blankBefore = Math.max(out[0].blankBefore, l.blankBefore);
  return out;
}

/**
 * The body's flow blocks, made as the paginator reaches them. One flow serves every pagination
 * of a galley with the same fonts: counting the pages of the galley before its contents box is
 * decided (contents.ts) and paging it for print set each line once, and the count stops reading
 * the body where it has seen enough pages. Flow blocks are read, never changed, by the paginator.
 */
export class Flow {
  private readonly made: FlowBlock[] = [];
  private next = 0;

  constructor(
    private readonly ctx: PlaceContext,
    private readonly blocks: readonly GBlock[],
  ) {}

  /** Flow block i, or undefined past the end. */
  at(i: number): FlowBlock | undefined {
    while (this.made.length <= i && this.next < this.blocks.length) this.made.push(...flowBlocks(this.ctx, [this.blocks[this.next++]!]));
    return this.made[i];
  }
}

const flows = new WeakMap<readonly GBlock[], { fonts: PlaceContext['fonts']; flow: Flow }>();

/** The flow of the galley's body, shared by paginations with the same fonts. */
export function bodyFlow(ctx: PlaceContext): Flow {
  const known = flows.get(ctx.g.body);
  if (known?.fonts === ctx.fonts) return known.flow;
  const flow = new Flow(ctx, ctx.g.body);
  flows.set(ctx.g.body, { fonts: ctx.fonts, flow });
  return flow;
}

export function flowBlocks(ctx: PlaceContext, blocks: readonly GBlock[]): FlowBlock[] {
  return blocks.flatMap((b): FlowBlock[] => {
    switch (b.kind) {
      case 'paragraph':
        return [paragraphBlock(ctx, b)];
      case 'image':
        return [imageBlock(ctx, b)];
      case 'table':
        return [tableBlock(ctx, b)];
      case 'list':
        return listBlocks(ctx, b);
    }
  });
}
