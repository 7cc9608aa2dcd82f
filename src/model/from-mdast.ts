/**
 * Markdown syntax tree → model blocks and runs. Everything the layout does not support is
 * either printed plainly or reported; nothing is dropped without a word.
 */
import type { BlockContent, Content, Heading as MdHeading, List, Paragraph as MdParagraph, PhrasingContent, Table as MdTable } from 'mdast';
import { Diagnostics } from '../diagnostics.js';
import { probeImage } from '../sources/image-info.js';
import type { SpanCell } from '../sources/table-spans.js';
import type { Block, HeadingLevel, ImageBlock, Run, SourcePos, Table, TableCell, TableSpan } from './types.js';

export interface ConvertContext {
  /** File path relative to the series root, for messages. */
  file: string;
  /** Absolute path of the Markdown file, for image paths. */
  absFile: string;
  seriesRoot: string;
  /** Lines before the Markdown body in the file (front matter). */
  lineOffset: number;
  /** Markdown heading depth that maps to level 1 (一、) when a heading has no number. */
  level1Depth: number;
  diags: Diagnostics;
}

export function posOf(node: { position?: { start: { line: number; column: number } } }, ctx: ConvertContext): SourcePos {
  return {
    file: ctx.file,
    line: (node.position?.start.line ?? 1) + ctx.lineOffset,
    column: node.position?.start.column ?? 1,
  };
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F\u{20000}-\u{3FFFF}]/u;

/** Soft line breaks between CJK characters vanish; between Latin words they become a space. */
function joinSoftBreaks(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, (_m, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + _m.length] ?? '';
    return CJK.test(before) || CJK.test(after) ? '' : ' ';
  });
}

/**
 * Text pasted from web pages and Word carries invisible format characters (zero-width spaces,
 * byte-order marks, soft hyphens) that no font draws; they are dropped, and no-break and
 * odd-width spaces become plain spaces, rather than stopping the build as missing glyphs.
 */
export function cleanInvisible(text: string): string {
  return text.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').replace(/[\u00a0\u2000-\u200a\u202f\u205f\t]/g, ' ');
}

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  link?: string;
  script?: 'super' | 'sub';
}

export function phrasingToRuns(nodes: PhrasingContent[], ctx: ConvertContext, style: RunStyle = {}, images?: ImageBlock[]): Run[] {
  const runs: Run[] = [];
  const push = (text: string, s: RunStyle): void => {
    if (!text) return;
    const run: Run = { text };
    if (s.bold) run.bold = true;
    if (s.italic) run.italic = true;
    if (s.link) run.link = s.link;
    if (s.script) run.script = s.script;
    runs.push(run);
  };
  // <sup>…</sup> and <sub>…</sub>, the HTML every Markdown reader knows, are the sources'
  // superscript and subscript (100m<sup>2</sup>, H<sub>2</sub>O); import writes them so.
  let script: RunStyle['script'];
  const styled = (s: RunStyle): RunStyle => (script ? { ...s, script } : s);
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        push(cleanInvisible(joinSoftBreaks(n.value)), styled(style));
        break;
      case 'strong':
        runs.push(...phrasingToRuns(n.children, ctx, { ...styled(style), bold: true }, images));
        break;
      case 'emphasis':
        runs.push(...phrasingToRuns(n.children, ctx, { ...styled(style), italic: true }, images));
        break;
      case 'delete':
        warnUnsupported(n, ctx, '删除线', '已按普通文字排出');
        runs.push(...phrasingToRuns(n.children, ctx, style, images));
        break;
      case 'inlineCode':
        push(n.value, styled(style));
        break;
      case 'break':
        push('\n', style);
        break;
      case 'link':
        runs.push(...phrasingToRuns(n.children, ctx, { ...styled(style), link: n.url }, images));
        break;
      case 'linkReference':
        runs.push(...phrasingToRuns(n.children, ctx, style, images));
        break;
      case 'image':
      case 'imageReference': {
        const img = n.type === 'image' ? imageBlock(n.url, n.alt ?? '', n.title ?? undefined, n, ctx) : undefined;
        if (n.type === 'imageReference') warnUnsupported(n, ctx, '引用式图片', '请改写成 ![说明](图片路径)');
        if (img && images) images.push(img);
        else if (img) warnUnsupported(n, ctx, '此处的图片', '图片请单独成段');
        break;
      }
      case 'html': {
        if (isComment(n.value)) break;
        const tag = SCRIPT_TAG.exec(n.value.trim());
        if (tag) {
          script = tag[1] ? undefined : tag[2]!.toLowerCase() === 'sup' ? 'super' : 'sub';
          break;
        }
        warnUnsupported(n, ctx, 'HTML 标记', '已按原文字排出；请改用 Markdown 写法');
        push(n.value.replace(/<[^>]*>/g, ''), style);
        break;
      }
      case 'footnoteReference':
        warnUnsupported(n, ctx, '脚注', '已排成上标编号；简报一般不用脚注，建议改为括号注释');
        push(n.label ?? n.identifier, { ...style, script: 'super' });
        break;
      default:
        warnUnsupported(n, ctx, `“${(n as { type: string }).type}”`, '已略过其格式');
        if ('value' in n && typeof (n as { value: unknown }).value === 'string') push((n as { value: string }).value, style);
    }
  }
  return mergeRuns(runs);
}

/** An opening or closing <sup> or <sub> tag alone (group 1: the slash of a closing one). */
const SCRIPT_TAG = /^<(\/)?(sup|sub)>$/i;

/** Adjacent runs of the same look become one, so renderers and tests see whole phrases. */
export function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (
      last &&
      last.bold === r.bold &&
      last.italic === r.italic &&
      last.font === r.font &&
      last.link === r.link &&
      last.script === r.script
    ) {
      last.text += r.text;
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

function warnUnsupported(node: { position?: any }, ctx: ConvertContext, what: string, action: string): void {
  const p = posOf(node, ctx);
  ctx.diags.warn('markdown-unsupported', ctx.file, p.line, p.column, `简报版式不支持${what}，${action}`);
}

function imageBlock(
  url: string,
  alt: string,
  title: string | undefined,
  node: { position?: any },
  ctx: ConvertContext,
): ImageBlock | undefined {
  const p = posOf(node, ctx);
  const probe = probeImage(url, ctx.absFile, ctx.seriesRoot);
  if (!probe.ok) {
    ctx.diags.error('image', ctx.file, p.line, p.column, probe.message);
    return undefined;
  }
  const caption = (title ?? alt).trim() || undefined;
  return { type: 'image', path: probe.path, format: probe.format, widthPx: probe.widthPx, heightPx: probe.heightPx, alt, caption, at: p };
}

/** Numbering prefixes of official headings: 一、 （一） 1. （1）. */
const LEVEL_PREFIX: Array<[HeadingLevel, RegExp]> = [
  [1, /^[一二三四五六七八九十]+、/],
  [2, /^[（(][一二三四五六七八九十]+[）)]/],
  [3, /^\d+[.．](?!\d)/],
  [4, /^[（(]\d+[）)]/],
];

const NUMBER_THEN_SPACE = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．])[\s\u3000]+/;

export function levelFromNumbering(text: string): HeadingLevel | undefined {
  for (const [level, re] of LEVEL_PREFIX) if (re.test(text)) return level;
  return undefined;
}

export function isComment(html: string): boolean {
  return /^\s*<!--[\s\S]*?-->\s*$/.test(html);
}

/** True when a tree holds nothing but whitespace and comments: an untouched stub. */
export function isBlankTree(nodes: Content[]): boolean {
  return nodes.every((n) => n.type === 'html' && isComment(n.value));
}

export function blocksFromMdast(nodes: Content[], ctx: ConvertContext): Block[] {
  const out: Block[] = [];
  for (const n of nodes) out.push(...blockFrom(n, ctx));
  return out;
}

function blockFrom(n: Content, ctx: ConvertContext): Block[] {
  switch (n.type) {
    case 'paragraph':
      return paragraphBlocks(n, ctx);
    case 'heading':
      return [headingBlock(n, ctx)];
    case 'table':
      return [tableBlock(n, ctx)];
    case 'list':
      return [listBlock(n, ctx)];
    case 'blockquote': {
      const inner = blocksFromMdast(n.children as Content[], ctx);
      for (const b of inner) if (b.type === 'paragraph') b.font = 'kai';
      return inner;
    }
    case 'code':
      warnUnsupported(n, ctx, '代码块', '已按普通文字逐行排出');
      return n.value.split('\n').map((line) => ({ type: 'paragraph', runs: [{ text: line }], indent: false, at: posOf(n, ctx) }));
    case 'thematicBreak':
      warnUnsupported(n, ctx, '分隔线（---）', '已略去；如需分条，请用 ## 标题');
      return [];
    case 'html':
      // Comments are the editors' own notes (the stubs of `bulletin new` carry guidance in them).
      if (isComment(n.value)) return [];
      warnUnsupported(n, ctx, 'HTML 标记', '已按原文字排出；请改用 Markdown 写法');
      {
        const text = n.value.replace(/<[^>]*>/g, '').trim();
        return text ? [{ type: 'paragraph', runs: [{ text }], indent: true, at: posOf(n, ctx) }] : [];
      }
    case 'footnoteDefinition': {
      warnUnsupported(n, ctx, '脚注', '脚注内容已排在文末，前加“注：”');
      const inner = blocksFromMdast(n.children as Content[], ctx);
      const first = inner[0];
      if (first?.type === 'paragraph') first.runs.unshift({ text: `注${n.label ?? n.identifier}：` });
      return inner;
    }
    case 'definition':
      return [];
    default:
      warnUnsupported(n, ctx, `“${n.type}”`, '已略去');
      return [];
  }
}

function paragraphBlocks(n: MdParagraph, ctx: ConvertContext): Block[] {
  const images: ImageBlock[] = [];
  const runs = phrasingToRuns(n.children, ctx, {}, images);
  const at = posOf(n, ctx);
  const blocks: Block[] = [];
  if (runsText(runs).trim()) {
    applyRunInHeading(runs);
    blocks.push({ type: 'paragraph', runs: trimRuns(runs), indent: true, at });
  }
  blocks.push(...images);
  return blocks;
}

/**
 * `**一、围绕重点任务，协同推进。**一是……`: a bold opening that carries a heading number is a
 * run-in heading and takes that level's font (一、 黑体, （一） 楷体). The heading is its first
 * sentence: a lead that the same bold run goes on with (`**一、……。一是……。**`) is split off
 * and stays a bold run of the paragraph's own font.
 */
function applyRunInHeading(runs: Run[]): void {
  const first = runs[0];
  if (!first?.bold) return;
  const level = levelFromNumbering(first.text);
  if (level !== 1 && level !== 2) return;
  const end = HEADING_SENTENCE_END.exec(first.text);
  if (end && end.index + end[0].length < first.text.length) {
    runs.splice(1, 0, { ...first, text: first.text.slice(end.index + end[0].length) });
    first.text = first.text.slice(0, end.index + end[0].length);
  }
  if (level === 1) first.font = 'hei';
  if (level === 2) {
    first.font = 'kai';
    delete first.bold;
  }
}

/** The end of a run-in heading's sentence, closing quotes or brackets included. */
const HEADING_SENTENCE_END = /[。？！][”’）》]*/;

export function trimRuns(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length && !out[0]!.text.trim()) out.shift();
  while (out.length && !out[out.length - 1]!.text.trim()) out.pop();
  if (out.length) {
    out[0]!.text = out[0]!.text.replace(/^[\s\u3000]+/, '');
    out[out.length - 1]!.text = out[out.length - 1]!.text.replace(/\s+$/, '');
  }
  return out;
}

function headingBlock(n: MdHeading, ctx: ConvertContext): Block {
  const runs = trimRuns(phrasingToRuns(n.children, ctx));
  // A heading's look comes from its level, not from bold marks inside it.
  for (const r of runs) delete r.bold;
  // Official numbering is set close: 1.一校一策, （1）打造……, not 1. 一校一策.
  if (runs[0]) runs[0].text = runs[0].text.replace(NUMBER_THEN_SPACE, '$1');
  const text = runsText(runs);
  let level = levelFromNumbering(text);
  if (!level) {
    const byDepth = n.depth - ctx.level1Depth + 1;
    if (byDepth > 4) {
      const p = posOf(n, ctx);
      ctx.diags.warn('heading-too-deep', ctx.file, p.line, p.column, `标题层级过深（公文标题最多四级：一、（一）1.（1）），已按第四级排出`);
    }
    level = Math.min(4, Math.max(1, byDepth)) as HeadingLevel;
  }
  return { type: 'heading', level, runs: mergeRuns(runs), at: posOf(n, ctx) };
}

/**
 * A Markdown table → a full grid of cells. A merged cell (colspan / rowspan from the table
 * syntax, src/sources/table-spans.ts) takes the first grid cell of its area and becomes a span;
 * the grid cells it covers are empty.
 */
function tableBlock(n: MdTable, ctx: ConvertContext): Block {
  const grid: Array<Array<TableCell | undefined>> = n.children.map(() => []);
  const spans: TableSpan[] = [];
  n.children.forEach((row, r) => {
    let c = 0;
    for (const cell of row.children as SpanCell[]) {
      while (grid[r]![c]) c++;
      const cols = Math.max(1, cell.colspan ?? 1);
      const rows = Math.max(1, Math.min(cell.rowspan ?? 1, n.children.length - r));
      for (let dr = 0; dr < rows; dr++) for (let dc = 0; dc < cols; dc++) grid[r + dr]![c + dc] = { runs: [] };
      grid[r]![c] = { runs: trimRuns(phrasingToRuns(cell.children, ctx)) };
      if (rows > 1 || cols > 1) spans.push({ row: r, col: c, rows, cols });
      c += cols;
    }
  });
  const width = Math.max(n.align?.length ?? 0, ...grid.map((g) => g.length));
  const full = grid.map((g) => Array.from({ length: width }, (_, i) => g[i] ?? { runs: [] }));
  const [header = [], ...body] = full;
  const table: Table = {
    type: 'table',
    align: Array.from({ length: width }, (_, i) => n.align?.[i] ?? null),
    header,
    rows: body,
    at: posOf(n, ctx),
  };
  if (spans.length) table.spans = spans;
  return table;
}

function listBlock(n: List, ctx: ConvertContext): Block {
  return {
    type: 'list',
    ordered: n.ordered ?? false,
    start: n.start ?? 1,
    items: n.children.map((item) => {
      const blocks = blocksFromMdast(item.children as BlockContent[] as Content[], ctx);
      // List text is not indented like body paragraphs: the marker does that job.
      for (const b of blocks) if (b.type === 'paragraph') b.indent = false;
      return blocks;
    }),
    at: posOf(n, ctx),
  };
}
