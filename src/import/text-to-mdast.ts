/**
 * Plain-text submissions (.txt from Notepad, text pasted from a chat): paragraphs are separated
 * by blank lines when the writer used them; otherwise every line is a paragraph, which is how
 * Notepad text is written. Lines wrapped inside a paragraph join without spaces between Chinese.
 */
import type { Paragraph, Root } from 'mdast';
import { decodeSource } from '../sources/read-text.js';
import { joinLine } from './clean-mdast.js';

export function textToMdast(bytes: Uint8Array): { tree: Root; encoding: string } {
  const { text, encoding } = decodeSource(bytes);
  const lines = text.split('\n');
  const blankSeparated = /\n[ \t\u3000]*\n/.test(text.trim());
  const paragraphs: string[] = [];
  let current: string | undefined;
  for (const raw of lines) {
    const line = raw.replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, '');
    if (!line) {
      if (current !== undefined) paragraphs.push(current);
      current = undefined;
      continue;
    }
    if (!blankSeparated) paragraphs.push(line);
    else current = current === undefined ? line : joinLine(current, line);
  }
  if (current !== undefined) paragraphs.push(current);
  const children: Paragraph[] = paragraphs.map((p) => ({ type: 'paragraph', children: [{ type: 'text', value: p }] }));
  return { tree: { type: 'root', children }, encoding };
}
