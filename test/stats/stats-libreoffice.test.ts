/**
 * LibreOffice as a real client of the stats outputs: it opens the workbook (converted to CSV)
 * and the 通报 (converted to PDF, text read back with pdftotext), and both show the figures
 * the terminal table shows. Missing LibreOffice skips here and fails under CI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { needs, why } from '../helpers/clients.js';
import { convertWithLibreOffice, docxToPdf, pdfLines } from '../helpers/libreoffice.js';
import { assertCliBuilt, cleanupTemp, runCli } from '../helpers/series.js';
import { makeStatsSeries, TABLE_HEAD } from './fixture.js';

const calc = needs('libreoffice', 'libreoffice-calc');

/** Opens a workbook in LibreOffice Calc and saves its first sheet as UTF-8 CSV. */
function xlsxToCsv(xlsx: Uint8Array): string {
  // Filter options: comma, double quote, UTF-8 (76), first line 1.
  return convertWithLibreOffice(xlsx, 'stats.xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76,1', 'csv').toString('utf8');
}

/** Prints a workbook as LibreOffice Calc does (every sheet, by its own page setup) to PDF. */
function xlsxToPdf(xlsx: Uint8Array): Uint8Array {
  return new Uint8Array(convertWithLibreOffice(xlsx, 'stats.xlsx', 'pdf', 'pdf'));
}

/** Table cells come back as separate text lines at the same height: one printed row per height and page. */
function printedRows(pages: ReturnType<typeof pdfLines>): string[] {
  return pages.flatMap((p) => {
    const rows = new Map<number, string[]>();
    for (const l of p.lines) {
      const y = [...rows.keys()].find((k) => Math.abs(k - l.yMin) < 2) ?? l.yMin;
      rows.set(y, [...(rows.get(y) ?? []), l.text]);
    }
    return [...rows.values()].map((cells) => cells.join(' '));
  });
}

let dir: string;
beforeAll(() => {
  assertCliBuilt();
  dir = makeStatsSeries();
});
afterAll(cleanupTemp);

calc.describe(`stats outputs in LibreOffice${why(calc)}`, () => {
  test('the workbook opens in Calc with the same figures as the terminal table', () => {
    const out = path.join(dir, 'q2.xlsx');
    expect(runCli(['stats', '-y', '2024', '-q', '2', '-o', out], dir).code).toBe(0);
    const rows = xlsxToCsv(fs.readFileSync(out))
      .split(/\r?\n/)
      .map((l) => l.split(',').map((f) => f.replace(/^"(.*)"$/, '$1')));
    const at = (name: string): string[] | undefined => rows.find((r) => r[1] === name);
    expect(rows[0]![0]).toBe('《工作动态》信息报送情况（2024年第2季度）');
    expect(rows[3]).toEqual(TABLE_HEAD);
    expect(at('赣南师范大学')).toEqual(['1', '赣南师范大学', '高校', '0', '3', '0', '0', '0', '3', '2', '1', '50%']);
    expect(at('赣州市教育局')).toEqual(['2', '赣州市教育局', '设区市', '0', '0', '0', '1', '0', '2', '0', '0', '—']);
    expect(at('九江学院')).toEqual(['4', '九江学院', '高校', '0', '1', '0', '0', '0', '1', '1', '1', '100%']);
    expect(at('合计')).toEqual(['', '合计', '', '0', '5', '0', '1', '0', '7', '4', '2', '50%']);

    // The terminal table agrees, row for row.
    const table = runCli(['stats', '-y', '2024', '-q', '2'], dir).stdout;
    for (const name of ['赣南师范大学', '赣州市教育局', '江西师范大学', '九江学院']) {
      const line = table.split('\n').find((l) => l.includes(`  ${name}  `))!;
      expect(line.trim().split(/\s+/)).toEqual(at(name));
    }
  });

  test('both sheets of the workbook print one page wide in Calc: every row whole on its page', () => {
    const out = path.join(dir, 'year.xlsx');
    expect(runCli(['stats', '-y', '2024', '-o', out], dir).code).toBe(0);
    const lines = printedRows(pdfLines(xlsxToPdf(fs.readFileSync(out))));
    // Sheet 信息报送统计: its header row from 序号 to 采用率 on one line.
    expect(
      lines.find((l) => l.includes('序号')),
      lines.join('\n'),
    ).toMatch(/序号.*单位.*合计.*采用率/);
    // Sheet 稿件明细: the header from 期次 to 文件, and every item from its issue to its file.
    expect(
      lines.find((l) => l.includes('期次')),
      lines.join('\n'),
    ).toMatch(/期次.*标题.*单位来源.*文件/);
    const located = lines.filter((l) => /issues\/\d{3}\/\S+\.md:\d+/.test(l));
    expect(located.length).toBeGreaterThan(5);
    for (const l of located) expect(l, lines.join('\n')).toMatch(/^第\d+期 /);
  });

  test('the 通报 opens in Writer: title, opening, table rows by kind and the 催报 line as printed', () => {
    const out = path.join(dir, 'q2.docx');
    expect(runCli(['stats', '-y', '2024', '-q', '2', '-o', out], dir).code).toBe(0);
    const pages = pdfLines(docxToPdf(fs.readFileSync(out), 'tongbao'));
    const lines = printedRows(pages);
    const text = lines.join('\n');
    // The title is centred on the page, in one or two lines.
    const first = pages[0]!.lines[0]!;
    expect(Math.abs((first.xMin + first.xMax) / 2 - pages[0]!.width / 2)).toBeLessThan(6);
    expect(lines.slice(0, 2).join('').replace(/\s/g, '')).toBe('关于2024年第2季度《工作动态》信息报送情况的通报');
    const row = (name: string): string[] => lines.find((l) => l.includes(name) && /\d/.test(l))!.split(/\s+/);
    expect(row('赣南师范大学')).toEqual(['1', '赣南师范大学', '0', '3', '0', '0', '0', '3', '2', '1', '50%']);
    expect(row('赣州市教育局')).toEqual(['4', '赣州市教育局', '0', '0', '0', '1', '0', '2', '0', '0', '—']);
    expect(
      lines
        .find((l) => /^合计 /.test(l.trim()))!
        .trim()
        .split(/\s+/),
    ).toEqual(['合计', '0', '5', '0', '1', '0', '7', '4', '2', '50%']);
    expect(lines).toContain('一、高校');
    expect(lines).toContain('二、设区市');
    expect(text.replace(/\s/g, '')).toContain('本期间没有报送信息的单位：江西省教育厅、南昌市教育局、上饶市教育局。');
  });
});
