/**
 * Galley body blocks → HTML elements. The element is chosen by the block's style (a section
 * head is an h2, an article title an h3, heading levels h4–h6), the look by the style table;
 * blank lines, indents, leads and title lines are the galley's. A news item's lead (runs
 * marked `lead`) becomes an inline h3 at the head of its paragraph, so the items are headings
 * in the document outline while the page reads like the printed bulletin.
 */
import { MAX_IMAGE_BYTES } from '../../sources/image-info.js';
import { readUserFile } from '../../sources/user-file.js';
import type { BlockStyle, GBlock, GImage, GList, GParagraph, GTable, StyleId } from '../../layout/galley.js';
import { el, type Child, type El } from './dom.js';
import { runNodes } from './inlines.js';
import { rulePx } from './facts.js';
import type { HtmlVariant } from './document.js';
import { headRunNodes } from './head-words.js';
import { isHead, titleStyles, type Len } from './styles.js';

const TAGS: Partial<Record<StyleId, string>> = {
  sectionHead: 'h2',
  noteTitle: 'h2',
  articleTitle: 'h3',
  heading1: 'h4',
  heading2: 'h5',
  heading3: 'h6',
  heading4: 'h6',
};

export interface BlockContext {
  len: Len;
  /** Body line pitch in body sizes, for blank lines. */
  pitch: number;
  /** HTML ids of the blocks that open outline entries (anchors.ts). */
  ids: ReadonlyMap<string, string>;
  /** Width of the paper's text block, to give images the same share of the column. */
  blockWidthPt: number;
  styles: Record<StyleId, BlockStyle>;
  /** Left edge of the element the blocks go into, in body characters from the text block's (a list item's text). */
  leftChars: number;
  variant: HtmlVariant;
}

function spacing(b: GBlock, ctx: BlockContext, extra: string[] = []): string | undefined {
  const decl = [...extra];
  if (b.blankBefore > 0) decl.push(`margin-top: ${ctx.len(b.blankBefore * ctx.pitch)}`);
  const left = (b.leftChars ?? 0) - ctx.leftChars;
  if (b.kind !== 'list' && left > 0) decl.push(`margin-left: ${ctx.len(left)}`);
  return decl.length ? decl.join('; ') : undefined;
}

function idOf(b: GBlock, ctx: BlockContext): string | undefined {
  return b.outline ? ctx.ids.get(b.outline.id) : undefined;
}

function paragraph(p: GParagraph, ctx: BlockContext, prefix: Child[] = []): El {
  const st = ctx.styles[p.style];
  const overrides: string[] = [];
  if (p.indentChars !== st.firstChars) overrides.push(`text-indent: ${p.indentChars}em`);
  if (p.align !== st.align) overrides.push(`text-align: ${p.align}`);
  const attrs = { id: idOf(p, ctx), style: spacing(p, ctx, overrides) };
  const classes = [p.style, ...titleStyles(p.style)];
  const leadEnd = p.runs.findIndex((r) => !r.lead);
  if (p.runs.length > 0 && p.runs[0]!.lead) {
    const lead = leadEnd < 0 ? p.runs : p.runs.slice(0, leadEnd);
    const rest = leadEnd < 0 ? [] : p.runs.slice(leadEnd);
    // The lead's role is its own (黑体); the heading carries it so its runs need no span.
    const h3 = el('h3', ['lead', `r-${lead[0]!.role}`], {}, runNodes(lead, lead[0]!.role));
    return el('div', classes, attrs, [...prefix, h3, ...runNodes(rest, st.role)]);
  }
  const runs = isHead(p.style) ? headRunNodes(p.runs, st.role, ctx.variant === 'web' ? 'marked' : 'dropped') : runNodes(p.runs, st.role);
  return el(TAGS[p.style] ?? 'p', classes, attrs, [...prefix, ...runs]);
}

/** The Galley's list geometry: the item's text at textAtChars, the marker hanging at markerAtChars. */
function list(l: GList, ctx: BlockContext): El {
  const markerChars = l.textAtChars - l.markerAtChars;
  const inItem: BlockContext = { ...ctx, leftChars: l.textAtChars };
  const items = l.items.map((it) => {
    const marker = el(
      'span',
      ['marker', ...(it.marker.role !== 'body' ? [`r-${it.marker.role}`] : [])],
      { style: `width: ${markerChars}em` },
      [it.marker.text],
    );
    const [first, ...rest] = it.blocks;
    const inner: El[] = [];
    if (first?.kind === 'paragraph') inner.push(paragraph({ ...first, indentChars: 0 }, inItem, [marker]));
    else {
      inner.push(el('div', 'listItem', {}, [marker]));
      if (first) inner.push(block(first, inItem));
    }
    for (const b of rest) inner.push(block(b, inItem));
    // The marker hangs in the indent; wrapped lines align after it.
    return el('li', 'listItem', { style: `padding-left: ${l.textAtChars - ctx.leftChars}em; text-indent: -${markerChars}em` }, inner);
  });
  return el('ul', 'list', { style: spacing(l, ctx), role: 'list' }, items);
}

function table(t: GTable, ctx: BlockContext): El {
  const total = t.columns.reduce((s, c) => s + c.widthPt, 0);
  const padY = t.paddingYPt / t.sizePt;
  const padX = t.paddingXPt / t.sizePt;
  const border = `border-width: ${rulePx(t.ruleWidthPt)}; padding: ${+padY.toFixed(3)}em ${+padX.toFixed(3)}em`;
  const cols = el(
    'colgroup',
    null,
    {},
    t.columns.map((c) => el('col', null, { style: `width: ${+((c.widthPt / total) * 100).toFixed(2)}%` })),
  );
  const spanAt = new Map(t.spans.map((s) => [`${s.row},${s.col}`, s]));
  const covered = new Set<string>();
  for (const s of t.spans)
    for (let r = s.row; r < s.row + s.rows; r++)
      for (let c = s.col; c < s.col + s.cols; c++) if (r !== s.row || c !== s.col) covered.add(`${r},${c}`);
  const cell = (tag: 'th' | 'td', style: StyleId, runs: GTable['header'][number], r: number, i: number): El => {
    const align = tag === 'th' ? ctx.styles.tableHeader.align : t.columns[i]!.align;
    const span = spanAt.get(`${r},${i}`);
    const merged: Record<string, string> = {};
    if (span && span.cols > 1) merged.colspan = String(span.cols);
    if (span && span.rows > 1) merged.rowspan = String(span.rows);
    const scope = tag === 'th' ? { scope: span && span.cols > 1 ? 'colgroup' : 'col' } : {};
    return el(
      tag,
      [style, 'cell'],
      { style: `${border}; text-align: ${align}; text-indent: 0`, ...merged, ...scope },
      runNodes(runs, ctx.styles[style].role),
    );
  };
  // The head rows (a two-level header has two) in thead; a merged cell's covered cells are not written.
  const tr = (row: GTable['rows'][number], r: number): El => {
    const head = r < t.headerRows;
    return el(
      'tr',
      null,
      {},
      row.flatMap((c, i) =>
        covered.has(`${r},${i}`) ? [] : [head ? cell('th', 'tableHeader', c, r, i) : cell('td', 'tableText', c, r, i)],
      ),
    );
  };
  const grid = [t.header, ...t.rows];
  const head = el(
    'thead',
    null,
    {},
    grid.slice(0, t.headerRows).map((row, r) => tr(row, r)),
  );
  const body = el(
    'tbody',
    null,
    {},
    grid.slice(t.headerRows).map((row, r) => tr(row, r + t.headerRows)),
  );
  // A wide table is set smaller than the table styles (the Galley's size step).
  const ratio = t.sizePt / ctx.styles.tableText.sizePt;
  const small: Record<string, string> = ratio < 1 ? { style: `font-size: ${+(ratio * 100).toFixed(2)}%` } : {};
  const caption = t.caption ? [el('caption', 'tableCaption', {}, runNodes(t.caption.runs, ctx.styles.tableCaption.role))] : [];
  return el('div', 'tableWrap', { style: spacing(t, ctx) }, [el('table', 'table', small, [...caption, cols, head, body])]);
}

function image(img: GImage, ctx: BlockContext): El {
  const data = readUserFile(img.path, { shown: img.path, maxBytes: MAX_IMAGE_BYTES }).toString('base64');
  const captionText = img.caption?.runs.map((r) => r.text).join('') ?? '';
  const alt = captionText || img.alt;
  const width = `${+((img.widthPt / ctx.blockWidthPt) * 100).toFixed(2)}%`;
  const children: Child[] = [el('img', 'img', { src: `data:image/${img.format};base64,${data}`, alt, style: `width: ${width}` })];
  // The caption already says what the picture shows; the image's alt repeats it for screen readers only.
  if (img.caption) children.push(el('figcaption', 'imageCaption', {}, runNodes(img.caption.runs, ctx.styles.imageCaption.role)));
  return el('figure', 'figure', { style: spacing(img, ctx) }, children);
}

export function bodyNodes(blocks: readonly GBlock[], ctx: BlockContext): El[] {
  return blocks.map((b) => block(b, ctx));
}

function block(b: GBlock, ctx: BlockContext): El {
  switch (b.kind) {
    case 'paragraph':
      return paragraph(b, ctx);
    case 'list':
      return list(b, ctx);
    case 'table':
      return table(b, ctx);
    case 'image':
      return image(b, ctx);
  }
}
