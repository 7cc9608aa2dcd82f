/**
 * Issues made to break pages in a chosen place: 第9期's masthead and end block with one
 * article of plain paragraphs of a given number of lines. Each paragraph repeats one hanzi of
 * its own (no punctuation, so nothing moves a line break), so a printed line tells which
 * paragraph it belongs to.
 */
import { SPEC_BODY_INDENT_CHARS, SPEC_GRID } from './official-spec.js';
import type { Issue } from '../../src/model/types.js';

const FILLERS = Array.from('甲乙丙丁戊己庚辛壬癸');

/** Characters of a paragraph that takes `lines` lines: an indented first line, full lines, a short last one. */
function paragraphText(lines: number, ch: string): string {
  const first = SPEC_GRID.chars - SPEC_BODY_INDENT_CHARS;
  const n = lines === 1 ? 10 : first + SPEC_GRID.chars * (lines - 2) + 10;
  return ch.repeat(n);
}

export function pagedIssue(base: Issue, lineCounts: number[], onEvenPage = false): Issue {
  const blocks = lineCounts.map((n, i) => ({ type: 'paragraph' as const, runs: [{ text: paragraphText(n, FILLERS[i]!) }], indent: true }));
  const article = { kind: 'article' as const, title: '分页', blocks, units: [], at: { file: 'x.md', line: 1 } };
  return {
    ...base,
    note: undefined,
    sections: [{ name: '经验交流', heading: '【经验交流】', kind: 'articles', entries: [article] }],
    endBlock: { ...base.endBlock, onEvenPage },
  };
}

/**
 * Lines of each paragraph on each page: counts[page][paragraph], from printed line texts
 * (pages in order, lines top to bottom, spaces removed).
 */
export function linesPerPage(pages: string[][], paragraphs: number): number[][] {
  return pages.map((lines) => {
    const counts = new Array<number>(paragraphs).fill(0);
    for (const l of lines) {
      const i = FILLERS.indexOf(l[0] ?? '');
      if (i >= 0 && i < paragraphs && Array.from(l).every((c) => c === l[0])) counts[i]!++;
    }
    return counts;
  });
}
