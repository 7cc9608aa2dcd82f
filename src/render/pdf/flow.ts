/**
 * The body as a vertical flow of nodes with blank grid lines between them. Blank lines
 * collapse (a note's line after and a column head's line before make one line, not two) and
 * none is added at the very top, right under the masthead.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { Faces } from '../../fonts/faces.js';
import { lines } from './grid.js';

export interface RenderEnv {
  fonts: Faces;
  /** Image files the document may read; pdfmake's local access policy allows only these. */
  images: Set<string>;
  /** A fresh id for outline entries. */
  nextId(prefix: string): string;
}

export class Flow {
  readonly nodes: Content[] = [];
  private pendingAfter = 0;
  private fresh = true;

  /** Adds nodes that follow each other without blank lines. */
  add(nodes: Content | Content[], blankBefore = 0, blankAfter = 0): void {
    const list = Array.isArray(nodes) ? nodes : [nodes];
    if (list.length === 0) return;
    const gap = this.fresh ? 0 : Math.max(this.pendingAfter, blankBefore);
    this.nodes.push(gap > 0 ? { stack: list, margin: [0, lines(gap), 0, 0] } : list.length === 1 ? list[0] : { stack: list });
    this.pendingAfter = blankAfter;
    this.fresh = false;
  }
}

/** Marks a head that must not end a page; document.ts breaks before it when it would. */
export const KEEP_WITH_NEXT = 1;
export function keepWithNext(node: Content): Content {
  const n = node as unknown as Record<string, unknown>;
  n.headlineLevel = KEEP_WITH_NEXT;
  // pdfmake reports each line node of a broken paragraph separately: mark them all.
  if (Array.isArray(n.stack)) (n.stack as Content[]).forEach(keepWithNext);
  return node;
}

/** The first text node of a node, where pdfmake looks for outline entries. */
export function firstTextNode(node: Content): Content {
  const n = node as unknown as Record<string, unknown>;
  if (Array.isArray(n.stack) && n.stack.length > 0) return firstTextNode(n.stack[0] as Content);
  return node;
}
