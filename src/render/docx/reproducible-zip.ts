/**
 * Same sources → the same DOCX bytes. docx stamps the build time into the core properties and
 * gives external hyperlinks random relationship ids; this takes the package's files as docx
 * compiles them (compat/docx/package-files.ts), makes those stable, applies the XML patches of
 * xml-patches.ts and zips the package once (output/ooxml-zip.ts).
 */
import type { Document } from 'docx';
import { packageFiles } from '../../compat/docx/package-files.js';
import { ooxmlZip, type ZipLevel } from '../../output/ooxml-zip.js';
import { OFF_GRID_STYLE_IDS } from './styles.js';
import { patchCoreDates, patchSettings, patchStyles, stableLinkIds, type PatchText } from './xml-patches.js';

/**
 * The DOCX entries (the bulletin's and the stats' DOCX) are stored, not deflated: the same bytes
 * from every zip library and Node build by construction, so the archive's SHA-256 of a DOCX
 * holds across machines, and no time goes to compression (fflate's deflate took some 50 ms of a
 * cold build, most of it warming up the JIT; Node's zlib is fast but its output may change with
 * the zlib Node was built with). The XML is a few times larger uncompressed: 64 KB for the
 * 5-page news issue, 165 KB for 40 pages.
 */
const DOCX_ZIP_LEVEL: ZipLevel = 0;

/** `offGridStyleIds`: the document's styles whose lines are not grid lines (xml-patches.ts). */
export async function reproducibleDocx(
  doc: Document,
  isoDate: string,
  text: PatchText,
  offGridStyleIds: readonly string[] = OFF_GRID_STYLE_IDS,
): Promise<Uint8Array> {
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

  const entries: Record<string, Uint8Array> = {};
  for (const [name, f] of files)
    entries[name] = typeof f === 'string' ? encoder.encode(f) : new Uint8Array(f.buffer, f.byteOffset, f.byteLength);
  return ooxmlZip(entries, isoDate, DOCX_ZIP_LEVEL);
}
