/**
 * What the PDF translator carries through a document (faces, images it may read, ids), and
 * pdfmake's keep-with-next mark.
 */
import type { Content } from 'pdfmake/interfaces.js';
import type { Faces } from '../../fonts/faces.js';
import type { Galley } from '../../layout/galley.js';
import type { Grid } from './grid.js';

export interface RenderEnv {
  fonts: Faces;
  /** The galley being drawn: its styles and text facts. */
  galley: Galley;
  grid: Grid;
  /** Image files the document may read; pdfmake's local access policy allows only these. */
  images: Set<string>;
  /** A fresh id for outline entries. */
  nextId(prefix: string): string;
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
