/**
 * The text of a Word file's page headers and footers (word/header*.xml, word/footer*.xml),
 * which mammoth does not read: a unit's letterhead or contact line often stands there. The
 * bulletin prints none of it, but import's report names it, so that nothing of a submission
 * goes unmentioned. Page numbers (a PAGE field's digits, 第 1 页 共 3 页, — 1 —) are left out.
 */
import { strFromU8, unzipSync } from 'fflate';

const PART = /^word\/(header|footer)\d*\.xml$/;
const PAGE_NUMBER = /^[\s\-—–第页共/\d]*$/;
const MAX_PART = 4 * 1024 * 1024;

export interface HeaderFooterText {
  where: '页眉' | '页脚';
  text: string;
}

export function headerFooterText(docx: Uint8Array): HeaderFooterText[] {
  let parts: Record<string, Uint8Array>;
  try {
    // A header is a few KB; one that claims more is not inflated (a zip bomb stays packed).
    parts = unzipSync(docx, { filter: (f) => PART.test(f.name) && f.originalSize <= MAX_PART });
  } catch {
    return [];
  }
  const seen = new Set<string>();
  const out: HeaderFooterText[] = [];
  // Headers before footers, each in the order of its part's number.
  const order = (n: string): string => n.replace('header', '0').replace('footer', '1');
  for (const name of Object.keys(parts).sort((a, b) => order(a).localeCompare(order(b), 'en', { numeric: true }))) {
    const where = PART.exec(name)![1] === 'header' ? '页眉' : '页脚';
    for (const p of strFromU8(parts[name]!).split(/<\/w:p>/)) {
      const text = [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => decode(m[1]!))
        .join('')
        .trim();
      if (!text || PAGE_NUMBER.test(text) || seen.has(`${where}${text}`)) continue;
      seen.add(`${where}${text}`);
      out.push({ where, text });
    }
  }
  return out;
}

/** The five entities XML text may hold. */
export function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
