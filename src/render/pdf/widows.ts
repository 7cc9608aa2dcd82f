/**
 * Widows and orphans (the Galley's text.minSplitLines) on pdfmake's pages. A justified
 * paragraph is a stack of one-line nodes (blocks.ts), which pdfmake breaks between any two;
 * after each layout pass it asks pageBreakBefore (document.ts) about every node, and a node
 * answered "yes" starts the next page on the following pass. So a line node learns here,
 * from the pages its paragraph's lines fell on, whether the paragraph must break before it:
 * its first line when too few lines would stay on the page (or the paragraph is too short
 * to leave enough on both sides), the line `minLines` from its end when fewer than
 * `minLines` would open the next page — one line pulled over, as Word and LibreOffice do.
 */
interface LineMark {
  /** The paragraph's lines and the lines kept on each side of a break; the same object for every line of it. */
  paragraph: { lines: number; min: number };
  index: number;
}

/** Line nodes are known by their text arrays, which pdfmake hands back as nodeInfo.text. */
const marks = new WeakMap<object, LineMark>();

/** Marks the line nodes of one paragraph (their `text` arrays, in order). */
export function markParagraphLines(texts: object[], minLines: number): void {
  const paragraph = { lines: texts.length, min: minLines };
  texts.forEach((t, index) => marks.set(t, { paragraph, index }));
}

/** What pdfmake tells pageBreakBefore about a node. */
export interface SplitNodeInfo {
  text?: unknown;
  pageNumbers: number[];
}

function markOf(n: SplitNodeInfo): LineMark | undefined {
  return typeof n.text === 'object' && n.text !== null ? marks.get(n.text) : undefined;
}

/** Whether the node is a line of a paragraph of several lines, the only nodes the split rules move. */
export function isLine(n: SplitNodeInfo): boolean {
  const mark = markOf(n);
  return mark !== undefined && mark.paragraph.lines > 1;
}

/** Lines of the same paragraph among `nodes`. */
function sameParagraph(mark: LineMark, nodes: SplitNodeInfo[]): LineMark[] {
  return nodes.map(markOf).filter((m): m is LineMark => m?.paragraph === mark.paragraph);
}

/**
 * A paragraph whose first `onPage` of `lines` lines fit on a page: must it start on the next?
 * When the page takes all of it, no; when it takes fewer than minLines, yes; when the next
 * page would get fewer than minLines and pulling lines over would leave fewer than minLines
 * behind, yes.
 */
export function firstLineLeaves(lines: number, onPage: number, min: number): boolean {
  if (onPage >= lines) return false;
  return onPage < min || (lines - onPage < min && lines - min < min);
}

/**
 * Whether a line node must start the next page. `following` and `nextPage` are pdfmake's
 * nodes after it on its page and the nodes on the page after; a node at the top of its page
 * never breaks (it would only land on another top).
 */
export function splitBreaksBefore(node: SplitNodeInfo, following: SplitNodeInfo[], nextPage: SplitNodeInfo[], atTop: boolean): boolean {
  const mark = markOf(node);
  if (!mark || atTop) return false;
  const page = node.pageNumbers[0];
  // Lines of the paragraph up to the end of this page.
  const upToPageEnd = mark.index + 1 + sameParagraph(mark, following.filter((n) => n.pageNumbers[0] === page)).length;
  const lines = mark.paragraph.lines;
  if (mark.index === 0) return firstLineLeaves(lines, upToPageEnd, mark.paragraph.min);
  // The line minLines from the end is pulled over when fewer than minLines would open the
  // next page. Lines before it on this page stay: a paragraph that started here with too
  // few of them already moved as a whole at its first line.
  const min = mark.paragraph.min;
  return mark.index === lines - min && upToPageEnd < lines && lines - upToPageEnd < min && sameParagraph(mark, nextPage).length > 0;
}

/**
 * Whether a node stays on its page once the split rules have run: a paragraph's first line
 * that must leave does not. `onPage` are the nodes from it to the end of its page (document.ts
 * asks this for a head that keeps with what follows).
 */
export function staysOnPage(node: SplitNodeInfo, onPage: SplitNodeInfo[]): boolean {
  const mark = markOf(node);
  if (!mark || mark.index !== 0) return true;
  const page = node.pageNumbers[0];
  return !firstLineLeaves(mark.paragraph.lines, sameParagraph(mark, onPage.filter((n) => n.pageNumbers[0] === page)).length, mark.paragraph.min);
}
