/**
 * The masthead (报头) of page 1: every element takes whole grid lines (MASTHEAD), with its
 * glyphs centred in them, so the body that follows starts on a grid line.
 */
import type { Content } from 'pdfmake/interfaces.js';
import { MASTHEAD, RED } from '../../layout/spec.js';
import type { FontRole, Masthead, SourcePos } from '../../model/types.js';
import type { RenderEnv } from './flow.js';
import { BLOCK_WIDTH_PT, CELL, centreIn, lines, pdfSize } from './grid.js';
import { textInlines, type TextStyle } from './inlines.js';

/** Print red: C0 M80 Y80 K0 (pdfkit takes CMYK in percent). */
export const PRINT_RED = RED.cmyk;

interface LineSpec {
  role: FontRole;
  sizePt: number;
  lines: number;
  color?: string;
}

function gridLine(env: RenderEnv, text: string, spec: LineSpec, align: 'left' | 'center' | 'right', at: SourcePos, blankAfter = 0): Content {
  const size = pdfSize(spec.sizePt);
  const style: TextStyle = { role: spec.role, sizePt: size, boxPt: size, color: spec.color ? PRINT_RED : undefined };
  const [top, bottom] = centreIn(spec.lines, size);
  return { text: textInlines({ fonts: env.fonts, at }, text, style), alignment: align, margin: [0, top, 0, bottom + lines(blankAfter)] } as Content;
}

export function mastheadNodes(env: RenderEnv, m: Masthead, at: SourcePos): Content[] {
  const M = MASTHEAD;
  const nodes: Content[] = [];
  if (m.classification) nodes.push(gridLine(env, m.classification, M.classification, 'left', m.at?.classification ?? at));
  nodes.push(gridLine(env, m.seriesLine, M.seriesLine, 'center', m.at?.seriesLine ?? at));
  nodes.push(gridLine(env, m.name, M.name, 'center', m.at?.name ?? at));
  const label = m.totalLabel ? `${m.label}\u3000${m.totalLabel}` : m.label;
  nodes.push(gridLine(env, label, M.label, 'center', m.at?.label ?? at, M.gapLines));

  const pub = M.publisherLine;
  const pubSize = pdfSize(pub.sizePt);
  const [top, bottom] = centreIn(pub.lines, pubSize);
  const style: TextStyle = { role: pub.role, sizePt: pubSize, boxPt: pubSize };
  const indent = M.publisherIndentChars * CELL;
  nodes.push({
    columns: [
      { width: '*', text: textInlines({ fonts: env.fonts, at: m.at?.publisher ?? at }, m.publisher, style) },
      { width: 'auto', text: textInlines({ fonts: env.fonts, at: m.at?.date ?? at }, m.date, style), alignment: 'right' },
    ],
    columnGap: CELL,
    margin: [indent, top, indent, bottom],
  } as Content);

  // The red rule sits ruleOffsetPt under the publisher line's glyphs, which end `bottom`
  // above the end of its grid line; the canvas measures as tall as its lowest point.
  const ruleY = M.ruleOffsetPt - bottom;
  const after = lines(M.afterRuleLines) - Math.max(0, ruleY);
  nodes.push({
    canvas: [{ type: 'line', x1: 0, y1: ruleY, x2: BLOCK_WIDTH_PT, y2: ruleY, lineWidth: M.ruleWidthPt, lineColor: PRINT_RED }],
    margin: [0, 0, 0, after],
  } as unknown as Content);
  return nodes;
}
