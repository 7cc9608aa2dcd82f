/**
 * The docx package's files taken from its compiler (src/compat/docx/package-files.ts) are the
 * files Packer itself zips: same names, same bytes.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { packageFiles } from '../../src/compat/docx/package-files.js';

test('the same files as Packer.toBuffer zips', async () => {
  const make = () =>
    new Document({ creator: 'bulletin', sections: [{ children: [new Paragraph({ children: [new TextRun('协同提质')] })] }] });
  const ours = packageFiles(make());
  const zipped = unzipSync(new Uint8Array(await Packer.toBuffer(make())));
  expect([...ours.keys()].sort()).toEqual(Object.keys(zipped).sort());
  const stamp = (s: string) => s.replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, '<dcterms:$1>');
  for (const [name, content] of ours) {
    const theirs = zipped[name]!;
    if (typeof content === 'string') expect(stamp(content), name).toBe(stamp(strFromU8(theirs)));
    else expect(Buffer.from(content).equals(Buffer.from(theirs)), name).toBe(true);
  }
});
