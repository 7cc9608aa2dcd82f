/**
 * Tidying what Word leaves in the text: the full-width spaces clerks type to indent paragraphs,
 * line breaks inside a paragraph (joined as Chinese needs: nothing between two Chinese
 * characters, one space between Latin words), empty bold runs and pictures that were skipped.
 */
import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F\u2014\u2026\u201C\u201D\u2018\u2019]/;

/** How two pieces of a broken line join: directly between Chinese, with a space between words. */
export function joinLine(before: string, after: string): string {
  const a = before.replace(/[ \t\u3000]+$/, '');
  const b = after.replace(/^[ \t\u3000]+/, '');
  if (!a || !b) return a + b;
  return CJK.test(a[a.length - 1]!) || CJK.test(b[0]!) ? a + b : `${a} ${b}`;
}

export function cleanTree(tree: Root): void {
  cleanChildren(tree);
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

/** Breaks become joins; adjacent text nodes merge. */
function mergeText(children: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const c of children) {
    const prev = out[out.length - 1];
    if (c.type === 'break') {
      if (prev?.type === 'text') prev.value = prev.value.replace(/[ \t\u3000]+$/, '') + '\u0000';
      else out.push({ type: 'text', value: '\u0000' });
      continue;
    }
    if (c.type === 'text' && prev?.type === 'text') {
      prev.value += c.value;
      continue;
    }
    out.push(c);
  }
  for (const c of out) {
    if (c.type !== 'text') continue;
    c.value = c.value.replace(/\s*\n\s*/g, '\u0000');
    while (c.value.includes('\u0000')) {
      const at = c.value.indexOf('\u0000');
      c.value = joinLine(c.value.slice(0, at), c.value.slice(at + 1));
    }
  }
  return out;
}

function trimEdges(node: Parent): void {
  const first = firstText(node);
  if (first) first.value = first.value.replace(/^[\s\u3000]+/, '');
  const last = lastText(node);
  if (last) last.value = last.value.replace(/[\s\u3000]+$/, '');
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
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plain).join('');
  return '';
}
