/** Loading an issue's Markdown sources: text, front matter and syntax tree, per file. */
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { Diagnostics } from '../diagnostics.js';
import { relPath } from '../paths.js';
import { FRONT_MATTER_LINE, parseMarkdown, readFrontMatter } from './markdown.js';
import { readSourceText } from './read-text.js';
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

/**
 * A bulletin item is a few kilobytes; 1 MB of text already makes ~600 pages. Beyond this the
 * file is almost certainly not meant as an item (a pasted export, a log) and would only make
 * the build slow and large.
 */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export function loadSourceFile(abs: string, seriesRoot: string, diags: Diagnostics): SourceFile | undefined {
  const rel = relPath(seriesRoot, abs);
  const size = fs.statSync(abs).size;
  if (size > MAX_SOURCE_BYTES) {
    diags.error('source-too-large', rel, 1, 1, `稿件文件有 ${(size / 1048576).toFixed(1)} MB，超过 ${MAX_SOURCE_BYTES / 1048576} MB 的上限。一期简报的稿件通常只有几 KB，请检查是否放错了文件，或把内容拆成几期`);
    return undefined;
  }
  const text = readSourceText(abs, rel, diags);
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
  return {
    abs,
    rel,
    text,
    body: split.body,
    bodyLineOffset: split.bodyLineOffset,
    front,
    frontLine,
    tree: parseMarkdown(split.body),
  };
}

/** How one source file is loaded; a long-running caller (the preview) passes one that caches. */
export type SourceLoader = (abs: string, seriesRoot: string, diags: Diagnostics) => SourceFile | undefined;

export function loadIssueSources(issueDir: string, seriesRoot: string, diags: Diagnostics, load: SourceLoader = loadSourceFile): SourceFile[] {
  return findSourceFiles(issueDir)
    .map((f) => load(f, seriesRoot, diags))
    .filter((s): s is SourceFile => s !== undefined);
}

export function sourceBaseName(s: SourceFile): string {
  return path.basename(s.abs);
}
