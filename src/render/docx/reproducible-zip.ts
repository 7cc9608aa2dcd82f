/**
 * Same sources → the same DOCX bytes. docx stamps the build time into the core properties and
 * the zip entries, and gives external hyperlinks random relationship ids; this repacks the
 * package with those made stable and the XML patches of xml-patches.ts applied.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { patchCoreDates, patchSettings, patchStyles, stableLinkIds } from './xml-patches.js';

const CONTENT_TYPES = '[Content_Types].xml';

/**
 * The zip entries' time: the issue date at noon, in local time, because zip stores local
 * date and time fields; noon keeps the fields the same in every time zone and DST rule.
 */
function entryTime(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y, m - 1, d, 12, 0, 0);
}

export function reproducibleDocx(packed: Uint8Array, isoDate: string): Uint8Array {
  const files = unzipSync(packed);
  const text = (name: string): string => {
    const f = files[name];
    if (!f) throw new Error(`DOCX 包中缺少 ${name}`);
    return strFromU8(f);
  };
  const put = (name: string, xml: string): void => {
    files[name] = strToU8(xml);
  };

  const links = stableLinkIds(text('word/_rels/document.xml.rels'), text('word/document.xml'));
  put('word/_rels/document.xml.rels', links.rels);
  put('word/document.xml', links.document);
  put('word/styles.xml', patchStyles(text('word/styles.xml')));
  put('word/settings.xml', patchSettings(text('word/settings.xml')));
  put('docProps/core.xml', patchCoreDates(text('docProps/core.xml'), isoDate));

  // [Content_Types].xml first, as Office writes it; then every entry in name order.
  const names = Object.keys(files)
    .filter((n) => n !== CONTENT_TYPES)
    .sort();
  const ordered: Zippable = {};
  for (const name of [CONTENT_TYPES, ...names]) ordered[name] = files[name];
  return zipSync(ordered, { level: 9, mtime: entryTime(isoDate) });
}
