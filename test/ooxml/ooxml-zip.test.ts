/**
 * The one reproducible zip writer of the Office files (src/output/ooxml-zip.ts), read back by
 * its local file headers as the zip format (PKWARE APPNOTE 4.3.7) lays them out:
 * [Content_Types].xml first, then the entries in name order, every entry stamped with the
 * issue date at noon, stored (method 0) or deflated (method 8) as asked, and the same files
 * give the same bytes whatever order they come in.
 */
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ooxmlZip } from '../../src/output/ooxml-zip.js';

interface LocalEntry {
  name: string;
  method: number;
  /** MS-DOS date and time fields, decoded. */
  stamp: { year: number; month: number; day: number; hour: number; minute: number };
}

function localEntries(zip: Uint8Array): LocalEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: LocalEntry[] = [];
  let at = 0;
  while (at + 30 <= zip.length && view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const time = view.getUint16(at + 10, true);
    const date = view.getUint16(at + 12, true);
    const compressed = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength));
    out.push({
      name,
      method,
      stamp: { year: 1980 + (date >> 9), month: (date >> 5) & 15, day: date & 31, hour: time >> 11, minute: (time >> 5) & 63 },
    });
    at += 30 + nameLength + extraLength + compressed;
  }
  return out;
}

const text = '<w:t>工作动态</w:t>'.repeat(50);
const files = (): Record<string, Uint8Array> => ({
  'word/document.xml': strToU8(text),
  '_rels/.rels': strToU8('<Relationships/>'),
  '[Content_Types].xml': strToU8('<Types/>'),
  'docProps/core.xml': strToU8('<cp:coreProperties/>'),
});

describe('ooxmlZip', () => {
  it('writes [Content_Types].xml first, then the entries in name order, each stamped with the date at noon', () => {
    const entries = localEntries(ooxmlZip(files(), '2024-05-08', 9));
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/document.xml']);
    for (const e of entries) expect(e.stamp).toEqual({ year: 2024, month: 5, day: 8, hour: 12, minute: 0 });
  });

  it('stores the entries at level 0 and deflates them above it; the content reads back the same', () => {
    const stored = ooxmlZip(files(), '2024-05-08', 0);
    const deflated = ooxmlZip(files(), '2024-05-08', 9);
    expect(localEntries(stored).map((e) => e.method)).toEqual([0, 0, 0, 0]);
    expect(localEntries(deflated).find((e) => e.name === 'word/document.xml')!.method).toBe(8);
    expect(deflated.length).toBeLessThan(stored.length);
    for (const zip of [stored, deflated]) expect(new TextDecoder().decode(unzipSync(zip)['word/document.xml'])).toBe(text);
  });

  it('the same files give the same bytes, whatever order they are handed over in', () => {
    const reversed = Object.fromEntries(Object.entries(files()).reverse());
    expect(Buffer.from(ooxmlZip(reversed, '2024-05-08', 9)).equals(Buffer.from(ooxmlZip(files(), '2024-05-08', 9)))).toBe(true);
  });
});
