/**
 * Tidying what Word leaves in the text: the full-width spaces clerks type to indent paragraphs,
 * line breaks inside a paragraph (joined as Chinese needs: nothing between two Chinese
 * characters, one space between Latin words), empty bold runs and pictures that were skipped.
 */
import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F\u2014\u2026\u201C\u201D\u2018\u2019]/;

const SPACE = /[ \t\u3000]/;

/** Ends of a piece without the spaces around a break (a loop: a regex with `$` rescans long runs). */
export function trimSpaces(s: string, start: boolean, end: boolean, space: RegExp = SPACE): string {
  let b = 0;
  let e = s.length;
  if (start) while (b < e && space.test(s[b]!)) b++;
  if (end) while (e > b && space.test(s[e - 1]!)) e--;
  return s.slice(b, e);
}

/**
 * Pieces of one paragraph that Word or a text file broke into lines, joined as Chinese needs:
 * directly between Chinese, with one space between Latin words, the spaces around each break
 * dropped. Linear in the whole text, however many breaks (a line of 0.5 MB of NUL bytes or of
 * spaces must not cost minutes).
 */
export function joinPieces(pieces: string[], space: RegExp = SPACE): string {
  const out: string[] = [];
  let tail = '';
  pieces.forEach((piece, i) => {
    const p = trimSpaces(piece, i > 0, i < pieces.length - 1, space);
    if (!p) return;
    if (tail && !CJK.test(tail) && !CJK.test(p[0]!)) out.push(' ');
    out.push(p);
    tail = p[p.length - 1]!;
  });
  return out.join('');
}

/** How two pieces of a broken line join: directly between Chinese, with a space between words. */
export function joinLine(before: string, after: string): string {
  return joinPieces([before, after]);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function stripControlChars(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(CONTROL, () => {
    count++;
    return '';
  });
  return { text: out, count };
}

/** Tidies the tree; returns how many control characters (NUL …) were taken out of its text. */
export function cleanTree(tree: Root): number {
  const dropped = dropControlChars(tree);
  cleanChildren(tree);
  return dropped;
}

/**
 * NUL and the other C0 controls are no text: a damaged or mis-saved file, or a copy from
 * another program. `check` refuses them in an item, so they are taken out here and counted.
 */
function dropControlChars(tree: Root): number {
  let n = 0;
  const stack: Array<{ value?: unknown; children?: unknown[] }> = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node.value === 'string') {
      const r = stripControlChars(node.value);
      node.value = r.text;
      n += r.count;
    }
    if (Array.isArray(node.children)) for (const c of node.children) stack.push(c as { value?: unknown; children?: unknown[] });
  }
  return n;
}

function cleanChildren(node: Parent): void {
  const kept: RootContent[] = [];
  for (const child of node.children as RootContent[]) {
    if (child.type === 'image' && !child.url) continue;
    if ('children' in child) cleanChildren(child as Parent);
    if (child.type === 'strong' || child.type === 'emphasis') {
      if (!plain(child).trim()) {
        kept.push(...(child.children as RootContent[]));
        continue;
      }
    }
    kept.push(child);
  }
  node.children = mergeText(kept) as typeof node.children;
  if (['paragraph', 'heading', 'tableCell'].includes(node.type)) {
    trimEdges(node);
    node.children = mergeText(node.children as RootContent[]) as typeof node.children;
  }
  // Paragraphs left empty (a line of spaces in Word) are dropped.
  node.children = (node.children as RootContent[]).filter((c) => !(c.type === 'paragraph' && !c.children.length)) as typeof node.children;
}

/**
 * Breaks and line ends inside text become joins; adjacent text nodes merge. The text is kept as
 * a list of pieces between breaks, never marked up in band: any character, U+0000 included,
 * may be in a submission's text.
 */
function mergeText(children: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let pieces: string[] | undefined;
  const flush = (): void => {
    if (pieces) out.push({ type: 'text', value: joinPieces(pieces, /\s/) });
    pieces = undefined;
  };
  for (const c of children) {
    if (c.type === 'break') {
      (pieces ??= ['']).push('');
      continue;
    }
    if (c.type === 'text') {
      const lines = c.value.split('\n');
      if (!pieces) pieces = lines;
      else {
        pieces[pieces.length - 1] += lines[0]!;
        for (let i = 1; i < lines.length; i++) pieces.push(lines[i]!);
      }
      continue;
    }
    flush();
    out.push(c);
  }
  flush();
  return out;
}

function trimEdges(node: Parent): void {
  const first = firstText(node);
  if (first) first.value = trimSpaces(first.value, true, false, /\s/);
  const last = lastText(node);
  if (last) last.value = trimSpaces(last.value, false, true, /\s/);
  const drop = (p: Parent): void => {
    p.children = (p.children as RootContent[]).filter((c) => {
      if (c.type === 'text') return c.value !== '';
      if (c.type === 'strong' || c.type === 'emphasis') {
        drop(c);
        return c.children.length > 0;
      }
      return true;
    }) as typeof p.children;
  };
  drop(node);
}

function firstText(node: Parent): { value: string } | undefined {
  const c = (node.children as RootContent[])[0];
  if (!c) return undefined;
  if (c.type === 'text') return c;
  return c.type === 'strong' || c.type === 'emphasis' ? firstText(c) : undefined;
}

function lastText(node: Parent): { value: string } | undefined {
  const c = (node.children as RootContent[])[node.children.length - 1];
  if (!c) return undefined;
  if (c.type === 'text') return c;
  return c.type === 'strong' || c.type === 'emphasis' ? lastText(c) : undefined;
}

/** The text of a node, ignoring formatting. */
export function plain(node: RootContent | PhrasingContent | Parent): string {
  // <sup>, </sup> and the like mark the text's look, not its words.
  if (node.type === 'html') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plain).join('');
  return '';
}
