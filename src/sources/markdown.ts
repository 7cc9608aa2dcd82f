/**
 * Splitting a source file into front matter and Markdown, and parsing the Markdown with the
 * one processor every file goes through: remark-parse + GFM (tables) + merged table cells
 * (remark-extended-table) + cjk-friendly (so `**……。**正文` is bold, which plain CommonMark
 * refuses).
 */
import matter from 'gray-matter';
import { loadYaml, type LoadedYaml, type SchemaName } from '../config/yaml-load.js';
import type { Diagnostics } from '../diagnostics.js';
import type { Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { remarkExtendedTable } from 'remark-extended-table';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { tableHeaderMerges } from './table-spans.js';
import { markdownBoundsProblem, treeDepthProblem, type BoundProblem } from './markdown-bounds.js';

// Merged table cells: ^ and || (see table-spans.ts).
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkExtendedTable, { colspanWithEmpty: true }).use(remarkCjkFriendly);

/** Parses Markdown that is already known to be within the bounds (tests, our own output). */
export function parseMarkdown(text: string): Root {
  const tree = processor.parse(text) as Root;
  tableHeaderMerges(tree, text);
  return tree;
}

/**
 * Parses a user's Markdown, or says which bound it breaks (src/sources/markdown-bounds.ts):
 * the shapes that would make micromark take minutes are refused before it sees them, trees too
 * deep for the recursive stages after it. Lines in the problem are the text's plus `lineOffset`.
 */
export function parseMarkdownBounded(text: string, lineOffset = 0): { tree: Root } | { problem: BoundProblem } {
  const before = markdownBoundsProblem(text, lineOffset);
  if (before) return { problem: before };
  const tree = processor.parse(text) as Root;
  const deep = treeDepthProblem(tree, lineOffset);
  if (deep) return { problem: deep };
  tableHeaderMerges(tree, text);
  return { tree };
}

export interface FrontMatterRead<T> {
  /** Whether the file opens with a front-matter line (`---`, or `---word`, which is refused). */
  hasFrontMatter: boolean;
  /** The parsed and validated front matter; undefined when missing or invalid (reported). */
  value: T | undefined;
  /** Line in the file of the value at a key path. */
  lineOf(pathParts: Array<string | number>): number | undefined;
  body: string;
  /** Number of file lines before the body, to map body positions back to the file. */
  bodyLineOffset: number;
}

/** The first YAML line of the front matter: the line after the opening `---`. */
export const FRONT_MATTER_LINE = 2;

// gray-matter would pick an engine from the word after the opening `---`: `---js` evaluates
// JavaScript, `---json` switches parsers. Front matter is YAML and only YAML, read by the same
// loader as bulletin.yaml and issue.yaml (positions, schema, Chinese messages). So every name
// gray-matter knows maps to that one loader, and the opener is checked before gray-matter sees it.
const YAML_NAMES = new Set(['yaml', 'yml']);

/**
 * Splits off and reads the front matter. A `---word` opener other than `---yaml` is an error at
 * line 1; the rest of the file is still split at the closing `---` so that the body's positions
 * stay right and its own problems are reported too.
 */
export function readFrontMatter<T>(text: string, file: string, schema: SchemaName, diags: Diagnostics): FrontMatterRead<T> {
  const firstLine = text.slice(0, (text.indexOf('\n') + 1 || text.length + 1) - 1);
  const opener = /^---(?!-)(.*)$/.exec(firstLine);
  const none: FrontMatterRead<T> = { hasFrontMatter: false, value: undefined, lineOf: () => undefined, body: text, bodyLineOffset: 0 };
  if (!opener) return none;
  const word = opener[1]!.trim();
  let accepted = text;
  let refused = false;
  if (word !== '' && !YAML_NAMES.has(word.toLowerCase())) {
    diags.error(
      'front-matter-language',
      file,
      1,
      4,
      `前言区的第一行只能是 ---，这里写成了“${firstLine.trim()}”。前言区只能用 YAML 格式（如 section: 高校动态），不能写其他语言；请把第一行改成 ---`,
    );
    refused = true;
    accepted = `---${text.slice(firstLine.length)}`;
  }
  let loaded: LoadedYaml<T> | undefined;
  const engine = {
    parse: (yamlText: string): object => {
      loaded = refused ? undefined : loadYaml<T>({ file, text: yamlText.replace(/^\n/, ''), lineOffset: FRONT_MATTER_LINE }, schema, diags);
      return {};
    },
    stringify: (): string => '',
  };
  const split = matter(accepted, {
    language: 'yaml',
    engines: { yaml: engine, yml: engine, json: engine, javascript: engine, js: engine, coffee: engine },
  } as any) as unknown as {
    matter: string;
    content: string;
  };
  // gray-matter skips the engine when the block is empty or only comments; the loader still
  // decides what an empty front matter means (a missing section).
  if (!loaded && !refused)
    loaded = loadYaml<T>({ file, text: split.matter.replace(/^\n/, ''), lineOffset: FRONT_MATTER_LINE }, schema, diags);
  const prefix = accepted.slice(0, accepted.length - split.content.length);
  return {
    hasFrontMatter: true,
    value: loaded?.value,
    lineOf: loaded?.lineOf ?? (() => undefined),
    body: split.content,
    bodyLineOffset: prefix.split('\n').length - 1,
  };
}
