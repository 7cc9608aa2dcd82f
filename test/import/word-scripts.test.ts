/**
 * Superscript and subscript from Word (100m², H₂O): import keeps them as <sup> and <sub> in the
 * item, the sources' syntax for them, and every edition prints them raised or lowered and
 * smaller. Before, the item read 1200m2 and H2O: a changed meaning, silently.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { needs } from '../helpers/clients.js';
import { partsOf, textRunsOf } from '../helpers/docx-build.js';
import { readPdf, type PdfItem } from '../helpers/pdf-text.js';
import { assertCliBuilt, cleanupTemp, copySeries, REPO, runCli, tempDir } from '../helpers/series.js';

const MAKE = path.join(REPO, 'test', 'import', 'make-word-scripts.py');
const py = needs('python-docx');

let series: string;
let item: string;
let stdout: string;

py.describe('superscript and subscript of a Word file', () => {
  beforeAll(() => {
    assertCliBuilt();
    const docx = path.join(tempDir('bulletin-scripts-'), '九江市教育局-实验室.docx');
    const made = spawnSync('/usr/bin/python3', [MAKE, docx], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(made.stderr);
    series = copySeries(REPO);
    expect(runCli(['new', '--date', '2024-05-20'], series).code).toBe(0);
    const r = runCli(['import', docx, '--unit', '九江市教育局', '--section', '市县动态'], series);
    expect(r.code, r.stderr).toBe(0);
    stdout = r.stdout;
    const file = /→ issues\/010\/(\S+?\.md)/.exec(stdout)![1]!;
    item = fs.readFileSync(path.join(series, 'issues/010', file), 'utf8');
  }, 120_000);
  afterAll(cleanupTemp);

  test('the item keeps them as <sup> and <sub>, and check finds nothing to say about them', () => {
    expect(item).toContain('场地面积1200m<sup>2</sup>，可开展H<sub>2</sub>O电解等实验。');
    const c = runCli(['check', '10'], series);
    expect(c.code, c.stdout + c.stderr).toBe(0);
    expect(c.stdout + c.stderr).not.toContain('HTML');
  });

  test('the PDF prints them smaller, the 2 of m² above the line and the 2 of H₂O below it; the DOCX says vertAlign', async () => {
    const out = tempDir('bulletin-scripts-out-');
    const b = runCli(['build', '10', '-o', out], series);
    expect(b.code, b.stderr).toBe(0);
    const pdf = await readPdf(new Uint8Array(fs.readFileSync(path.join(out, '工作动态第10期.pdf'))));
    const items: PdfItem[] = pdf.pages.flatMap((p) => p.lines.flatMap((l) => l.items));
    const before = items.find((i) => i.text.endsWith('1200m'))!;
    const h = items.find((i) => i.text.endsWith('可开展H'))!;
    expect(before, 'the text before m²').toBeDefined();
    expect(h, 'the text before H₂O').toBeDefined();
    const twoAfter = (i: PdfItem): PdfItem => items.find((j) => j.text === '2' && Math.abs(j.x - (i.x + i.width)) < 1)!;
    const sup = twoAfter(before);
    const sub = twoAfter(h);
    expect(sup.size).toBeLessThan(before.size * 0.8);
    expect(sub.size).toBeLessThan(h.size * 0.8);
    // y grows downwards: raised is smaller y, lowered larger.
    expect(sup.y).toBeLessThan(before.y - 2);
    expect(sub.y).toBeGreaterThan(h.y + 1);
    const runs = textRunsOf(partsOf(fs.readFileSync(path.join(out, '工作动态第10期.docx'))).xml('word/document.xml'));
    const scripted = (v: string) =>
      runs.filter((r) => r.includes(`<w:vertAlign w:val="${v}"/>`)).map((r) => /<w:t[^>]*>([^<]*)<\/w:t>/.exec(r)?.[1]);
    expect(scripted('superscript')).toEqual(['2']);
    expect(scripted('subscript')).toEqual(['2']);
  }, 120_000);
});
