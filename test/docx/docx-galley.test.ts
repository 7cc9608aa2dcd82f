/**
 * The DOCX translates the Galley and decides nothing again: its table columns are the
 * composed widths (padding and rules added), an article title breaks where the composition
 * balanced it, and images keep the composed size — the same numbers the PDF prints.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { compose, issueMetrics } from '../../src/layout/compose.js';
import type { GImage, GParagraph, GTable, Galley } from '../../src/layout/galley.js';
import { ptToTwips } from '../../src/layout/spec.js';
import { SERIES, docxOf, issueOf, paragraphsOf, partsOf, textOf } from '../helpers/docx-build.js';

let mixed: Galley;
let sample: Galley;
let mixedDoc: string;
let sampleDoc: string;

beforeAll(async () => {
  const m = issueOf(SERIES.mixed);
  const s = issueOf(SERIES.sample);
  mixed = compose(m, issueMetrics(m));
  sample = compose(s, issueMetrics(s));
  mixedDoc = partsOf(await docxOf(m)).xml('word/document.xml');
  sampleDoc = partsOf(await docxOf(s)).xml('word/document.xml');
});

describe('the DOCX prints the composition', () => {
  test('table columns are the composed widths with padding and rules', () => {
    const t = mixed.body.find((b): b is GTable => b.kind === 'table')!;
    // The data table's grid (the contents box, issue 24, is a table before it).
    const header = t.header[0]!.map((r) => r.text).join('');
    const table = [...mixedDoc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((x) => textOf(x).includes(header))!;
    const grid = /<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(table)![1]!;
    const cols = [...grid.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((x) => Number(x[1]));
    const chrome = 2 * t.paddingXPt + t.ruleWidthPt;
    const expected = t.columns.map((c) => ptToTwips(c.widthPt + chrome));
    expect(cols.length).toBe(expected.length);
    // The last column also takes the table's closing rule and the rounding, so that the
    // table spans the block exactly.
    cols.slice(0, -1).forEach((w, i) => expect(w).toBe(expected[i]));
    expect(Math.abs(cols.at(-1)! - expected.at(-1)! - ptToTwips(t.ruleWidthPt))).toBeLessThanOrEqual(cols.length);
  });

  test('an article title breaks where the composition balanced it', () => {
    const title = sample.body.find((b): b is GParagraph => b.kind === 'paragraph' && b.style === 'articleTitle')!;
    const lines: string[] = [];
    for (const r of title.runs) r.breakBefore || !lines.length ? lines.push(r.text) : (lines[lines.length - 1] += r.text);
    const p = paragraphsOf(sampleDoc).find((x) => x.includes('<w:pStyle w:val="ArticleTitle"/>'))!;
    const printed = p.split('<w:br/>').map(textOf);
    expect(printed).toEqual(lines);
  });

  test('an image keeps the composed size and its whole grid lines', () => {
    const img = mixed.body.find((b): b is GImage => b.kind === 'image')!;
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(mixedDoc)!;
    // EMU: 12700 a point; docx rounds to whole pixels at 96 to the inch.
    expect(Math.abs(Number(extent[1]) / 12700 - img.widthPt)).toBeLessThan(1);
    expect(Math.abs(Number(extent[2]) / 12700 - img.heightPt)).toBeLessThan(1);
    const p = paragraphsOf(mixedDoc).find((x) => x.includes('<w:pStyle w:val="ImageBlock"/>'))!;
    expect(p).toContain(`w:line="${img.gridLines * ptToTwips(mixed.page.linePitchPt)}"`);
  });
});
