/**
 * What import says when it cannot go on must be about the clerk's file, in Chinese: a unit
 * given with --unit is not "unknown", and a broken .docx never shows mammoth's or its zip
 * and XML readers' English internals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, bulletinYaml, cleanupTemp, issueYaml, makeSeries, runCli, tempDir } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CT = strToU8(
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
);
const RELS = strToU8(
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
);
const docx = (files: Record<string, string>): Uint8Array =>
  zipSync({
    '[Content_Types].xml': CT,
    '_rels/.rels': RELS,
    ...Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])),
  });
const body = `<w:document ${W}><w:body><w:p><w:r><w:t>赣南师大召开推进会。</w:t></w:r></w:p></w:body></w:document>`;

describe('import messages', () => {
  it('--unit naming a unit outside the registry: the message names it, never 不知道供稿单位', () => {
    const dir = makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-08') });
    const f = path.join(tempDir('bulletin-sub-'), '来稿.txt');
    fs.writeFileSync(f, '某单位召开推进会\n\n会议部署了工作。\n');
    const r = runCli(['import', f, '--unit', '某某研究院'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('不知道供稿单位');
    expect(r.stderr).toMatch(
      /来稿\.txt：无法判断栏目（供稿单位“某某研究院”不在 bulletin\.yaml 的名录中，不知道它属于哪一类）。请用 --section 指定/,
    );
  });

  const broken: Array<[string, () => Uint8Array]> = [
    ['a .docx cut in half', () => docx({ 'word/document.xml': body.repeat(200) }).subarray(0, 900)],
    ['a .docx whose main part is not XML', () => docx({ 'word/document.xml': `<w:document ${W}><w:body><w:p>` })],
    ['a .docx without a body', () => docx({ 'word/document.xml': `<w:document ${W}></w:document>` })],
    [
      'a .docx whose numbering makes mammoth fail inside',
      () =>
        docx({
          'word/document.xml': `<w:document ${W}><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="x"/><w:numId w:val="9"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>`,
          'word/_rels/document.xml.rels':
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="n" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
          'word/numbering.xml': `<w:numbering ${W}><w:num/></w:numbering>`,
        }),
    ],
  ];
  for (const [what, bytes] of broken) {
    it(`${what}: exit 1, a Chinese reason and what to do, no JavaScript internals`, () => {
      const dir = makeSeries({ 'bulletin.yaml': bulletinYaml(), 'issues/001/issue.yaml': issueYaml(1, '2024-05-08') });
      const f = path.join(tempDir('bulletin-sub-'), '赣南师大来稿.docx');
      fs.writeFileSync(f, bytes());
      const r = runCli(['import', f, '--section', '高校动态'], dir);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stderr).toMatch(
        /错误：赣南师大来稿\.docx (无法作为 Word 文件读取：.+。请用 Word 或 WPS 打开它，另存为 \.docx 后再导入|是压缩包)/,
      );
      expect(r.stderr).not.toMatch(/undefined|Cannot read|properties|Corrupted|xmldom|central directory|Error:|at .*\.js/);
    });
  }
});
