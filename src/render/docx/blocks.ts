/**
 * Body blocks of the model (paragraph, heading, table, list, image) to DOCX, laid out as the
 * PDF lays them out: body paragraphs and headings on the grid, tables ruled at 四号 across the
 * text width, list markers hanging, images scaled to the text width with a caption below.
 */
import { readFileSync } from 'node:fs';
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import { imageBox, tableColumnWidths } from '../../layout/geometry.js';
import { BODY, HEADINGS, IMAGE, LIST, TABLE, TEXT_BLOCK, ptToTwips } from '../../layout/spec.js';
import type { Block, FontRole, Heading, ImageBlock, Issue, ListBlock, Paragraph as ModelParagraph, Run, Table as ModelTable } from '../../model/types.js';
import { gridParagraph, type Align } from './paragraph.js';
import { modelRuns, tabRun, textRun } from './runs.js';
import { STYLE } from './styles.js';
import { LINE_TW, TEXT_WIDTH_TW, borderEighths, charsTw, lines } from './units.js';

/** What the blocks of one container (an item, an article, the editor's note) print in. */
export interface BlockLook {
  style: string;
  role: FontRole;
}

export const BODY_LOOK: BlockLook = { style: STYLE.body, role: 'body' };

export interface BlockContext {
  issue: Issue;
  /** Drawing ids must be unique in a document and the same on every build: counted here. */
  nextDrawingId(): number;
}

const ALIGN: Record<NonNullable<ModelParagraph['align']>, Align> = {
  justify: AlignmentType.JUSTIFIED,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  left: AlignmentType.LEFT,
};

/**
 * A body paragraph; `lead` children (★ and a news item's lead) go before its runs, in the
 * same paragraph.
 */
export function paragraphBlock(ctx: BlockContext, p: ModelParagraph, look: BlockLook, beforeLines: number, lead: ParagraphChild[] = []): FileChild {
  const role = p.font ?? look.role;
  return gridParagraph({
    style: look.style,
    sizePt: BODY.sizePt,
    align: ALIGN[p.align ?? 'justify'],
    beforeLines,
    firstChars: (p.indent ?? true) ? BODY.indentChars : 0,
    children: [...lead, ...modelRuns(ctx.issue, p.runs, { role, sizePt: BODY.sizePt })],
  });
}

export function headingBlock(ctx: BlockContext, h: Heading, beforeLines: number): FileChild {
  const spec = HEADINGS[h.level];
  const runs: Run[] = h.runs.map((r) => (spec.bold ? { ...r, bold: true } : r));
  return gridParagraph({
    style: STYLE.heading[h.level],
    sizePt: BODY.sizePt,
    beforeLines,
    firstChars: spec.indentChars,
    keepNext: true,
    children: modelRuns(ctx.issue, runs, { role: spec.role, sizePt: BODY.sizePt }),
  });
}

/** Display width of text in character cells: CJK and full-width forms 1, the rest ½. */
function cells(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\uffef\u{20000}-\u{3ffff}]/u.test(ch) ? 1 : 0.5;
  return n;
}

/** Column widths in twips, padding and rules included, that add up to the text width. */
function columnWidths(t: ModelTable): number[] {
  const size = TABLE.sizePt;
  const cols = t.header.length;
  const rows = [t.header, ...t.rows];
  const natural = t.header.map((_, c) => Math.max(0, ...rows.map((r) => cells((r[c]?.runs ?? []).map((x) => x.text).join('')) * size)));
  const chrome = 2 * TABLE.cellPaddingPt + TABLE.ruleWidthPt;
  const available = TEXT_BLOCK.widthPt - cols * chrome - TABLE.ruleWidthPt;
  const widths = tableColumnWidths(natural, TABLE.minColumnChars * size, available).map((w) => ptToTwips(w + chrome));
  widths[widths.length - 1] += TEXT_WIDTH_TW - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const CELL_ALIGN: Record<'left' | 'center' | 'right', Align> = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

export function tableBlock(ctx: BlockContext, t: ModelTable, beforeLines: number): FileChild[] {
  const out: FileChild[] = [];
  let before = beforeLines;
  if (t.caption) {
    out.push(
      gridParagraph({
        style: STYLE.tableCaption,
        sizePt: TABLE.caption.sizePt,
        align: AlignmentType.CENTER,
        beforeLines: before,
        keepNext: true,
        children: [textRun(ctx.issue, t.caption, TABLE.caption)],
      }),
    );
    before = 0;
  }
  const widths = columnWidths(t);
  const rule = { style: BorderStyle.SINGLE, size: borderEighths(TABLE.ruleWidthPt), color: BODY.color };
  const pad = ptToTwips(TABLE.cellPaddingPt);
  const lineTw = ptToTwips(TABLE.sizePt * TABLE.lineHeight);
  const row = (cellsOfRow: ModelTable['header'], header: boolean): TableRow =>
    new TableRow({
      tableHeader: header || undefined,
      cantSplit: true,
      children: widths.map(
        (w, c) =>
          new TableCell({
            width: { size: w, type: WidthType.DXA },
            children: [
              gridParagraph({
                style: STYLE.tableText,
                sizePt: TABLE.sizePt,
                lineTw,
                align: header ? AlignmentType.CENTER : CELL_ALIGN[t.align[c] ?? 'left'],
                children: modelRuns(ctx.issue, cellsOfRow[c]?.runs ?? [], { role: header ? TABLE.headerRole : TABLE.bodyRole, sizePt: TABLE.sizePt }),
              }),
            ],
          }),
      ),
    });
  // Space before a table is carried by an empty paragraph only when there is no caption to
  // carry it; a table itself has no space-before.
  if (before > 0) out.push(gridParagraph({ style: STYLE.tableText, sizePt: TABLE.sizePt, lineTw: lines(before), children: [] }));
  out.push(
    new Table({
      rows: [row(t.header, true), ...t.rows.map((r) => row(r, false))],
      width: { size: TEXT_WIDTH_TW, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      margins: { top: pad, bottom: pad, left: pad, right: pad, marginUnitType: WidthType.DXA },
      borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
    }),
  );
  return out;
}

/** List items: the marker hangs, wrapped lines align under the text after it. */
export function listBlock(ctx: BlockContext, l: ListBlock, look: BlockLook, beforeLines: number, depth = 0): FileChild[] {
  const out: FileChild[] = [];
  const marker = (i: number): string => (l.ordered ? `${l.start + i}.` : LIST.bullet);
  const markerChars = LIST.markerChars;
  const leftChars = LIST.indentChars * (depth + 1);
  const textStart = charsTw(leftChars + markerChars, BODY.sizePt);
  l.items.forEach((item, i) => {
    const [first, ...rest] = item;
    const markerRuns: ParagraphChild[] = [textRun(ctx.issue, marker(i), { role: look.role, sizePt: BODY.sizePt }), tabRun(ctx.issue, { role: look.role, sizePt: BODY.sizePt })];
    const head = first?.type === 'paragraph' ? first : undefined;
    out.push(
      gridParagraph({
        style: STYLE.listItem,
        sizePt: BODY.sizePt,
        beforeLines: i === 0 ? beforeLines : 0,
        leftChars,
        hangingChars: markerChars,
        tabStops: [{ type: TabStopType.LEFT, position: textStart }],
        children: [...markerRuns, ...(head ? modelRuns(ctx.issue, head.runs, { role: head.font ?? look.role, sizePt: BODY.sizePt }) : [])],
      }),
    );
    for (const b of head ? rest : item) out.push(...blockToDocx(ctx, b, look, 0, depth + 1));
  });
  return out;
}

export function imageBlock(ctx: BlockContext, img: ImageBlock, beforeLines: number): FileChild[] {
  const { widthPt: wPt, heightPt: hPt } = imageBox(img);
  // The picture's line is as many whole grid lines as the picture needs, so the text after
  // it is back on the grid.
  const pictureLines = Math.ceil(ptToTwips(hPt) / LINE_TW);
  const id = ctx.nextDrawingId();
  const out: FileChild[] = [
    gridParagraph({
      style: STYLE.image,
      sizePt: BODY.sizePt,
      align: AlignmentType.CENTER,
      beforeLines,
      lineTw: lines(pictureLines),
      keepNext: Boolean(img.caption),
      children: [
        new ImageRun({
          type: img.format === 'png' ? 'png' : 'jpg',
          data: readFileSync(img.path),
          // docx measures pictures in pixels at 96 to the inch.
          transformation: { width: Math.round((wPt * 96) / 72), height: Math.round((hPt * 96) / 72) },
          altText: { id: String(id), name: `图片 ${id}`, description: img.alt },
        }),
      ],
    }),
  ];
  if (img.caption) {
    out.push(
      gridParagraph({
        style: STYLE.imageCaption,
        sizePt: IMAGE.caption.sizePt,
        align: AlignmentType.CENTER,
        children: [textRun(ctx.issue, img.caption, IMAGE.caption)],
      }),
    );
  }
  return out;
}

export function blockToDocx(ctx: BlockContext, b: Block, look: BlockLook, beforeLines: number, depth = 0): FileChild[] {
  switch (b.type) {
    case 'paragraph':
      return [paragraphBlock(ctx, b, look, beforeLines)];
    case 'heading':
      return [headingBlock(ctx, b, beforeLines)];
    case 'table':
      return tableBlock(ctx, b, beforeLines);
    case 'list':
      return listBlock(ctx, b, look, beforeLines, depth);
    case 'image':
      return imageBlock(ctx, b, beforeLines);
  }
}
