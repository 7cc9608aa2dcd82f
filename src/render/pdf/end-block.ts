/**
 * The end block (版记) at the bottom of the last page: its last rule on the bottom edge of
 * the text block. Its height must be known before layout, to reserve that much space after
 * the body (document.ts), so its wrapped lines are counted here with the same rules pdfmake
 * uses. It is drawn from the footer of the last page, which knows the page count.
 */
import type { Content } from 'pdfmake/interfaces.js';
import { END_BLOCK, mm } from '../../layout/spec.js';
import type { EndBlock, SourcePos } from '../../model/types.js';
import type { RenderEnv } from './flow.js';
import { BLOCK_WIDTH_PT, MARGIN_LEFT_PT } from './grid.js';
import { textInlines, type TextStyle } from './inlines.js';
import { countLines, textEm } from './measure.js';

export interface EndBlockPlan {
  /** Grid lines the block takes. */
  lines: number;
  heightPt: number;
  /** Nodes for the footer of its page; the footer's origin is the text block's bottom edge. */
  nodes: Content[];
}

export function planEndBlock(env: RenderEnv, eb: EndBlock, at: SourcePos): EndBlockPlan {
  const size = END_BLOCK.sizePt;
  const pitch = END_BLOCK.linePitchPt;
  const style: TextStyle = { role: END_BLOCK.role, sizePt: size, boxPt: pitch };
  const ienv = { fonts: env.fonts, at };
  const face = env.fonts.role(END_BLOCK.role);
  const indent = END_BLOCK.indentChars * size;
  const inner = BLOCK_WIDTH_PT - 2 * indent;
  // A hair of slack so a width computed here never makes pdfmake wrap one character early.
  const slack = 0.01;

  const rows: Content[] = [];
  let count = 0;
  /** Grid lines from the top at which a thin rule separates one list from the next. */
  const breaks: number[] = [];
  const order = END_BLOCK.order as readonly string[];
  const dist = [...eb.distribution].sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
  for (const d of dist) {
    const label = `${d.label}：`;
    const labelW = textEm(label, face, env.fonts) * size;
    const textW = inner - labelW;
    if (count > 0) breaks.push(count);
    count += countLines(d.text, face, env.fonts, size, textW);
    rows.push({
      columns: [
        { width: labelW + slack, text: textInlines(ienv, label, style) },
        { width: textW - slack, text: textInlines({ ...ienv, at: d.at ?? at }, d.text, style), alignment: 'justify' },
      ],
      columnGap: 0,
    } as Content);
  }
  if (eb.copies) {
    if (count > 0) breaks.push(count);
    count += 1;
    // Absolutely placed content is as wide as the rest of the page: every row fixes its width.
    rows.push({ columns: [{ width: inner, text: textInlines({ ...ienv, at: eb.at?.copies ?? at }, eb.copies, style), alignment: 'right' }] } as Content);
  }
  const distLines = count;
  const dateW = textEm(eb.printDate, face, env.fonts) * size + slack;
  rows.push({
    columns: [
      { width: inner - dateW, text: textInlines({ ...ienv, at: eb.at?.printer ?? at }, eb.printer, style) },
      { width: dateW, text: textInlines({ ...ienv, at: eb.at?.printDate ?? at }, eb.printDate, style), alignment: 'right' },
    ],
    columnGap: 0,
  } as Content);
  count += 1;

  const height = count * pitch;
  const outer = mm(END_BLOCK.outerRuleMm);
  const thin = mm(END_BLOCK.innerRuleMm);
  const rule = (y: number, w: number) => ({ type: 'line', x1: 0, y1: y, x2: BLOCK_WIDTH_PT, y2: y, lineWidth: w, lineColor: 'black' });
  // pdfmake sets glyphs at the top of a line box; shift the text so each line's glyphs sit
  // in the middle of their grid line, between the rules.
  const centring = (pitch - size) / 2;
  const nodes: Content[] = [
    {
      canvas: [
        rule(0, outer),
        ...[...breaks, ...(distLines > 0 ? [distLines] : [])].map((n) => rule(n * pitch, thin)),
        rule(height, outer),
      ],
      absolutePosition: { x: MARGIN_LEFT_PT, y: -height },
    } as unknown as Content,
    { stack: rows, absolutePosition: { x: MARGIN_LEFT_PT + indent, y: -height + centring } } as Content,
  ];
  return { lines: count, heightPt: height, nodes };
}
