/**
 * Where each part of an issue begins in its PDF: the editor's note, every column head and every
 * item, with the page of the PDF (1-based, counted as a viewer counts, not the printed — n —).
 * The archive records it in the manifest when it builds an issue, so that a bound volume
 * (`bulletin volume`) lists them from a record instead of searching the PDF's text. Manifests
 * written before lack it; the volume then reads the archived PDF's own bookmarks.
 */
import type { PagedDocument } from '../layout/paged.js';
import type { Issue } from '../model/types.js';

export type ContentsKind = 'note' | 'section' | 'news' | 'article';

export interface ContentsEntry {
  kind: ContentsKind;
  /** As the PDF's bookmark says it: 【省级动态】, a news item's lead, an article's title. */
  text: string;
  /** Page of the PDF where it begins, 1-based. */
  page: number;
}

const KINDS: readonly ContentsKind[] = ['note', 'section', 'news', 'article'];

/** What the issue holds, in reading order, as its bookmarks name it. */
function parts(issue: Issue): Array<{ kind: ContentsKind; text: string }> {
  const out: Array<{ kind: ContentsKind; text: string }> = [];
  if (issue.note) out.push({ kind: 'note', text: issue.note.title });
  for (const s of issue.sections) {
    out.push({ kind: 'section', text: s.heading });
    for (const e of s.entries) out.push(e.kind === 'news' ? { kind: 'news', text: e.leadText } : { kind: 'article', text: e.title });
  }
  return out;
}

/**
 * The page of every part, from the pages the PDF was drawn from: the layout put each part's
 * bookmark on the first line of its block, on the page where that line stands.
 */
export function issueContents(issue: Issue, paged: PagedDocument): ContentsEntry[] {
  const marks = paged.pages.flatMap((p, i) =>
    p.items.flatMap((it) => (it.kind === 'text' && it.outline ? [{ text: it.outline.text, page: i + 1 }] : [])),
  );
  const expected = parts(issue);
  // The composer opens one bookmark per part, in this order; anything else is our bug.
  if (marks.length !== expected.length || marks.some((m, i) => m.text !== expected[i]!.text)) {
    throw new Error(`bookmarks of ${issue.meta.dir} do not follow its parts: ${marks.map((m) => m.text).join(' | ')}`);
  }
  return expected.map((e, i) => ({ ...e, page: marks[i]!.page }));
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first thing wrong with a manifest's `contents`, in Chinese, or undefined. */
export function contentsProblem(v: unknown): string | undefined {
  if (!Array.isArray(v)) return '不是列表';
  for (const [k, e] of v.entries()) {
    const ok =
      isObj(e) &&
      KINDS.includes(e.kind as ContentsKind) &&
      typeof e.text === 'string' &&
      e.text.length <= 2000 &&
      Number.isInteger(e.page) &&
      (e.page as number) >= 1;
    if (!ok) return `[${k}] 格式不对（应有 kind、text 和页码 page）`;
  }
  return undefined;
}
