/**
 * Tables and lists as the composition decides them for every format (issue 20): half a
 * character of padding each side of a cell's text, a column of numbers aligned right, a free
 * grid line under a table, and one list geometry — a nested list one list indent (2
 * characters) further in, its text after a 2-character marker column — which the DOCX writes.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GList, GParagraph, GTable, Galley } from '../../src/layout/galley.js';
import { composeIssue } from '../../src/render-issue.js';
import { docxOf, paragraphsOf, partsOf } from '../helpers/docx-build.js';
import { readPdf, type PdfLine } from '../helpers/pdf-text.js';
import { renderPdf } from '../helpers/render-format.js';
import { cleanupTemp, issueYaml, makeSeries, newsItem, requireModel } from '../helpers/series.js';

afterAll(cleanupTemp);

const BODY = [
  '各地报送情况如下。',
  '',
  '| 单位 | 人数 | 占比 | 经费 |',
  '| --- | --- | :-- | --- |',
  '| 赣州市 | 120人 | 85% | 3.5万元 |',
  '| 吉安市 | 1,200 | 7.5% | |',
  '',
  '表后的段落。',
  '',
  '- 第一项',
  '  - 第一项之一',
  '  - 第一项之二',
  '- 第二项',
].join('\n');

let issueDir: string;
let galley: Galley;
let docXml: string;
let pdfLines: PdfLine[];

beforeAll(async () => {
  issueDir = makeSeries({
    'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
    'issues/001/10.md': newsItem('高校动态', '某大学召开推进会', BODY),
  });
  const issue = requireModel(issueDir);
  galley = composeIssue(issue).galley;
  docXml = partsOf(await docxOf(issue)).xml('word/document.xml');
  pdfLines = (await readPdf(await renderPdf(issue, { log: () => undefined }).then((r) => r.bytes))).pages.flatMap((p) => p.lines);
});

const table = (): GTable => galley.body.find((b): b is GTable => b.kind === 'table')!;
const list = (): GList => galley.body.find((b): b is GList => b.kind === 'list')!;
const text = (p: GParagraph): string => p.runs.map((r) => r.text).join('');

describe('tables', () => {
  test('cell text keeps half a character of the table size from the rules, left and right', () => {
    expect(table().paddingXPt).toBeCloseTo(table().sizePt / 2, 6);
    // The DOCX says the same in twips (1/20 pt) on the table's cell margins.
    const mar = /<w:tblCellMar>([\s\S]*?)<\/w:tblCellMar>/.exec(docXml)![1]!;
    const tw = (side: string): number => Number(new RegExp(`<w:${side} [^>]*w:w="(\\d+)"`).exec(mar)![1]);
    expect(tw('left')).toBe(Math.round(table().sizePt * 10));
    expect(tw('right')).toBe(Math.round(table().sizePt * 10));
  });

  test('a column of numbers (with , . % or a unit) is aligned right; one the author aligned keeps it', () => {
    expect(table().columns.map((c) => c.align)).toEqual(['left', 'right', 'left', 'right']);
    // In the DOCX too: the body cells of the number columns are right-aligned paragraphs.
    const rows = [...docXml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    const cells = [...rows[1]!.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cells.map((c) => /<w:jc w:val="(\w+)"\/>/.exec(c)?.[1] ?? 'style')).toEqual(['style', 'right', 'style', 'right']);
  });

  test('the grid line under a table stays free: the next block keeps a blank line before it', () => {
    const i = galley.body.indexOf(table());
    const next = galley.body[i + 1] as GParagraph;
    expect(text(next)).toBe('表后的段落。');
    expect(next.blankBefore).toBeGreaterThanOrEqual(1);
  });
});

describe('lists', () => {
  test('a nested list stands one list indent (2 characters) further in; text after a 2-character marker column', () => {
    const top = list();
    expect([top.markerAtChars, top.textAtChars]).toEqual([2, 4]);
    const nested = top.items[0]!.blocks.find((b): b is GList => b.kind === 'list')!;
    expect([nested.markerAtChars, nested.textAtChars]).toEqual([4, 6]);
    // What an item holds stands at its text column.
    expect(top.items[0]!.blocks[0]!.leftChars).toBe(4);
    expect(nested.items[0]!.blocks[0]!.leftChars).toBe(6);
  });

  test('the DOCX writes the same columns: marker at w:left − w:hanging, text at w:left', () => {
    const charTw = (n: number): number => n * (16 * 20 + galley.text.docxRunSpacingTwips);
    const indentOf = (t: string): { left: number; hanging: number } => {
      const p = paragraphsOf(docXml).find((x) => x.includes(`>${t}<`))!;
      const ind = /<w:ind ([^>]*)\/>/.exec(p)![1]!;
      return { left: Number(/w:left="(\d+)"/.exec(ind)![1]), hanging: Number(/w:hanging="(\d+)"/.exec(ind)![1]) };
    };
    expect(indentOf('第一项')).toEqual({ left: charTw(4), hanging: charTw(2) });
    expect(indentOf('第一项之一')).toEqual({ left: charTw(6), hanging: charTw(2) });
  });

  test('the PDF and the DOCX put a nested list’s markers and text at the same characters', () => {
    // The spec's text block: 28 mm from the page's left edge, 156 mm for 28 characters.
    const mm = 72 / 25.4;
    const pdfChars = (x: number): number => Math.round(((x - 28 * mm) / ((156 * mm) / 28)) * 100) / 100;
    const charTw = 16 * 20 + galley.text.docxRunSpacingTwips;
    const docxChars = (tw: number): number => Math.round((tw / charTw) * 100) / 100;
    for (const t of ['第一项', '第一项之一']) {
      const line = pdfLines.find((l) => l.text.replace(/\s/g, '').endsWith(t))!;
      // pdfjs reads the empty cell after the marker as a space of its own.
      const [marker, text] = line.items.filter((i) => i.text.trim() !== '');
      const p = paragraphsOf(docXml).find((x) => x.includes(`>${t}<`))!;
      const ind = /<w:ind ([^>]*)\/>/.exec(p)![1]!;
      const left = Number(/w:left="(\d+)"/.exec(ind)![1]);
      const hanging = Number(/w:hanging="(\d+)"/.exec(ind)![1]);
      expect([pdfChars(marker!.x), pdfChars(text!.x)], t).toEqual([docxChars(left - hanging), docxChars(left)]);
    }
  });
});
