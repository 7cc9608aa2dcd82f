/**
 * What in a .docx points outside it: relationships with TargetMode="External" other than
 * hyperlinks — a linked OLE object or package, a sub-document, an attached template, a frame,
 * an external data link. The import reads none of them (mammoth opens no external file; the
 * pictures among them are counted where mammoth fails to read them), so this only counts
 * the rest for the message that says what was left out.
 */
import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';

const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** External targets other than hyperlinks and pictures, in every relationship part. */
export function externalParts(docx: Uint8Array): number {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(docx, { filter: (f) => f.name.endsWith('.rels') });
  } catch {
    return 0; // mammoth reports the broken package itself
  }
  let count = 0;
  for (const data of Object.values(parts)) {
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', () => undefined);
    parser.on('opentag', (tag: SaxesTagNS) => {
      if (tag.uri !== PACKAGE_RELS || tag.local !== 'Relationship') return;
      const a = tag.attributes;
      const mode = Object.values(a).find((x) => x.local === 'TargetMode')?.value;
      const type = Object.values(a).find((x) => x.local === 'Type')?.value ?? '';
      if (mode === 'External' && !/\/(hyperlink|image)$/.test(type)) count++;
    });
    try {
      parser.write(new TextDecoder().decode(data)).close();
    } catch {
      /* a broken part: counted as far as it could be read */
    }
  }
  return count;
}
