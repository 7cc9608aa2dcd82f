/**
 * Splitting a source file into front matter and Markdown, and parsing the Markdown with the
 * one processor every file goes through: remark-parse + GFM (tables) + cjk-friendly (so
 * `**……。**正文` is bold, which plain CommonMark refuses).
 */
import matter from 'gray-matter';
import type { Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly);

export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

export interface SplitSource {
  /** Raw YAML between the --- lines ('' when there is none). */
  frontMatter: string;
  /** 1-based line of the front matter's first YAML line in the file. */
  frontMatterLine: number;
  hasFrontMatter: boolean;
  body: string;
  /** Number of file lines before the body, to map body positions back to the file. */
  bodyLineOffset: number;
}

// gray-matter parses YAML itself with js-yaml; we give it a no-op engine and parse the raw
// text with `yaml` instead, so that front matter errors carry the same positions and messages
// as bulletin.yaml and issue.yaml.
const noEngine = { yaml: { parse: () => ({}), stringify: () => '' } };

export function splitFrontMatter(text: string): SplitSource {
  const file = matter(text, { engines: noEngine as any });
  const hasFrontMatter = /^---[ \t]*\n/.test(text);
  const prefix = text.slice(0, text.length - file.content.length);
  const bodyLineOffset = prefix.split('\n').length - 1;
  return {
    frontMatter: hasFrontMatter ? (file as unknown as { matter: string }).matter.replace(/^\n/, '') : '',
    frontMatterLine: 2,
    hasFrontMatter,
    body: file.content,
    bodyLineOffset,
  };
}
