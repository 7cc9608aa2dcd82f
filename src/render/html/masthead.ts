/** The galley's masthead → header: its lines (the name is the page's one h1), publisher and date, the red rule. */
import type { BlockStyle, GMasthead, StyleId } from '../../layout/galley.js';
import { el, type El } from './dom.js';
import type { HtmlVariant } from './document.js';
import { headRunNodes } from './head-words.js';
import { runNodes } from './inlines.js';
import { titleStyles, type Len } from './styles.js';

export function mastheadNode(m: GMasthead, styles: Record<StyleId, BlockStyle>, len: Len, pitch: number, variant: HtmlVariant): El {
  const blank = (n: number): string | undefined => (n > 0 ? `margin-bottom: ${len(n * pitch)}` : undefined);
  const breaks = variant === 'web' ? 'marked' : 'dropped';
  const lines = m.lines.map((l) =>
    el(
      l.style === 'name' ? 'h1' : 'p',
      [l.style, ...titleStyles(l.style)],
      { style: blank(l.blankAfter) },
      headRunNodes(l.runs, styles[l.style].role, breaks),
    ),
  );
  const p = m.publisher;
  const role = styles[p.style].role;
  const pub = el('p', [p.style, 'pubLine'], { style: p.indentChars ? `padding: 0 ${p.indentChars}em` : undefined }, [
    el('span', null, {}, runNodes(p.left, role)),
    el('span', ['pubRight', 'keep'], {}, runNodes(p.right, role)),
  ]);
  const rule = el('hr', 'rule', { style: blank(m.blankAfterRule) });
  return el('header', null, {}, [...lines, pub, rule]);
}
