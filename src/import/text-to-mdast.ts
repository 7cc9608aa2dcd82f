/**
 * Plain-text submissions (.txt from Notepad, text pasted from a chat): paragraphs are separated
 * by blank lines when the writer used them; otherwise every line is a paragraph, which is how
 * Notepad text is written. Lines wrapped inside a paragraph join without spaces between Chinese.
 * Two or more consecutive lines with tabs are a table copied out of Word or Excel; a row that
 * starts with empty cells continues the category above (a cell merged down), which is kept
 * merged as for .docx tables.
 */
import type { Paragraph, Root, RootContent, Table } from 'mdast';
import { decodeSource } from '../sources/read-text.js';
import { joinPieces, trimSpaces } from './clean-mdast.js';
import { COVERED_ABOVE } from './tables.js';

export function textToMdast(bytes: Uint8Array): { tree: Root; encoding: string } {
  const { text, encoding } = decodeSource(bytes);
  const lines = text.split('\n');
  const blankSeparated = /\n[ \t\u3000]*\n/.test(text.trim());
  const children: RootContent[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length) children.push(paragraph(joinPieces(current)));
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes('\t') && lines[i + 1]?.includes('\t')) {
      flush();
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.includes('\t')) rows.push(lines[i++]!);
      i--;
      children.push(table(rows));
      continue;
    }
    const line = trimSpaces(lines[i]!, true, true);
    if (!line) {
      flush();
      continue;
    }
    if (!blankSeparated) children.push(paragraph(line));
    else current.push(line);
  }
  flush();
  return { tree: { type: 'root', children }, encoding };
}

function paragraph(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

function table(lines: string[]): Table {
  const rows = lines.map((l) =>
    l
      .replace(/\r$/, '')
      .split('\t')
      .map((c) => c.trim()),
  );
  const width = Math.max(...rows.map((r) => r.length));
  // Leading empty cells under a filled one: that cell was merged down in Word.
  for (let r = 1; r < rows.length; r++) {
    for (let c = 0; c < width - 1 && !rows[r]![c] && rows[r - 1]![c]; c++) rows[r]![c] = COVERED_ABOVE;
  }
  return {
    type: 'table',
    children: rows.map((cells) => ({
      type: 'tableRow',
      children: Array.from({ length: width }, (_, c) => ({
        type: 'tableCell',
        children: cells[c] ? [{ type: 'text', value: cells[c]! }] : [],
      })),
    })),
  };
}
