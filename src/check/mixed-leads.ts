/**
 * An article (or news item) whose 一是……。 leads were typed differently — some bold, some
 * not. The composition prints them all in bold 仿宋 (src/layout/run-in-leads.ts), so nothing
 * has to change; the note says so, and names the leads, so that a sentence taken for a lead
 * that is not one can be seen and reworded.
 */
import type { Diagnostic } from '../diagnostics.js';
import { findLeads, type LeadSpan } from '../layout/run-in-leads.js';
import type { Block, Issue, SourcePos } from '../model/types.js';

interface Found extends LeadSpan {
  at?: SourcePos;
}

function leadsOf(blocks: Block[], out: Found[]): Found[] {
  for (const b of blocks) {
    if (b.type === 'paragraph' && (b.font ?? 'body') === 'body') out.push(...findLeads(b.runs).map((l) => ({ ...l, at: b.at })));
    if (b.type === 'list') for (const item of b.items) leadsOf(item, out);
  }
  return out;
}

const shown = (l: Found): string => `“${l.text.length > 24 ? `${l.text.slice(0, 22)}……` : l.text}”`;

export function mixedLeads(issue: Issue): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of issue.sections) {
    for (const e of s.entries) {
      const leads = leadsOf(e.kind === 'article' ? e.blocks : e.body, []);
      const first = leads[0];
      const other = leads.find((l) => l.typedBold !== first?.typedBold);
      if (!first || !other) continue;
      const [bold, plain] = first.typedBold ? [first, other] : [other, first];
      const what = e.kind === 'article' ? `文章“${e.title}”` : `动态“${e.leadText}”`;
      const at = other.at ?? e.at;
      out.push({
        severity: 'note',
        rule: 'leads-mixed',
        file: at.file,
        line: at.line,
        column: at.column,
        message: `${what}的“一是……。”导语写法不一致：${shown(bold)}加了粗，${shown(plain)}没有（或只加粗了一部分）。印出来都是加粗仿宋，到第一个“。”为止，源稿不必改；如果哪一句本不是导语，请改写它的开头`,
      });
    }
  }
  return out;
}
