/**
 * What the archive index says about each item: its section, headline, unit and plain text.
 * Kept in the manifest (an additive field) so that the index and its search can be rebuilt
 * for issues that were skipped, without building them again.
 */
import type { Block, Issue, Run } from '../model/types.js';
import { entryAnchor } from '../render/html/anchors.js';

export interface ManifestItem {
  section: string;
  title: string;
  unit?: string;
  /** The item's text, runs joined, blocks separated by a newline. */
  text: string;
  /** The id of the item in the issue's web edition, for a link straight to it. */
  anchor: string;
}

const runsText = (runs: Run[]): string => runs.map((r) => r.text).join('');

function blocksText(blocks: Block[]): string[] {
  return blocks.flatMap((b) => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        return [runsText(b.runs)];
      case 'table':
        return [b.caption ?? '', ...[b.header, ...b.rows].map((row) => row.map((c) => runsText(c.runs)).join(' '))].filter(Boolean);
      case 'list':
        return b.items.flatMap(blocksText);
      case 'image':
        return b.caption ? [b.caption] : [];
    }
  });
}

export function manifestItems(issue: Issue): ManifestItem[] {
  let ordinal = 0;
  return issue.sections.flatMap((s) =>
    s.entries.map((e) => ({
      section: s.name,
      title: e.kind === 'news' ? e.leadText : e.title,
      ...(e.unit ? { unit: e.unit } : {}),
      text: (e.kind === 'news' ? blocksText(e.body) : [e.subtitle ?? '', ...blocksText(e.blocks)].filter(Boolean)).join('\n'),
      anchor: entryAnchor(ordinal++),
    })),
  );
}
