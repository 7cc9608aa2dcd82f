/**
 * Galley blocks → pdfmake nodes. Nothing is decided here that the composition decided: roles,
 * indents, blank lines, keep-with-next, outline entries, widths and heights come from the
 * Galley; this file knows pdfmake's facts (glyphs sit at the top of their line box, justified
 * text is handed over as whole lines, outline entries hang on the first text node).
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { GBlock, GImage, GList, GParagraph, GRun } from '../../layout/galley.js';
import { firstTextNode, keepWithNext, type RenderEnv } from './flow.js';
import { justifiedLines, paragraphInlines, type StyledRun } from './inlines.js';
import { tableNodes } from './table.js';
import { markParagraphLines } from './widows.js';

/** Galley runs as pieces for inlines.ts; a run that starts a new line gets a line break. */
export function styledRuns(runs: GRun[]): StyledRun[] {
  return runs.map((r) => ({ text: r.breakBefore ? `\n${r.text}` : r.text, role: r.role, script: r.script, bold: r.bold }));
}

/**
 * One paragraph. Justified text is broken into lines here (a stack of one-line nodes, see
 * src/layout/linebreak.ts); other alignments are left to pdfmake. `width` is the width of
 * the column the paragraph sits in (narrower inside a list). Its lines keep widows and
 * orphans away (widows.ts) unless `splitControl` is off: pdfmake cannot break a column of a
 * list item before a line of its own.
 */
export function paragraphNode(env: RenderEnv, p: GParagraph, width = env.grid.blockWidthPt, splitControl = true): Content {
  const styles = env.galley.styles;
  const st = styles[p.style];
  const size = env.grid.pdfSize(st.sizePt);
  const style = { sizePt: size, boxPt: st.lineHeightPt };
  const ienv = { fonts: env.fonts, text: env.galley.text, at: p.at };
  const runs = styledRuns(p.runs);
  const indent = p.indentChars * (st.sizePt === styles.body.sizePt ? env.grid.cell : st.sizePt);
  let node: Content;
  if (p.align !== 'justify') {
    node = { text: paragraphInlines(ienv, runs, style), alignment: p.align, leadingIndent: indent } as Content;
  } else {
    const ls = justifiedLines(ienv, runs, style, width - indent, width, { sizePt: st.sizePt, trackingPt: env.galley.text.trackingPt });
    if (splitControl) markParagraphLines(ls, env.galley.text.minSplitLines);
    node = { stack: ls.map((text, i) => ({ text, margin: [i === 0 ? indent : 0, 0, 0, 0] })) } as Content;
  }
  return decorate(node, p);
}

/** Keep-with-next and outline entry of a block. */
function decorate(node: Content, b: GBlock): Content {
  if (b.keepWithNext) keepWithNext(node);
  if (b.outline) {
    const n = firstTextNode(node) as unknown as Record<string, unknown>;
    n.id = b.outline.id;
    n.outline = true;
    n.outlineText = b.outline.text;
    if (b.outline.parentId) n.outlineParentId = b.outline.parentId;
  }
  return node;
}

function listNode(env: RenderEnv, list: GList, width: number, leftChars: number): Content {
  const { cell, pitch } = env.grid;
  const markerWidth = (list.textAtChars - list.markerAtChars) * cell;
  const inner = width - (list.textAtChars - leftChars) * cell;
  return {
    stack: list.items.map((item) => ({
      columns: [
        { width: markerWidth, text: paragraphInlines({ fonts: env.fonts, text: env.galley.text, at: list.at }, styledRuns([item.marker]), { sizePt: env.grid.pdfSize(env.galley.styles.body.sizePt), boxPt: pitch }) },
        { width: '*', stack: item.blocks.flatMap((b) => blockNodes(env, b, inner, false, list.textAtChars)) },
      ],
      columnGap: 0,
    })),
    margin: [(list.markerAtChars - leftChars) * cell, 0, 0, 0],
  } as Content;
}

/** A picture centred in whole grid lines, its caption on the grid line after it. */
function imageNode(env: RenderEnv, img: GImage): Content {
  env.images.add(img.path);
  const [top, bottom] = env.grid.centreIn(img.gridLines, img.heightPt);
  const stack: Content[] = [{ image: img.path, width: img.widthPt, height: img.heightPt, alignment: 'center', margin: [0, top, 0, bottom] } as Content];
  if (img.caption) stack.push(paragraphNode(env, img.caption));
  return { stack, unbreakable: true } as Content;
}

function nodesOf(env: RenderEnv, b: GBlock, width: number, splitControl: boolean, leftChars: number): Content[] {
  switch (b.kind) {
    case 'paragraph':
      return [paragraphNode(env, b, width, splitControl)];
    case 'list':
      return [decorate(listNode(env, b, width, leftChars), b)];
    case 'table':
      return tableNodes(env, b, b.caption && paragraphNode(env, b.caption));
    case 'image':
      return [decorate(imageNode(env, b), b)];
  }
}

/** Nodes of one block, moved down by its blank lines. */
export function blockNodes(env: RenderEnv, b: GBlock, width = env.grid.blockWidthPt, splitControl = true, leftChars = 0): Content[] {
  const nodes = nodesOf(env, b, width, splitControl, leftChars);
  return b.blankBefore > 0 ? [{ stack: nodes, margin: [0, env.grid.lines(b.blankBefore), 0, 0] } as Content] : nodes;
}
