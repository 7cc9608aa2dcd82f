/**
 * Galley blocks → DOCX paragraphs and tables. Roles, indents, blank lines, widths and heights
 * are the Galley's; what is here are the facts of WordprocessingML: a table has no space
 * before (an empty paragraph carries it), a list marker is followed by a tab to a stop,
 * a picture's line is as tall as its grid lines, drawing ids are counted.
 */
import { MAX_IMAGE_BYTES } from '../../sources/image-info.js';
import { readUserFile } from '../../sources/user-file.js';
import {
  BorderStyle,
  ImageRun,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalMergeType,
  WidthType,
  AlignmentType,
  type FileChild,
} from 'docx';
import type { GBlock, GImage, GList, GParagraph, GTable, Galley, StyleId } from '../../layout/galley.js';
import { docxParagraph } from './paragraph.js';
import { docxRuns, tabRun } from './runs.js';
import { borderEighths, charsTw, lines, ptToTwips, textWidthTw } from './units.js';

export interface BlockContext {
  galley: Galley;
  /** Drawing ids must be unique in a document and the same on every build: counted here. */
  nextDrawingId(): number;
}

/** A block's left edge (GBlock.leftChars, in body characters) in characters of `style`. */
function leftIn(ctx: BlockContext, b: GBlock, style: StyleId): number | undefined {
  return b.leftChars ? (b.leftChars * ctx.galley.text.bodySizePt) / ctx.galley.styles[style].sizePt : undefined;
}

export function paragraphBlock(ctx: BlockContext, p: GParagraph, extraLines = 0): FileChild {
  return docxParagraph(ctx.galley, {
    style: p.style,
    align: p.align,
    firstChars: p.indentChars,
    leftChars: leftIn(ctx, p, p.style),
    beforeLines: p.blankBefore + extraLines,
    keepNext: p.keepWithNext,
    children: docxRuns(ctx.galley, p.runs, p.style),
  });
}

function tableBlock(ctx: BlockContext, t: GTable): FileChild[] {
  const out: FileChild[] = [];
  let before = t.blankBefore;
  if (t.caption) {
    out.push(paragraphBlock(ctx, t.caption, before));
    before = 0;
  }
  const chrome = 2 * t.paddingXPt + t.ruleWidthPt;
  const widths = t.columns.map((c) => ptToTwips(c.widthPt + chrome));
  const g = ctx.galley;
  // Inside a list item the table stands at the item's text column.
  const indent = t.leftChars ? charsTw(g, t.leftChars, g.text.bodySizePt) : 0;
  const textWidth = textWidthTw(g) - indent;
  // The last column takes what rounding to twips left over.
  const lastCol = widths.length - 1;
  if (lastCol >= 0) widths[lastCol] = (widths[lastCol] ?? 0) + textWidth - widths.reduce((a, b) => a + b, 0);
  const rule = { style: BorderStyle.SINGLE, size: borderEighths(t.ruleWidthPt), color: g.text.color };
  const padX = ptToTwips(t.paddingXPt);
  const padY = ptToTwips(t.paddingYPt);
  const small = t.sizePt !== g.styles.tableText.sizePt;
  const spanAt = new Map(t.spans.map((s) => [`${s.row},${s.col}`, s]));
  // Grid cells under a merged cell's first row: Word writes them as w:vMerge continuations.
  const below = new Map<string, number>();
  for (const s of t.spans) for (let r = s.row + 1; r < s.row + s.rows; r++) below.set(`${r},${s.col}`, s.cols);
  const inside = new Set<string>();
  for (const s of t.spans)
    for (let r = s.row; r < s.row + s.rows; r++) for (let c = s.col + 1; c < s.col + s.cols; c++) inside.add(`${r},${c}`);
  const row = (cells: GTable['header'], r: number): TableRow => {
    const header = r < t.headerRows;
    const style = header ? 'tableHeader' : 'tableText';
    const text = (c: number, runs: GTable['header'][number]): ReturnType<typeof docxParagraph> =>
      docxParagraph(g, {
        style,
        align: header ? undefined : t.columns[c]?.align,
        // A wide table is set smaller than the table styles (the Galley's size step).
        lineTw: small ? ptToTwips(t.lineHeightPt) : undefined,
        children: docxRuns(ctx.galley, runs, style, t.sizePt),
      });
    const children: TableCell[] = [];
    widths.forEach((_w, c) => {
      const key = `${r},${c}`;
      if (inside.has(key)) return;
      const span = spanAt.get(key);
      const cols = span?.cols ?? below.get(key) ?? 1;
      const width = { size: widths.slice(c, c + cols).reduce((a, b) => a + b, 0), type: WidthType.DXA };
      const columnSpan = cols > 1 ? cols : undefined;
      if (below.has(key)) {
        children.push(new TableCell({ width, columnSpan, verticalMerge: VerticalMergeType.CONTINUE, children: [text(c, [])] }));
        return;
      }
      const verticalMerge = span && span.rows > 1 ? VerticalMergeType.RESTART : undefined;
      children.push(new TableCell({ width, columnSpan, verticalMerge, children: [text(c, cells[c] ?? [])] }));
    });
    return new TableRow({ tableHeader: header || undefined, cantSplit: true, children });
  };
  // A table itself has no space before: an empty paragraph of that height carries it.
  if (before > 0) out.push(docxParagraph(g, { style: 'tableText', lineTw: lines(g, before), children: [] }));
  out.push(
    new Table({
      rows: [t.header, ...t.rows].map((cells, r) => row(cells, r)),
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      ...(indent ? { indent: { size: indent, type: WidthType.DXA } } : { alignment: AlignmentType.CENTER }),
      margins: { top: padY, bottom: padY, left: padX, right: padX, marginUnitType: WidthType.DXA },
      borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
    }),
  );
  return out;
}

/**
 * List items: the marker at the Galley's marker column, a tab to its text column, wrapped
 * lines hanging under the text; what else an item holds stands at the text column too.
 */
function listBlock(ctx: BlockContext, l: GList): FileChild[] {
  const out: FileChild[] = [];
  const leftChars = l.markerAtChars;
  const markerChars = l.textAtChars - l.markerAtChars;
  const size = ctx.galley.text.bodySizePt;
  l.items.forEach((item, i) => {
    const [first, ...rest] = item.blocks;
    const head = first?.kind === 'paragraph' ? first : undefined;
    out.push(
      docxParagraph(ctx.galley, {
        style: 'listItem',
        beforeLines: (i === 0 ? l.blankBefore : 0) + (head?.blankBefore ?? 0),
        leftChars,
        hangingChars: markerChars,
        tabStops: [{ type: TabStopType.LEFT, position: charsTw(ctx.galley, l.textAtChars, size) }],
        children: [
          ...docxRuns(ctx.galley, [item.marker], 'listItem'),
          tabRun(),
          ...(head ? docxRuns(ctx.galley, head.runs, 'listItem') : []),
        ],
      }),
    );
    for (const b of head ? rest : item.blocks) out.push(...blockToDocx(ctx, b));
  });
  return out;
}

function imageBlock(ctx: BlockContext, img: GImage): FileChild[] {
  const id = ctx.nextDrawingId();
  const out: FileChild[] = [
    docxParagraph(ctx.galley, {
      style: 'image',
      beforeLines: img.blankBefore,
      leftChars: leftIn(ctx, img, 'image'),
      lineTw: lines(ctx.galley, img.gridLines),
      keepNext: img.keepWithNext,
      children: [
        new ImageRun({
          type: img.format === 'png' ? 'png' : 'jpg',
          data: readUserFile(img.path, { shown: img.path, maxBytes: MAX_IMAGE_BYTES }),
          // docx measures pictures in pixels at 96 to the inch.
          transformation: { width: Math.round((img.widthPt * 96) / 72), height: Math.round((img.heightPt * 96) / 72) },
          altText: { id: String(id), name: `图片 ${id}`, description: img.alt },
        }),
      ],
    }),
  ];
  if (img.caption) out.push(paragraphBlock(ctx, img.caption));
  return out;
}

export function blockToDocx(ctx: BlockContext, b: GBlock): FileChild[] {
  switch (b.kind) {
    case 'paragraph':
      return [paragraphBlock(ctx, b)];
    case 'table':
      return tableBlock(ctx, b);
    case 'list':
      return listBlock(ctx, b);
    case 'image':
      return imageBlock(ctx, b);
  }
}
