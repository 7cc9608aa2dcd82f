/**
 * Same sources → the same DOCX bytes. docx stamps the build time into the core properties and
 * gives external hyperlinks random relationship ids; this takes the package's files as docx
 * compiles them (compat/docx/package-files.ts), makes those stable, applies the XML patches of
 * xml-patches.ts and zips the package once.
 */
import type { Document } from 'docx';
import { zipSync, type Zippable } from 'fflate';
import { packageFiles } from '../../compat/docx/package-files.js';
import { OFF_GRID_STYLE_IDS } from './styles.js';
import { patchCoreDates, patchSettings, patchStyles, stableLinkIds, type PatchText } from './xml-patches.js';

const CONTENT_TYPES = '[Content_Types].xml';

/**
 * The zip entries' time: the issue date at noon, in local time, because zip stores local
 * date and time fields; noon keeps the fields the same in every time zone and DST rule.
 */
function entryTime(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y, m - 1, d, 12, 0, 0);
}

/** `offGridStyleIds`: the document's styles whose lines are not grid lines (xml-patches.ts). */
export async function reproducibleDocx(doc: Document, isoDate: string, text: PatchText, offGridStyleIds: readonly string[] = OFF_GRID_STYLE_IDS): Promise<Uint8Array> {
  const files = packageFiles(doc);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const part = (name: string): string => {
    const f = files.get(name);
    if (f === undefined) throw new Error(`DOCX 包中缺少 ${name}`);
    return typeof f === 'string' ? f : decoder.decode(f);
  };

  const links = stableLinkIds(part('word/_rels/document.xml.rels'), part('word/document.xml'));
  files.set('word/_rels/document.xml.rels', links.rels);
  files.set('word/document.xml', links.document);
  files.set('word/styles.xml', patchStyles(part('word/styles.xml'), text, offGridStyleIds));
  files.set('word/settings.xml', patchSettings(part('word/settings.xml'), text));
  files.set('docProps/core.xml', patchCoreDates(part('docProps/core.xml'), isoDate));

  // [Content_Types].xml first, as Office writes it; then every entry in name order.
  const names = [...files.keys()].filter((n) => n !== CONTENT_TYPES).sort();
  const ordered: Zippable = {};
  for (const name of [CONTENT_TYPES, ...names]) {
    const f = files.get(name)!;
    ordered[name] = typeof f === 'string' ? encoder.encode(f) : new Uint8Array(f.buffer, f.byteOffset, f.byteLength);
  }
  return zipSync(ordered, { level: 9, mtime: entryTime(isoDate) });
}
