/**
 * The contents box (本期要目) → a <nav> framed like the printed box: its title, then one line
 * per headline, each a link to the heading it names. Wide screens show the box as on paper
 * (the column head in a column of its own beside its first headline, ★, the headline hanging
 * after it); narrow ones, and the WeChat variant read on phones, put each column head on a
 * line of its own above its headlines (styles.ts, contentsLayout). The WeChat variant has the
 * same links: where its editor drops in-page anchors the box stays as text.
 */
import type { BlockStyle, GContents, StyleId } from '../../layout/galley.js';
import { el, type Child, type El } from './dom.js';
import { runNodes } from './inlines.js';
import type { Len } from './styles.js';

export function contentsNode(
  box: GContents,
  styles: Record<StyleId, BlockStyle>,
  ids: ReadonlyMap<string, string>,
  len: Len,
  pitch: number,
): El {
  const role = styles[box.style].role;
  const link = (target: string, children: Child[]): Child[] => {
    const href = ids.get(target);
    return href ? [el('a', 'contentsLink', { href: `#${href}` }, children)] : children;
  };
  const title = el('p', box.title.style, {}, runNodes(box.title.runs, styles[box.title.style].role));
  const lines = box.entries.map((e) => {
    // The first line's columns: the head (or its empty column), the ★ (or its empty column).
    const head: Child = e.head
      ? el('span', 'contentsHead', {}, link(e.head.target, runNodes(e.head.runs, role)))
      : el('span', 'contentsGap');
    const marker: Child = e.marker ? el('span', 'contentsMarker', {}, runNodes([e.marker], role)) : el('span', 'contentsNoMarker');
    return el('p', [box.style, 'contentsRow'], {}, [head, ...link(e.target, [marker, ...runNodes(e.runs, role)])]);
  });
  return el(
    'nav',
    'contents',
    { 'aria-label': box.title.runs.map((r) => r.text).join(''), style: `margin-bottom: ${len(box.blankAfter * pitch)}` },
    [title, ...lines],
  );
}
