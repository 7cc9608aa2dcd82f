/**
 * The DOCX's text is the printed text: for 第9期, the mixed and the news fixture, the text a
 * reader of the DOCX gets — python-docx's paragraphs and table cells, and the w:t elements of
 * word/document.xml — holds exactly the characters of the PDF's text (page-number footers left
 * out, whitespace ignored), and none that the PDF does not hold: nothing invisible, nothing
 * added to steer a client. Table cells print across each other's lines in the PDF, so the
 * characters are compared as multisets. python-docx is a Debian package (python3-docx);
 * under CI its absence fails the test.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clientPath, needs, why } from '../helpers/clients.js';
import { renderPdf } from '../helpers/render-format.js';
import { ROOT, docxOf, issueOf, partsOf, quiet } from '../helpers/docx-build.js';
import { readPdf } from '../helpers/pdf-text.js';

const FIXTURES = { 第9期: ROOT, mixed: path.join(ROOT, 'test', 'fixtures', 'mixed'), news: path.join(ROOT, 'test', 'fixtures', 'news') };
type Name = keyof typeof FIXTURES;
const names = Object.keys(FIXTURES) as Name[];

/**
 * Body paragraphs and table cells in document order, with python-docx's own classes. Its
 * Paragraph.text (0.8.11, Debian 12) leaves out runs inside w:hyperlink; those runs are read
 * with its Run class too.
 */
const READ = `
import json, sys, docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
d = docx.Document(sys.argv[1])
def para(p):
    return ''.join(Run(r, p).text for r in p._p.xpath('./w:r | ./w:hyperlink/w:r'))
def block(el, parent):
    if el.tag == qn('w:p'):
        yield para(Paragraph(el, parent))
    elif el.tag == qn('w:tbl'):
        for row in Table(el, parent).rows:
            seen = set()
            for cell in row.cells:
                if id(cell._tc) in seen: continue
                seen.add(id(cell._tc))
                for child in cell._tc.iterchildren():
                    yield from block(child, cell)
print(json.dumps([t for el in d.element.body.iterchildren() for t in block(el, d)], ensure_ascii=False))
`;

const pyDocx = needs('python-docx');
const python = clientPath('python-docx');

const squeeze = (s: string): string => s.replace(/\s/gu, '');
const PAGE_NUMBER = /^—\d+—$/;

/** Characters of `a` that `b` lacks, counted: what one text has more of than the other. */
function surplus(a: string, b: string): Record<string, number> {
  const count = new Map<string, number>();
  for (const c of b) count.set(c, (count.get(c) ?? 0) + 1);
  const out: Record<string, number> = {};
  for (const c of a) {
    const n = count.get(c) ?? 0;
    if (n > 0) count.set(c, n - 1);
    else
      out[`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${c}`] =
        (out[`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${c}`] ?? 0) + 1;
  }
  return out;
}

interface Texts {
  pdf: string;
  xml: string;
  python?: string;
}

const texts = {} as Record<Name, Texts>;
let work: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-docx-text-'));
  for (const name of names) {
    const issue = issueOf(FIXTURES[name]);
    const docx = await docxOf(issue);
    const pdf = await readPdf((await renderPdf(issue, quiet)).bytes);
    const printed = pdf.pages.flatMap((p) => p.lines.map((l) => squeeze(l.text))).filter((t) => !PAGE_NUMBER.test(t));
    const xml = [
      ...partsOf(docx)
        .xml('word/document.xml')
        .matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g),
    ]
      .map((m) => m[1])
      .join('');
    const entities = (s: string): string =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    texts[name] = { pdf: printed.join(''), xml: squeeze(entities(xml)) };
    if (python) {
      const file = path.join(work, `${name}.docx`);
      fs.writeFileSync(file, docx);
      const r = spawnSync(python, ['-c', READ, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
      if (r.status !== 0) throw new Error(`python-docx failed: ${r.stderr}`);
      texts[name].python = squeeze((JSON.parse(r.stdout) as string[]).join(''));
    }
  }
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the DOCX holds the printed text, nothing more', () => {
  test.for(names)('%s: the XML’s text has the PDF’s characters and no other', (name) => {
    const t = texts[name];
    expect(t.pdf.length).toBeGreaterThan(500);
    expect(surplus(t.xml, t.pdf), 'in the DOCX, not in the PDF').toEqual({});
    expect(surplus(t.pdf, t.xml), 'in the PDF, not in the DOCX').toEqual({});
  });

  pyDocx.describe(`python-docx${why(pyDocx)}`, () => {
    test.for(names)('%s: python-docx reads the PDF’s characters and no other', (name) => {
      const t = texts[name];
      expect(t.python).toBeDefined();
      expect(surplus(t.python!, t.pdf), 'read by python-docx, not in the PDF').toEqual({});
      expect(surplus(t.pdf, t.python!), 'in the PDF, not read by python-docx').toEqual({});
    });
  });
});
