/**
 * Galley runs → inline HTML: a run in another role than its block gets that role's font
 * stack, bold and scripts become font-weight and <sup>/<sub>, a line break the galley decided
 * (balanced title lines) becomes <br>. Links keep only web and mail targets, so a source can
 * never put a script URL on the page.
 */
import type { FontRole, GRun } from '../../layout/galley.js';
import { el, type Child } from './dom.js';
import { roleStyle } from './styles.js';

export function runNodes(runs: readonly GRun[], blockRole: FontRole): Child[] {
  const out: Child[] = [];
  for (const r of runs) {
    if (r.breakBefore && out.length > 0) out.push(el('br', null));
    const styles = [...(r.role !== blockRole ? [roleStyle(r.role)] : []), ...(r.bold ? ['bold'] : [])];
    let node: Child = styles.length ? el('span', styles, {}, [r.text]) : r.text;
    if (r.script) node = el(r.script === 'super' ? 'sup' : 'sub', null, {}, [node]);
    if (r.link) node = el('a', 'link', { href: r.link }, [node]);
    out.push(node);
  }
  return out;
}
