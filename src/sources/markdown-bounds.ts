/**
 * Bounds on the shape of Markdown, checked before micromark sees the text and on the tree it
 * makes. micromark (through remark-parse) is quadratic or worse on some shapes well inside the
 * 4 MB size limit: 600 nested list levels take 20 s, 200 KB of `a*a*…` (every `*` a delimiter
 * run) minutes, a few thousand setext underlines (each rewrites the whole event list) a minute;
 * 10,000 `>` or 1,000 `- ` on one line nest so deep that every recursive walk of the tree
 * overflows the stack. No bulletin item comes near any bound (a news item nests lists two or
 * three levels, bolds a few phrases a paragraph), so each is a located error telling the clerk
 * what to change, never a slow or crashing build.
 *
 * The bounds are counts, not a timer: the same file is accepted or refused on every machine
 * (a time limit would make a slow office PC refuse what a fast one builds).
 */
import type { Root } from 'mdast';

export const MARKDOWN_LIMITS = {
  /** Lists and block quotes inside one another. */
  nesting: 20,
  /** Nodes inside one another in the parsed tree (a list level is two: list and item). */
  treeDepth: 100,
  /** Consecutive non-blank lines: one paragraph, table or list without a blank line. */
  blockLines: 1000,
  /** Inline markup (delimiter runs of * _ ~ `, and [ ] < &) in one such block. */
  blockMarks: 1000,
  /** The same over the whole file. */
  fileMarks: 10000,
  /**
   * Lines in the file, blank or not (each costs micromark a fixed, not small, amount of work).
   * Millions of blank lines took minutes; at this bound the worst shapes check in under 2 s of
   * CPU (bench/hostile.mjs), and a long report of 7,200 paragraphs (14,400 lines) still fits.
   */
  fileLines: 20000,
  /** Open lists and quotes summed over the lines (each open container is matched on every line). */
  containerLines: 20000,
  /** Table cells (| separators) in the file. */
  fileCells: 10000,
  /** Lines of only = or - under a text line (setext underlines; each is linear in the file). */
  setext: 200,
  /** Table cells in one line (| separators). */
  rowCells: 200,
} as const;

export interface BoundProblem {
  rule: string;
  /** 1-based, in the file (the text's line plus the offset given). */
  line: number;
  column: number;
  message: string;
}

interface Container {
  kind: 'quote' | 'item';
  /** Item: columns its content is indented by, relative to where its marker's line starts. */
  indent: number;
  /** Where it was opened: line index and character index of its marker, for the message. */
  line: number;
  pos: number;
}

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^(`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
// Delimiter runs count once (micromark makes one event of a run); brackets and < & each.
const MARKS = /([*_~`])\1*|[[\]<&]/g;

/** Columns of whitespace at `pos` (a tab to the next multiple of 4), and where it ends. */
function whitespace(line: string, pos: number, col: number): { pos: number; col: number } {
  while (pos < line.length && (line[pos] === ' ' || line[pos] === '\t')) {
    col = line[pos] === '\t' ? col + 4 - (col % 4) : col + 1;
    pos++;
  }
  return { pos, col };
}

/** Advances `columns` columns of whitespace (a partly used tab counts as used). */
function advance(line: string, pos: number, col: number, columns: number): { pos: number; col: number } {
  const target = col + columns;
  while (col < target && pos < line.length && (line[pos] === ' ' || line[pos] === '\t')) {
    col = line[pos] === '\t' ? col + 4 - (col % 4) : col + 1;
    pos++;
  }
  return { pos, col };
}

/**
 * The first bound the text breaks, or undefined. Follows CommonMark's container rules closely
 * enough to count nesting as micromark will see it (a line's `>` and list markers, and the
 * indentation that keeps earlier list items open), without parsing inline content.
 */
export function markdownBoundsProblem(text: string, lineOffset = 0): BoundProblem | undefined {
  const L = MARKDOWN_LIMITS;
  const lines = text.split('\n');
  let open: Container[] = [];
  let fence: { mark: string; depth: number } | undefined;
  let blockStart = 0;
  let blockLines = 0;
  let blockMarks = 0;
  let fileMarks = 0;
  let setext = 0;
  let containerLines = 0;
  let fileCells = 0;
  let prevParagraph = false;

  if (lines.length > L.fileLines) {
    return {
      rule: 'markdown-file-lines',
      line: lineOffset + L.fileLines + 1,
      column: 1,
      message: `这个文件有 ${lines.length} 行，超过 ${L.fileLines} 行的上限。一期简报的一个稿件通常只有几十行：请把内容拆成几个稿件文件，删去多余的空行，或检查是否放错了文件`,
    };
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const at = (column: number): { line: number; column: number } => ({ line: lineOffset + i + 1, column });
    let pos = 0;
    let col = 0;
    let matched = 0;
    for (const c of open) {
      const ws = whitespace(line, pos, col);
      if (c.kind === 'quote') {
        if (ws.col - col > 3 || line[ws.pos] !== '>') break;
        pos = ws.pos + 1;
        col = ws.col + 1;
        if (line[pos] === ' ' || line[pos] === '\t') ({ pos, col } = advance(line, pos, col, 1));
      } else if (ws.pos < line.length) {
        if (ws.col - col < c.indent) break;
        ({ pos, col } = advance(line, pos, col, c.indent));
      }
      matched++;
    }

    const blank = line.slice(pos).trim() === '';
    const opened: Container[] = [];
    if (fence && matched >= fence.depth) {
      // Code: no containers open inside it; a closing fence ends it.
      const ws = whitespace(line, pos, col);
      const close = FENCE.exec(line.slice(ws.pos));
      if (close && close[1]![0] === fence.mark[0] && close[1]!.length >= fence.mark.length && !line.slice(ws.pos + close[1]!.length).trim())
        fence = undefined;
    } else {
      fence = undefined;
      for (;;) {
        const ws = whitespace(line, pos, col);
        if (ws.col - col > 3 || ws.pos >= line.length) break;
        const rest = line.slice(ws.pos);
        if (rest[0] === '>') {
          opened.push({ kind: 'quote', indent: 0, line: i, pos: ws.pos });
          pos = ws.pos + 1;
          col = ws.col + 1;
          if (line[pos] === ' ' || line[pos] === '\t') ({ pos, col } = advance(line, pos, col, 1));
          continue;
        }
        if (THEMATIC.test(rest.trimEnd())) break;
        const marker = LIST_MARKER.exec(rest);
        if (!marker) break;
        const afterMarker = ws.pos + marker[0].length;
        const sp = whitespace(line, afterMarker, ws.col + marker[0].length);
        const spaces = sp.col - (ws.col + marker[0].length);
        // Five or more spaces after the marker start indented code: the content is one column in.
        const gap = sp.pos >= line.length || spaces > 4 ? 1 : spaces;
        opened.push({ kind: 'item', indent: ws.col - col + marker[0].length + gap, line: i, pos: ws.pos });
        ({ pos, col } = advance(line, afterMarker, ws.col + marker[0].length, gap));
      }
      const inner = line.slice(pos);
      const fenceOpen = FENCE.exec(inner.replace(/^ {0,3}/, ''));
      if (fenceOpen && !(fenceOpen[1]![0] === '`' && inner.slice(inner.indexOf(fenceOpen[1]!) + fenceOpen[1]!.length).includes('`'))) {
        fence = { mark: fenceOpen[1]!, depth: matched + opened.length };
      }
    }

    if (opened.length) open = [...open.slice(0, matched), ...opened];
    else if (blank) open = open.slice(0, matched);
    // A non-blank line that opens nothing and matches fewer containers continues a paragraph
    // lazily when one is open; otherwise the unmatched containers end.
    else if (!prevParagraph) open = open.slice(0, matched);
    if (open.length > L.nesting) {
      const first = open[L.nesting]!;
      return {
        rule: 'markdown-nesting',
        ...at(first.line === i ? first.pos + 1 : 1),
        message: `这一行的列表或引用一层套一层，套了 ${open.length} 层，超过 ${L.nesting} 层的上限（简报的列表通常只有两三层）。请去掉多余的“>”、列表符号或行首缩进`,
      };
    }
    containerLines += open.length;
    if (containerLines > L.containerLines) {
      return {
        rule: 'markdown-nesting',
        ...at(1),
        message: `这个文件里套在列表或引用里的行太多（到这一行，每行的层数加起来超过 ${L.containerLines}）。请减少列表和引用的层数，或把内容拆成几个稿件文件`,
      };
    }

    const inCode = fence !== undefined;
    const empty = line.trim() === '';
    if (empty) {
      blockLines = 0;
      blockMarks = 0;
    } else {
      if (blockLines === 0) blockStart = i;
      blockLines++;
      if (blockLines > L.blockLines) {
        return {
          rule: 'markdown-block-lines',
          line: lineOffset + blockStart + 1,
          column: 1,
          message: `从这一行起连续 ${L.blockLines} 多行没有空行，超过 ${L.blockLines} 行的上限。请在段落、表格、列表之间加空行（一段文字通常只有一两行）`,
        };
      }
    }
    if (!inCode && !empty) {
      let m: RegExpExecArray | null;
      MARKS.lastIndex = 0;
      while ((m = MARKS.exec(line))) {
        blockMarks++;
        fileMarks++;
        if (blockMarks > L.blockMarks) {
          return {
            rule: 'markdown-marks',
            ...at(m.index + 1),
            message: `从第 ${lineOffset + blockStart + 1} 行起的这一段里，* _ ~ \` [ ] < & 这些标记符号到这里已有 ${L.blockMarks} 多个，超过 ${L.blockMarks} 个的上限。可能是复制进来的乱码或符号画：请删去多余的符号（要印出符号本身，在它前面加 \\），或在段落之间加空行`,
          };
        }
        if (fileMarks > L.fileMarks) {
          return {
            rule: 'markdown-marks',
            ...at(m.index + 1),
            message: `这个文件里 * _ ~ \` [ ] < & 这些标记符号到这里已有 ${L.fileMarks} 多个，超过 ${L.fileMarks} 个的上限。请删去多余的符号，或把内容拆成几个稿件文件`,
          };
        }
      }
      if (SETEXT.test(line) && prevParagraph && ++setext > L.setext) {
        return {
          rule: 'markdown-setext',
          ...at(1),
          message: `这个文件里只有“===”或“---”的行到这里已有 ${L.setext} 多行，超过 ${L.setext} 行的上限（文字下面的这种行会把上一行变成标题）。请删去多余的分隔线，标题用 ## 写`,
        };
      }
      const cells = (line.match(/\|/g) ?? []).length;
      fileCells += cells;
      if (cells > L.rowCells) {
        return {
          rule: 'markdown-table-cells',
          ...at(1),
          message: `这一行有 ${cells} 个“|”，超过 ${L.rowCells} 个的上限（表格最多排得下 20 列）。请把表格拆小；要印出“|”本身，在它前面加 \\`,
        };
      }
      if (fileCells > L.fileCells) {
        return {
          rule: 'markdown-table-cells',
          ...at(1),
          message: `这个文件里的表格到这一行已有 ${L.fileCells} 多个“|”，超过 ${L.fileCells} 个的上限。简报里的表格通常只有几十行：请把表格拆小或移到几个稿件文件中`,
        };
      }
    }
    prevParagraph = !inCode && !blank && !SETEXT.test(line.slice(pos));
  }
  return undefined;
}

type AnyNode = { type: string; children?: AnyNode[]; position?: { start: { line: number; column: number } } };

/** The first node nested deeper than the bound, walked without recursion. */
export function treeDepthProblem(tree: Root, lineOffset = 0): BoundProblem | undefined {
  const stack: Array<{ node: AnyNode; depth: number }> = [{ node: tree as AnyNode, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > MARKDOWN_LIMITS.treeDepth) {
      const p = node.position?.start;
      return {
        rule: 'markdown-depth',
        line: lineOffset + (p?.line ?? 1),
        column: p?.column ?? 1,
        message: `这里的格式一层套一层（加粗、斜体、链接、列表或引用），套了 ${MARKDOWN_LIMITS.treeDepth} 层以上，超过上限。可能是复制进来的乱码：请删去多余的 * _ ~ [ ] 或 > 符号`,
      };
    }
    for (const c of node.children ?? []) stack.push({ node: c, depth: depth + 1 });
  }
  return undefined;
}
