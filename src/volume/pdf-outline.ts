/**
 * Where each part begins in an archived PDF whose manifest entry predates the contents record
 * (archive/contents.ts): from the PDF's own bookmarks, which every issue PDF bulletin writes
 * has — the editor's note and each column head at the top level, each item under its column.
 * The archive is untrusted input: the walk stops at a loop or after more entries than an issue
 * can hold, and a bookmark whose page cannot be found is reported, not guessed.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument } from 'pdf-lib';
import type { ContentsEntry } from '../archive/contents.js';
import type { ManifestIssue } from '../archive/manifest.js';

/** More bookmarks than any issue holds: a file that says so is not one we wrote. */
const MAX_ENTRIES = 10_000;

interface Mark {
  text: string;
  level: number;
  page: number | undefined;
}

function title(d: PDFDict): string {
  const t = d.lookup(PDFName.of('Title'));
  return t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : '';
}

/** The page a bookmark's explicit destination names, 1-based. */
function pageOf(d: PDFDict, pages: Map<string, number>): number | undefined {
  let dest = d.lookup(PDFName.of('Dest'));
  if (!dest) {
    const action = d.lookup(PDFName.of('A'));
    if (action instanceof PDFDict) dest = action.lookup(PDFName.of('D'));
  }
  if (!(dest instanceof PDFArray) || dest.size() === 0) return undefined;
  const target = dest.get(0);
  return target instanceof PDFRef ? pages.get(target.toString()) : undefined;
}

function marks(doc: PDFDocument): Mark[] | undefined {
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'));
  if (!(outlines instanceof PDFDict)) return undefined;
  const pages = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const out: Mark[] = [];
  const seen = new Set<PDFDict>();
  const walk = (first: unknown, level: number): void => {
    for (let item = first; item instanceof PDFDict && !seen.has(item) && out.length < MAX_ENTRIES; item = item.lookup(PDFName.of('Next'))) {
      seen.add(item);
      out.push({ text: title(item), level, page: pageOf(item, pages) });
      walk(item.lookup(PDFName.of('First')), level + 1);
    }
  };
  walk(outlines.lookup(PDFName.of('First')), 0);
  return out;
}

/**
 * The contents of an archived issue read from its bookmarks, each part's kind taken from what
 * the manifest says the issue holds (its columns, note and articles); undefined when the PDF
 * has no bookmarks or one of them names no page of the file.
 */
export function outlineContents(doc: PDFDocument, entry: ManifestIssue): ContentsEntry[] | undefined {
  const found = marks(doc);
  if (!found?.length || found.some((m) => m.page === undefined)) return undefined;
  const sections = new Set(entry.sections.map((s) => s.name));
  const articles = new Set(entry.articles);
  return found.map((m) => {
    let kind: ContentsEntry['kind'];
    if (m.level > 0) kind = articles.has(m.text) ? 'article' : 'news';
    else kind = /^【(.*)】$/.test(m.text) && sections.has(m.text.slice(1, -1)) ? 'section' : 'note';
    return { kind, text: m.text, page: m.page! };
  });
}
