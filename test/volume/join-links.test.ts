/**
 * What of an issue's annotations the bound volume carries (src/volume/join.ts): a link that opens
 * a page of the same issue is made again on the volume's copy, opening the volume's copy of that
 * page; a web link, a launch or JavaScript action, or a page's open action never reaches the
 * volume. The input is made with pdf-lib, the volume read back with pdfjs.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { expect, test } from 'vitest';
import { joinVolume } from '../../src/volume/join.js';
import { internalLinks } from './read-volume.js';

async function issueWithLinks(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const pages = [doc.addPage([595, 842]), doc.addPage([595, 842]), doc.addPage([595, 842])];
  const ctx = doc.context;
  // A named destination on page 3, as pdfkit writes the contents box's targets.
  const dests = ctx.obj({ Names: [PDFString.of('item-1'), ctx.obj([pages[2]!.ref, 'XYZ', 100, 700, null])] });
  doc.catalog.set(PDFName.of('Names'), ctx.obj({ Dests: dests }));
  const link = (extra: Record<string, unknown>) =>
    ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [90, 480, 190, 500], Border: [0, 0, 0], ...extra }));
  pages[0]!.node.set(
    PDFName.of('Annots'),
    ctx.obj([
      link({ A: ctx.obj({ S: 'GoTo', D: PDFString.of('item-1') }) }),
      link({ Rect: [90, 450, 190, 470], Dest: [pages[1]!.ref, 'XYZ', null, null, null] }),
      link({ A: ctx.obj({ S: 'URI', URI: PDFString.of('javascript:alert(1)') }) }),
      link({ A: ctx.obj({ S: 'Launch', F: PDFString.of('calc.exe') }) }),
      link({ A: ctx.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }) }),
      link({ A: ctx.obj({ S: 'GoTo', D: PDFString.of('no-such-name') }) }),
    ]),
  );
  pages[1]!.node.set(PDFName.of('AA'), ctx.obj({ O: ctx.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(2)') }) }));
  return doc;
}

test('a volume keeps an issue’s links to its own pages, and nothing else of its annotations', async () => {
  const front = await PDFDocument.create();
  front.addPage([595, 842]);
  const issue = await issueWithLinks();
  const bytes = await joinVolume({
    front,
    frontSha256: 'f',
    coverPages: 1,
    contentsPages: 0,
    issues: [{ doc: issue, title: '第1期', entries: [], sha256: 'a' }],
    meta: { title: '合订本', author: '办公室', isoDate: '2024-12-31' },
    labels: { cover: '封面', contents: '目录' },
    marks: { cover: '封面', contents: '目录' },
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-join-')), `${crypto.randomUUID()}.pdf`);
  fs.writeFileSync(file, bytes);
  // Volume page 2 is the issue's page 1; its item-1 link opens the issue's page 3 (volume page 4).
  expect(await internalLinks(file)).toEqual([
    { page: 2, rect: [90, 480, 190, 500], to: 4 },
    { page: 2, rect: [90, 450, 190, 470], to: 3 },
  ]);
  // Read back with pdf-lib: two annotations in all, and no page keeps an open action.
  const volume = await PDFDocument.load(bytes);
  const annots = volume.getPages().flatMap((p) => {
    const a = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    return a ? a.asArray() : [];
  });
  expect(annots).toHaveLength(2);
  expect(volume.getPages().some((p) => p.node.has(PDFName.of('AA')))).toBe(false);
});
