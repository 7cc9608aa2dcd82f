/**
 * Same sources → byte-identical DOCX: docx stamps the time into the core properties and the
 * zip entries and gives hyperlinks random relationship ids; the renderer makes all of them
 * stable. Builds run a second apart so that a clock-based field would show.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Issue, Paragraph } from '../../src/model/types.js';
import { SERIES, docxOf, issueOf, partsOf } from '../helpers/docx-build.js';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The fixture issue with a hyperlink in its first news item's body. */
function withLinks(issue: Issue): Issue {
  const copy = structuredClone(issue);
  const p = copy.sections[0]!.entries[0]!.kind === 'news' ? (copy.sections[0]!.entries[0]!.body[0] as Paragraph) : undefined;
  if (!p) throw new Error('fixture changed: first entry is not a news item');
  p.runs.push(
    { text: '详见通知', link: 'https://jyt.jiangxi.gov.cn/notice' },
    { text: '及附件', link: 'https://jyt.jiangxi.gov.cn/attachment' },
  );
  return copy;
}

describe('reproducible DOCX', () => {
  test.each(Object.entries(SERIES))('%s: two builds are byte-identical', async (_name, dir) => {
    const issue = issueOf(dir);
    const a = await docxOf(issue);
    await pause(1100);
    const b = await docxOf(issue);
    expect(sha(a)).toBe(sha(b));
  });

  test('hyperlinks get stable relationship ids and keep their targets', async () => {
    const issue = withLinks(issueOf(SERIES.mixed));
    const a = await docxOf(issue);
    const b = await docxOf(issue);
    expect(sha(a)).toBe(sha(b));
    const parts = partsOf(a);
    const rels = parts.xml('word/_rels/document.xml.rels');
    expect(rels).toMatch(/Id="rIdLink1"[^>]*Target="https:\/\/jyt\.jiangxi\.gov\.cn\/notice"[^>]*TargetMode="External"/);
    expect(rels).toMatch(/Id="rIdLink2"[^>]*Target="https:\/\/jyt\.jiangxi\.gov\.cn\/attachment"/);
    const doc = parts.xml('word/document.xml');
    expect(doc).toMatch(/<w:hyperlink [^>]*r:id="rIdLink1"[^>]*>(?:(?!<\/w:hyperlink>)[\s\S])*详见通知/);
    expect(doc).toMatch(/<w:hyperlink [^>]*r:id="rIdLink2"[^>]*>(?:(?!<\/w:hyperlink>)[\s\S])*及附件/);
  });

  test('zip entries: [Content_Types].xml first, the rest in name order, stamped with the issue date', async () => {
    const issue = issueOf(SERIES.mixed);
    const zip = await docxOf(issue);
    const names = partsOf(zip).names;
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names.slice(1)).toEqual([...names.slice(1)].sort());
    // Local file header: DOS date at offset 12 (little endian): year-1980 << 9 | month << 5 | day.
    const view = new DataView(zip.buffer, zip.byteOffset);
    const dosDate = view.getUint16(12, true);
    const [y, mo, d] = issue.meta.isoDate.split('-').map(Number);
    expect({ y: (dosDate >> 9) + 1980, mo: (dosDate >> 5) & 15, d: dosDate & 31 }).toEqual({ y, mo, d });
  });

  test('every zip entry is stored, so no compressor of any machine shapes the bytes', async () => {
    const zip = await docxOf(issueOf(SERIES.sample));
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // End of central directory: the last 22 bytes (no comment); entry count at 10, offset at 16.
    const eocd = zip.byteLength - 22;
    expect(view.getUint32(eocd, true)).toBe(0x06054b50);
    const count = view.getUint16(eocd + 10, true);
    const methods: Record<string, number> = {};
    for (let i = 0, at = view.getUint32(eocd + 16, true); i < count; i++) {
      expect(view.getUint32(at, true)).toBe(0x02014b50);
      const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
      methods[name] = view.getUint16(at + 10, true);
      expect(view.getUint32(at + 20, true), name).toBe(view.getUint32(at + 24, true));
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    expect(Object.keys(methods)).toContain('word/document.xml');
    expect(
      Object.values(methods).every((m) => m === 0),
      JSON.stringify(methods),
    ).toBe(true);
  });
});
