/**
 * mdast → Markdown text for an item file, with the same CJK-friendly rules the reader uses, so
 * that `**一是……。**正文` is written as such instead of with the character after `**` turned
 * into an entity (what plain CommonMark serialisation does to keep the bold valid).
 */
import type { Root, RootContent } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const processor = unified()
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkCjkFriendly)
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true, listItemIndent: 'one' });

export function toMarkdown(blocks: RootContent[]): string {
  const root: Root = { type: 'root', children: blocks };
  return processor.stringify(root).trim();
}
