/** Loading an issue's Markdown sources: text, front matter and syntax tree, per file. */
import path from 'node:path';
import type { Root } from 'mdast';
import { Diagnostics } from '../diagnostics.js';
import { relPath } from '../paths.js';
import { FRONT_MATTER_LINE, parseMarkdownBounded, readFrontMatter } from './markdown.js';
import { MAX_SOURCE_BYTES, readSourceText, type TextLimit } from './read-text.js';
import { findSourceFiles } from './find.js';

export interface FrontMatter {
  section: string;
  order?: number;
  title?: string;
  subtitle?: string;
  unit?: string | string[];
  /** The date of the submission's sign-off (YYYY-MM-DD), written by `bulletin import`; not printed. */
  date?: string;
  /** Written by `bulletin import`: the submission this item came from (see src/import/import-log.ts). */
  source?: { file: string; sha256: string };
}

export interface SourceFile {
  abs: string;
  /** Relative to the series root, forward slashes. */
  rel: string;
  /** Whole decoded text (LF line ends). */
  text: string;
  /** Markdown body and the number of file lines before it. */
  body: string;
  bodyLineOffset: number;
  /** Undefined when the front matter is missing or invalid (already reported). */
  front?: FrontMatter;
  /** Line of a front-matter key, for messages about its value. */
  frontLine(key: string): number;
  tree: Root;
}

export { MAX_SOURCE_BYTES };

const ITEM_LIMIT: TextLimit = {
  maxBytes: MAX_SOURCE_BYTES,
  what: '稿件文件',
  hint: '一期简报的稿件通常只有几 KB，请检查是否放错了文件，或把内容拆成几期',
};

export function loadSourceFile(abs: string, seriesRoot: string, diags: Diagnostics): SourceFile | undefined {
  const rel = relPath(seriesRoot, abs);
  const text = readSourceText(abs, rel, diags, ITEM_LIMIT);
  if (text === undefined) return undefined;
  const split = readFrontMatter<FrontMatter>(text, rel, 'item', diags);
  if (!split.hasFrontMatter) {
    diags.error(
      'front-matter-missing',
      rel,
      1,
      1,
      '稿件开头缺少前言区。请在第一行写 ---，下一行写 section: 栏目名（如 section: 高校动态），再写一行 ---',
    );
  }
  const front = split.value;
  const frontLine = (key: string): number => split.lineOf([key]) ?? FRONT_MATTER_LINE;
  const parsed = parseMarkdownBounded(split.body, split.bodyLineOffset);
  if ('problem' in parsed) {
    const p = parsed.problem;
    diags.error(p.rule, rel, p.line, p.column, p.message);
    return undefined;
  }
  return {
    abs,
    rel,
    text,
    body: split.body,
    bodyLineOffset: split.bodyLineOffset,
    front,
    frontLine,
    tree: parsed.tree,
  };
}

/** How one source file is loaded; a long-running caller (the preview) passes one that caches. */
export type SourceLoader = (abs: string, seriesRoot: string, diags: Diagnostics) => SourceFile | undefined;

export function loadIssueSources(
  issueDir: string,
  seriesRoot: string,
  diags: Diagnostics,
  load: SourceLoader = loadSourceFile,
): SourceFile[] {
  return findSourceFiles(issueDir)
    .map((f) => load(f, seriesRoot, diags))
    .filter((s): s is SourceFile => s !== undefined);
}

export function sourceBaseName(s: SourceFile): string {
  return path.basename(s.abs);
}
