/**
 * The Galley's end block (版记) at the bottom of the last page, its last rule on the bottom
 * edge of the text block. The composition counted its lines, so its height is known before
 * layout (document.ts reserves it after the body); it is drawn from the footer of the last
 * page, whose origin is the text block's bottom edge.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { GEndBlock, SourcePos } from '../../layout/galley.js';
import { textEm } from '../../layout/measure.js';
import type { RenderEnv } from './flow.js';
import { textInlines, type TextStyle } from './inlines.js';

export interface EndBlockPlan {
  heightPt: number;
  nodes: Content[];
}

export function planEndBlock(env: RenderEnv, eb: GEndBlock, at: SourcePos): EndBlockPlan {
  const size = eb.sizePt;
  const pitch = eb.linePitchPt;
  const style: TextStyle = { role: eb.role, sizePt: size, boxPt: pitch };
  const ienv = { fonts: env.fonts, text: env.galley.text, at };
  const { blockWidthPt: BLOCK_WIDTH_PT, marginLeftPt: MARGIN_LEFT_PT } = env.grid;
  const face = env.fonts.role(eb.role);
  const indent = eb.indentChars * size;
  const inner = BLOCK_WIDTH_PT - 2 * indent;
  // A hair of slack so a width measured here never makes pdfmake wrap one character early.
  const slack = 0.01;
  const rows: Content[] = eb.distribution.map((d) => {
    const labelW = textEm(d.label, face, env.fonts) * size;
    return {
      columns: [
        { width: labelW + slack, text: textInlines(ienv, d.label, style) },
        { width: inner - labelW - slack, text: textInlines({ ...ienv, at: d.at ?? at }, d.text, style), alignment: 'justify' },
      ],
      columnGap: 0,
    } as Content;
  });
  // Absolutely placed content is as wide as the rest of the page: every row fixes its width.
  if (eb.copies) rows.push({ columns: [{ width: inner, text: textInlines({ ...ienv, at: eb.at?.copies ?? at }, eb.copies, style), alignment: 'right' }] } as Content);
  const dateW = textEm(eb.printDate, face, env.fonts) * size + slack;
  rows.push({
    columns: [
      { width: inner - dateW, text: textInlines({ ...ienv, at: eb.at?.printer ?? at }, eb.printer, style) },
      { width: dateW, text: textInlines({ ...ienv, at: eb.at?.printDate ?? at }, eb.printDate, style), alignment: 'right' },
    ],
    columnGap: 0,
  } as Content);

  const height = eb.lines * pitch;
  const rule = (y: number, w: number) => ({ type: 'line', x1: 0, y1: y, x2: BLOCK_WIDTH_PT, y2: y, lineWidth: w, lineColor: 'black' });
  // Each line's glyphs sit in the middle of their grid line, between the rules.
  const centring = (pitch - size) / 2;
  const nodes: Content[] = [
    { canvas: eb.rules.map((r) => rule(r.afterLines * pitch, r.widthPt)), absolutePosition: { x: MARGIN_LEFT_PT, y: -height } } as unknown as Content,
    { stack: rows, absolutePosition: { x: MARGIN_LEFT_PT + indent, y: -height + centring } } as Content,
  ];
  return { heightPt: height, nodes };
}
