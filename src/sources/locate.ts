/**
 * The exact line and column of a character the model only knows by its block (or yaml key):
 * the model keeps one position per paragraph, but a clerk must be sent to the character
 * itself. It is looked up in the file's text, from the block's start on; columns count as the
 * other checks count them (UTF-16 units, 1-based).
 */
import path from 'node:path';
import type { SourcePos } from '../model/types.js';
import type { Locate } from '../layout/coverage.js';
import { decodeSource, MAX_SOURCE_BYTES } from './read-text.js';
import { readUserFile } from './user-file.js';

function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at + column - 1;
}

function positionOf(file: string, text: string, offset: number): SourcePos {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { file, line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function nthIndex(text: string, ch: string, from: number, nth: number): number {
  let at = from - 1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(ch, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/**
 * `known` holds texts already read (the Markdown); other files of the series (its
 * yaml) are read on demand, and never a file outside `root`.
 */
export function sourceLocator(root: string, known: ReadonlyArray<{ rel: string; text: string }>): Locate {
  const texts = new Map<string, string | undefined>(known.map((k) => [k.rel, k.text]));
  const textOf = (rel: string): string | undefined => {
    if (!texts.has(rel)) {
      const abs = path.resolve(root, rel);
      const inside = !path.relative(root, abs).startsWith('..') && !path.isAbsolute(path.relative(root, abs));
      let text: string | undefined;
      try {
        text = inside ? decodeSource(readUserFile(abs, { shown: rel, maxBytes: MAX_SOURCE_BYTES })).text : undefined;
      } catch {
        text = undefined;
      }
      texts.set(rel, text);
    }
    return texts.get(rel);
  };
  return ({ at, ch, nth, until, precedes }) => {
    const text = textOf(at.file);
    if (text === undefined) return at;
    const start = offsetOf(text, at.line, at.column ?? 1);
    let i = -1;
    if (precedes) {
      // The text's occurrences are the last `count` before its block: the nth of them.
      const since = precedes.since ? offsetOf(text, precedes.since.line, precedes.since.column ?? 1) : 0;
      i = start;
      for (let k = 0; k < precedes.count - nth && i >= 0; k++) i = i > 0 ? text.lastIndexOf(ch, i - 1) : -1;
      if (i < since) i = -1;
    }
    if (i < 0) {
      const end = until ? offsetOf(text, until.line, until.column ?? 1) : text.length;
      i = nthIndex(text, ch, start, nth);
      if (i >= end) i = -1;
    }
    // Not written as itself where its block is (a character reference): name the block.
    return i < 0 ? at : positionOf(at.file, text, i);
  };
}
