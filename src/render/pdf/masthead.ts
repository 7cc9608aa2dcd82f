/**
 * The Galley's masthead (报头) on page 1: every line takes its whole grid lines with its glyphs
 * centred in them (pdfmake sets glyphs at the top of a line box), so the body that follows
 * starts on a grid line; the red rule under the publisher line.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { GMasthead, GMastheadLine, GRun, SourcePos } from '../../layout/galley.js';
import { styledRuns } from './blocks.js';
import type { RenderEnv } from './flow.js';
import { paragraphInlines } from './inlines.js';

function gridLine(env: RenderEnv, l: GMastheadLine, at: SourcePos): Content {
  const { grid } = env;
  const size = grid.pdfSize(env.galley.styles[l.style].sizePt);
  const style = { sizePt: size, boxPt: size, color: l.cmyk };
  const [top, bottom] = grid.centreIn(l.gridLines, size);
  return { text: paragraphInlines({ fonts: env.fonts, text: env.galley.text, at: l.at ?? at }, styledRuns(l.runs), style), alignment: l.align, margin: [0, top, 0, bottom + grid.lines(l.blankAfter)] } as Content;
}

export function mastheadNodes(env: RenderEnv, m: GMasthead, at: SourcePos): Content[] {
  const { grid } = env;
  const nodes = m.lines.map((l) => gridLine(env, l, at));
  const pubSize = grid.pdfSize(env.galley.styles[m.publisher.style].sizePt);
  const [top, bottom] = grid.centreIn(1, pubSize);
  const style = { sizePt: pubSize, boxPt: pubSize };
  const text = (runs: GRun[], where: SourcePos | undefined) => paragraphInlines({ fonts: env.fonts, text: env.galley.text, at: where ?? at }, styledRuns(runs), style);
  const indent = m.publisher.indentChars * grid.cell;
  nodes.push({
    columns: [
      { width: '*', text: text(m.publisher.left, m.publisher.leftAt) },
      { width: 'auto', text: text(m.publisher.right, m.publisher.rightAt), alignment: 'right' },
    ],
    columnGap: grid.cell,
    margin: [indent, top, indent, bottom],
  } as Content);
  // The red rule's top edge sits offsetPt under the publisher line's glyphs, which end
  // `bottom` above the end of its grid line; pdfkit strokes a line centred on its path, and
  // the canvas measures as tall as the path's lowest point.
  const ruleY = m.rule.offsetPt + m.rule.widthPt / 2 - bottom;
  const after = grid.lines(m.blankAfterRule) - Math.max(0, ruleY);
  nodes.push({
    canvas: [{ type: 'line', x1: 0, y1: ruleY, x2: grid.blockWidthPt, y2: ruleY, lineWidth: m.rule.widthPt, lineColor: m.rule.cmyk }],
    margin: [0, 0, 0, after],
  } as unknown as Content);
  return nodes;
}
