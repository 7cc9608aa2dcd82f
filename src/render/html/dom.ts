/**
 * A tiny element tree, serialised in two ways from ONE style table: with classes and a
 * stylesheet (the web edition), or with every declaration inline and no class at all (the
 * WeChat variant, whose editor drops <style> and class). Text is always escaped here.
 */
import { markupAttr, markupText } from '../../output/escape.js';

export type Child = El | string;

export interface El {
  tag: string;
  /** Keys into the style table; their declarations apply in order. */
  styles: string[];
  attrs: Record<string, string>;
  children: Child[];
}

const VOID = new Set(['img', 'br', 'wbr', 'hr', 'meta', 'link']);

export function el(
  tag: string,
  styles: string | string[] | null,
  attrs: Record<string, string | undefined> = {},
  children: Child[] = [],
): El {
  const a: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) a[k] = v;
  return { tag, styles: styles === null ? [] : Array.isArray(styles) ? styles : [styles], attrs: a, children };
}

export type StyleTable = Record<string, string>;

export function serialise(node: Child, mode: 'class' | 'inline', table: StyleTable): string {
  if (typeof node === 'string') return markupText(node);
  const attrs = { ...node.attrs };
  if (node.styles.length) {
    for (const s of node.styles) if (!(s in table)) throw new Error(`html: unknown style ${s}`);
    if (mode === 'class') attrs.class = node.styles.join(' ');
    else {
      const inline = node.styles
        .map((s) => table[s]!.trim())
        .filter(Boolean)
        .map((d) => d.replace(/;?$/, ';'));
      if (inline.length) attrs.style = inline.join(' ') + (attrs.style ? ` ${attrs.style}` : '');
    }
  }
  const attrText = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${markupAttr(v)}"`)
    .join('');
  if (VOID.has(node.tag)) return `<${node.tag}${attrText}>`;
  return `<${node.tag}${attrText}>${node.children.map((c) => serialise(c, mode, table)).join('')}</${node.tag}>`;
}
