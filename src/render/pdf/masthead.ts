/**
 * The Galley's masthead (报头) on page 1: every line takes its whole grid lines with its glyphs
 * centred in them (pdfmake sets glyphs at the top of a line box), so the body that follows
 * starts on a grid line; the red rule under the publisher line.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { GMasthead, GMastheadLine, GRun } from '../../layout/galley.js';
import { STYLES } from '../../layout/styles.js';
import type { SourcePos } from '../../model/types.js';
import { styledRuns } from './blocks.js';
import type { RenderEnv } from './flow.js';
import { BLOCK_WIDTH_PT, CELL, centreIn, lines, pdfSize } from './grid.js';
import { paragraphInlines } from './inlines.js';

function gridLine(env: RenderEnv, l: GMastheadLine, at: SourcePos): Content {
  const size = pdfSize(STYLES[l.style].sizePt);
  const style = { sizePt: size, boxPt: size, color: l.cmyk };
  const [top, bottom] = centreIn(l.gridLines, size);
  return { text: paragraphInlines({ fonts: env.fonts, at: l.at ?? at }, styledRuns(l.runs), style), alignment: l.align, margin: [0, top, 0, bottom + lines(l.blankAfter)] } as Content;
}

export function mastheadNodes(env: RenderEnv, m: GMasthead, at: SourcePos): Content[] {
  const nodes = m.lines.map((l) => gridLine(env, l, at));
  const pubSize = pdfSize(STYLES[m.publisher.style].sizePt);
  const [top, bottom] = centreIn(1, pubSize);
  const style = { sizePt: pubSize, boxPt: pubSize };
  const text = (runs: GRun[], where: SourcePos | undefined) => paragraphInlines({ fonts: env.fonts, at: where ?? at }, styledRuns(runs), style);
  const indent = m.publisher.indentChars * CELL;
  nodes.push({
    columns: [
      { width: '*', text: text(m.publisher.left, m.publisher.leftAt) },
      { width: 'auto', text: text(m.publisher.right, m.publisher.rightAt), alignment: 'right' },
    ],
    columnGap: CELL,
    margin: [indent, top, indent, bottom],
  } as Content);
  // The red rule's top edge sits offsetPt under the publisher line's glyphs, which end
  // `bottom` above the end of its grid line; pdfkit strokes a line centred on its path, and
  // the canvas measures as tall as the path's lowest point.
  const ruleY = m.rule.offsetPt + m.rule.widthPt / 2 - bottom;
  const after = lines(m.blankAfterRule) - Math.max(0, ruleY);
  nodes.push({
    canvas: [{ type: 'line', x1: 0, y1: ruleY, x2: BLOCK_WIDTH_PT, y2: ruleY, lineWidth: m.rule.widthPt, lineColor: m.rule.cmyk }],
    margin: [0, 0, 0, after],
  } as unknown as Content);
  return nodes;
}
