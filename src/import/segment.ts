/**
 * Finding the structure of a submission: either several news items (each a heading, a bold
 * line, or a bold run-in lead followed by text) or one article (a title, a ——subtitle, and
 * body text whose headings are typed as 一、（一）1.（1）). Works on the top-level blocks of
 * the cleaned mdast; what it cannot place is kept in the text rather than dropped.
 */
import type { Heading, Paragraph, PhrasingContent, RootContent, Root } from 'mdast';
import { joinLine, plain } from './clean-mdast.js';

export interface NewsItem {
  title: string;
  body: RootContent[];
}

/** A block of the source that is not in the item file, and why (for import's report). */
export interface Dropped {
  block: RootContent;
  /** What was left out when it is only part of the block. */
  part?: string;
  reason: string;
}

export type Segmented =
  | { kind: 'news'; header: string[]; items: NewsItem[]; dropped: Dropped[] }
  | { kind: 'article'; header: string[]; title?: string; subtitle?: string; byline?: string; body: RootContent[]; dropped: Dropped[] };

const NUMBERING: Array<{ re: RegExp; depth: 2 | 3 | 4 | 5 }> = [
  { re: /^[一二三四五六七八九十]{1,3}、/, depth: 2 },
  { re: /^[（(][一二三四五六七八九十]{1,3}[）)]/, depth: 3 },
  { re: /^\d{1,2}[.．、](?!\d)/, depth: 4 },
  { re: /^[（(]\d{1,2}[）)]/, depth: 5 },
];
/** 一是、二是… and the like start points inside an item, never a new item. */
const INNER_LEAD = /^([一二三四五六七八九十]+是|首先|其次|再次|最后|同时|此外|另外)/;
const SUBTITLE = /^(——|—|--|－－)\s*\S/;
const SENTENCE_END = /[。！？；]$/;
/** A line naming the writing body (赣州市教育局, 某某大学教务处), not a date or a heading. */
const BYLINE = /^[^，、：,:\d]+(大学|学院|学校|幼专|教育局|教育厅|教体局|教科体局|人民政府|办公室|处|部|委员会)$/;

const text = (b: RootContent): string => plain(b).trim();

function isWholeBold(b: RootContent): boolean {
  return (
    b.type === 'paragraph' &&
    b.children.length > 0 &&
    b.children.every((c) => c.type === 'strong' || (c.type === 'text' && !c.value.trim()))
  );
}

function runInLead(b: RootContent): { lead: string; rest: PhrasingContent[] } | undefined {
  if (b.type !== 'paragraph' || isWholeBold(b)) return undefined;
  const first = b.children[0];
  if (first?.type !== 'strong') return undefined;
  const lead = plain(first).trim();
  if (lead.length < 6 || INNER_LEAD.test(lead) || NUMBERING.some((n) => n.re.test(lead))) return undefined;
  return { lead, rest: b.children.slice(1) };
}

/** A short line with no sentence in it: a title, a heading, a byline. */
function isShortLine(b: RootContent, max = 40): boolean {
  if (b.type !== 'paragraph' && b.type !== 'heading') return false;
  const t = text(b);
  return t.length > 0 && t.length <= max && !/[。！？]./.test(t) && !SENTENCE_END.test(t);
}

function isItemStart(b: RootContent): boolean {
  if (b.type === 'heading') return true;
  if (isWholeBold(b)) return text(b).length <= 80 && !INNER_LEAD.test(text(b));
  return runInLead(b) !== undefined;
}

const stripEnd = (t: string): string => t.replace(/[。．.：:]+$/, '').trim();

export function segment(tree: Root, want: 'news' | 'article' | 'auto'): Segmented {
  const blocks = tree.children;
  const subtitleAt = blocks.slice(0, 4).findIndex((b) => b.type === 'paragraph' && SUBTITLE.test(text(b)));
  if (want === 'article' || (want === 'auto' && subtitleAt > 0)) return article(blocks, subtitleAt);
  return news(blocks);
}

function news(blocks: RootContent[]): Segmented {
  const firstStart = blocks.findIndex(isItemStart);
  const header: string[] = [];
  const headerBlocks: RootContent[] = [];
  let i = 0;
  const take = (): void => {
    headerBlocks.push(blocks[i]!);
    header.push(text(blocks[i++]!));
  };
  // Lines above the first item: the document's own title ("赣南师大协同提质工作动态"), a byline.
  // A heading or bold line directly followed by another start is such a title too.
  while (i < blocks.length && (i < firstStart || firstStart < 0) && isShortLine(blocks[i]!)) take();
  if (i < blocks.length - 1 && (blocks[i]!.type === 'heading' || isWholeBold(blocks[i]!)) && isItemStart(blocks[i + 1]!)) take();
  const items: NewsItem[] = [];
  const preface: RootContent[] = [];
  for (; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (isItemStart(b)) {
      const lead = runInLead(b);
      // The title keeps its closing 。 as typed: the lead prints with one either way.
      if (lead) {
        const rest: Paragraph = { type: 'paragraph', children: trimStart(lead.rest) };
        items.push({ title: lead.lead, body: rest.children.length ? [rest] : [] });
      } else {
        items.push({ title: text(b), body: [] });
      }
      continue;
    }
    const current = items[items.length - 1];
    if (current) current.body.push(b);
    else preface.push(b);
  }
  const titleLine = (b: RootContent): Dropped => ({ block: b, reason: '文档的标题行，没有印出（每条动态有自己的标题）' });
  if (!items.length) {
    // One item with no marked title: the document's title line names it.
    const title = header.length ? header[header.length - 1]! : '';
    return {
      kind: 'news',
      header: header.slice(0, -1),
      items: [{ title, body: preface }],
      dropped: headerBlocks.slice(0, -1).map(titleLine),
    };
  }
  items[0]!.body.unshift(...preface);
  return { kind: 'news', header, items, dropped: headerBlocks.map(titleLine) };
}

function trimStart(children: PhrasingContent[]): PhrasingContent[] {
  const out = [...children];
  const first = out[0];
  if (first?.type === 'text') {
    const v = first.value.replace(/^[\s\u3000]+/, '');
    if (v) out[0] = { ...first, value: v };
    else out.shift();
  }
  return out;
}

function article(blocks: RootContent[], subtitleAt: number): Segmented {
  let i = 0;
  const header: string[] = [];
  let title: string | undefined;
  let subtitle: string | undefined;
  const dropped: Dropped[] = [];
  if (subtitleAt > 0) {
    // Long titles are often typed as two centred lines.
    title = blocks
      .slice(0, subtitleAt)
      .map(text)
      .reduce((a, b) => joinLine(a, b));
    subtitle = text(blocks[subtitleAt]!).replace(/^(—|-|－)+\s*/, '——');
    i = subtitleAt + 1;
  } else if (
    blocks[0] &&
    (isShortLine(blocks[0]) || ((blocks[0].type === 'heading' || isWholeBold(blocks[0])) && text(blocks[0]).length <= 40))
  ) {
    const line = text(blocks[0]);
    title = stripEnd(line);
    if (title !== line) dropped.push({ block: blocks[0], part: line.slice(title.length).trim(), reason: '标题末尾的标点，已去掉' });
    i = 1;
  }
  let byline: string | undefined;
  // A byline under the subtitle (赣州市教育局) names the unit; it is printed as （…供稿）.
  if (blocks[i] && isShortLine(blocks[i]!, 20) && BYLINE.test(text(blocks[i]!))) {
    byline = text(blocks[i]!);
    dropped.push({ block: blocks[i]!, reason: '标题下的署名，没有印出（供稿单位按前言区 unit 印成“（……供稿）”）' });
    i++;
  }
  const body = blocks.slice(i).map(articleBlock);
  const minDepth = Math.min(
    7,
    ...blocks
      .slice(i)
      .filter((b): b is Heading => b.type === 'heading')
      .map((b) => b.depth),
  );
  for (const b of body) {
    if (b.type === 'heading' && !NUMBERING.some((n) => n.re.test(text(b))))
      b.depth = Math.min(5, b.depth - minDepth + 2) as Heading['depth'];
  }
  return { kind: 'article', header, title, subtitle, byline, body, dropped };
}

/** Typed numbering decides the heading level; a numbered sentence with text after it stays a run-in paragraph. */
function articleBlock(b: RootContent): RootContent {
  if (b.type !== 'paragraph' && b.type !== 'heading') return b;
  const t = text(b);
  const level = NUMBERING.find((n) => n.re.test(t));
  if (!level) return b;
  if (isShortLine(b) || (b.type === 'paragraph' && isWholeBold(b) && t.length <= 60)) {
    const children =
      b.type === 'paragraph' && isWholeBold(b)
        ? (b.children as PhrasingContent[]).flatMap((c) => (c.type === 'strong' ? c.children : [c]))
        : b.children;
    return { type: 'heading', depth: level.depth, children };
  }
  if (b.type === 'paragraph' && b.children[0]?.type === 'text') {
    // 一、……。正文: the clerk's run-in heading, printed bold as in the sample articles.
    const first = b.children[0];
    const end = first.value.indexOf('。');
    if (end > 0 && end <= 40) {
      return {
        type: 'paragraph',
        children: [
          { type: 'strong', children: [{ type: 'text', value: first.value.slice(0, end + 1) }] },
          ...(first.value.length > end + 1 ? [{ type: 'text' as const, value: first.value.slice(end + 1) }] : []),
          ...b.children.slice(1),
        ],
      };
    }
  }
  return b;
}
