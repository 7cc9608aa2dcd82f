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
import { COVERED_ABOVE, COVERED_LEFT, ESCAPE } from './tables.js';

const processor = unified()
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkCjkFriendly)
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true, listItemIndent: 'one' });

export function toMarkdown(blocks: RootContent[]): string {
  const root: Root = { type: 'root', children: blocks };
  return mergedCells(processor.stringify(root).trim());
}

/**
 * The marks of merged table cells (src/import/tables.ts) in the sources' syntax: `| ^ |` for a
 * cell covered from above, `||` for one covered from the left (an empty cell with no space is
 * what the syntax reads as merged), `\^` for text that is only a ^.
 */
function mergedCells(md: string): string {
  return md
    .replace(new RegExp(` ${COVERED_LEFT} \\|`, 'g'), '|')
    .replace(new RegExp(COVERED_ABOVE, 'g'), '^')
    .replace(new RegExp(ESCAPE, 'g'), '\\');
}
