/**
 * Which characters of an item's body are prose — text a reader reads as Chinese or English —
 * taken from the Markdown syntax tree's positions instead of guessed from raw lines. Code
 * (fenced, indented, inline spans over several lines, inline <code>), HTML, URLs (autolinks,
 * link targets, reference definitions, bare addresses), and footnote labels are literal: the
 * punctuation rules neither judge nor change them, since a comma in a URL or in code changes
 * what it means. Markup (emphasis marks, brackets, list and heading marks) stays in the line
 * as context (a comma before ** is still judged) but is never changed either.
 */
import type { Root } from 'mdast';
import type { SourceFile } from '../sources/load.js';
import type { TextLine } from './text-rules.js';

/** Markup: kept as context, never judged. */
const MARKUP = 0;
/** Prose: judged and fixed. */
const PROSE = 1;
/** Literal (code, URL, HTML): blanked out of the line. */
const LITERAL = 2;

const NOT_URL = '\\s\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’<>';
/**
 * Addresses written in the text (GFM autolinks are in the tree already): with a scheme, www.,
 * a domain with a path, or e-mail. A path may hold Chinese (/新闻/通知) and , ; ? ! ( ); it
 * ends at a space or at full-width punctuation, which no address holds.
 */
export const URL_IN_TEXT = new RegExp(
  [
    `\\b(?:https?|ftp):\\/\\/[^${NOT_URL}]+`,
    `\\bwww\\.[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*[^${NOT_URL}]*`,
    `\\b[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?::\\d+)?\\/[^${NOT_URL}]*`,
    `[\\w.+-]+@[\\w-]+\\.[\\w.]+`,
  ].join('|'),
  'g',
);

/** Inline HTML elements whose content is code, not prose. */
const CODE_OPEN = /^<(code|kbd|samp|tt|var|pre)(?:\s[^>]*)?>$/i;
const CODE_CLOSE = /^<\/(code|kbd|samp|tt|var|pre)\s*>$/i;

interface Pos {
  start: { offset?: number };
  end: { offset?: number };
}
interface AnyNode {
  type: string;
  url?: string;
  value?: string;
  referenceType?: string;
  position?: Pos;
  children?: AnyNode[];
}

const startOf = (n: AnyNode): number | undefined => n.position?.start.offset;
const endOf = (n: AnyNode): number | undefined => n.position?.end.offset;

/** The kind of every UTF-16 unit of `body`, from the tree parsed from it. */
export function proseMask(body: string, tree: Root): Uint8Array {
  const mask = new Uint8Array(body.length).fill(MARKUP);
  const set = (from: number | undefined, to: number | undefined, kind: number): void => {
    if (from === undefined || to === undefined) return;
    for (let i = Math.max(0, from); i < Math.min(to, body.length); i++) {
      // Literal wins over everything; prose over markup.
      if (kind > mask[i]!) mask[i] = kind;
    }
  };
  const stack: AnyNode[] = [tree as AnyNode];
  while (stack.length) {
    const node = stack.pop()!;
    const s = startOf(node);
    const e = endOf(node);
    switch (node.type) {
      case 'inlineCode':
      case 'code':
      case 'html':
      case 'definition':
      case 'footnoteReference':
      case 'yaml':
        set(s, e, LITERAL);
        continue;
      case 'text':
        set(s, e, PROSE);
        continue;
      case 'link': {
        const raw = s !== undefined && e !== undefined ? body.slice(s, e) : '';
        const only = node.children?.length === 1 ? node.children[0]! : undefined;
        // <https://…> and a bare https://… or www.… (its one text is the whole link).
        if (raw.startsWith('<') || (only && startOf(only) === s && endOf(only) === e)) {
          set(s, e, LITERAL);
          continue;
        }
        set(lastChildEnd(node) ?? s, e, LITERAL);
        break;
      }
      case 'linkReference':
        if (node.referenceType === 'full') set(lastChildEnd(node) ?? s, e, LITERAL);
        break;
      case 'image': {
        // ![说明](images/a.png): the description prints (a caption); the target does not.
        const raw = s !== undefined && e !== undefined ? body.slice(s, e) : '';
        const close = raw.indexOf('](');
        if (s !== undefined && close > 1) {
          set(s + 2, s + close, PROSE);
          set(s + close, e, LITERAL);
        } else set(s, e, LITERAL);
        continue;
      }
      case 'imageReference':
        set(s, e, LITERAL);
        continue;
    }
    const children = node.children ?? [];
    // Text between <code> and </code> written as inline HTML is code.
    let inCode = 0;
    for (const c of children) {
      if (c.type === 'html' && CODE_OPEN.test(c.value ?? '')) inCode++;
      else if (c.type === 'html' && CODE_CLOSE.test(c.value ?? '')) inCode = Math.max(0, inCode - 1);
      else if (inCode) set(startOf(c), endOf(c), LITERAL);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  // Addresses written as plain text: literal wherever they fall in prose.
  for (const m of body.matchAll(URL_IN_TEXT)) {
    const from = m.index!;
    if (mask[from] === PROSE) set(from, from + m[0].length, LITERAL);
  }
  return mask;
}

function lastChildEnd(node: AnyNode): number | undefined {
  const last = node.children?.[node.children.length - 1];
  return last ? endOf(last) : undefined;
}

/**
 * Body lines as paragraphs (runs of lines with prose between blank ones), literal characters
 * blanked (kept in length, so columns stay the file's), each with its mask.
 */
export function proseLines(src: SourceFile): TextLine[][] {
  const mask = proseMask(src.body, src.tree);
  const paragraphs: TextLine[][] = [];
  let current: TextLine[] = [];
  let offset = 0;
  for (const [i, raw] of src.body.split('\n').entries()) {
    const kinds = mask.subarray(offset, offset + raw.length);
    offset += raw.length + 1;
    let text = '';
    for (let k = 0; k < raw.length; k++) text += kinds[k] === LITERAL ? ' ' : raw[k];
    if (!kinds.some((x) => x === PROSE)) {
      if (current.length) paragraphs.push(current);
      current = [];
      continue;
    }
    current.push({ text, line: src.bodyLineOffset + i + 1, column: 1, prose: kinds });
  }
  if (current.length) paragraphs.push(current);
  return paragraphs;
}

/** Whether the character at index `i` of a line may be judged and changed. */
export function isProse(l: TextLine, i: number): boolean {
  return l.prose === undefined || l.prose[i] === PROSE;
}
