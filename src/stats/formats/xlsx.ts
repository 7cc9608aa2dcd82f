/**
 * `--format xlsx`: a workbook through exceljs (loaded only for this format, with the fix of
 * src/compat/exceljs that makes its styles valid to the schema). Sheet 信息报送统计
 * holds the title, the issues counted, a header row, every unit of the registry and a totals
 * row, with column widths fitted to the Chinese text; sheet 稿件明细 lists every item counted
 * with its unit and how the unit was known, so the figures can be checked line by line.
 */
import { loadExcelJs } from '../../compat/exceljs/index.js';
import { statsTitle, tableCells, weightsNote, type Stats } from '../count.js';
import { describe } from '../describe.js';
import { stampDate } from '../stamp.js';
import { displayWidth } from '../text-width.js';
import { unzipSync } from 'fflate';
import { ooxmlZip } from '../../output/ooxml-zip.js';

const FONT = '宋体';

/**
 * Printed from Excel, WPS or Calc: A4 landscape, every column on one page wide, as many pages
 * down as the rows need (fitToHeight 0), the header row repeated on each.
 */
const ONE_PAGE_WIDE = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;
const KIND_WORD = { news: '动态', article: '文章', note: '编者按' } as const;

export async function renderXlsx(stats: Stats): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const stamp = stampDate(stats);
  const when = new Date(`${stamp}T00:00:00Z`);
  const wb = new ExcelJS.Workbook();
  wb.creator = stats.publisher;
  wb.lastModifiedBy = stats.publisher;
  wb.created = when;
  wb.modified = when;
  wb.title = statsTitle(stats);

  const { header, body, totals } = tableCells(stats, stats.rows);
  const ws = wb.addWorksheet('信息报送统计', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.pageSetup = { ...ONE_PAGE_WIDE, printTitlesRow: '4:4' };
  const title = ws.addRow([statsTitle(stats)]);
  title.font = { name: FONT, size: 14, bold: true };
  ws.mergeCells(1, 1, 1, header.length);
  title.alignment = { horizontal: 'center' };
  ws.addRow([describe.issues(stats)]).font = { name: FONT, size: 10 };
  ws.mergeCells(2, 1, 2, header.length);
  ws.addRow([]);
  const head = ws.addRow(header);
  head.font = { name: FONT, bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle' };
  const numeric = (k: number): boolean => k === 0 || k >= 3;
  const toCell = (c: string, k: number): string | number | null =>
    c === '' ? null : numeric(k) && /^\d+(\.\d+)?$/.test(c) ? Number(c) : c;
  for (const r of body) ws.addRow(r.map(toCell)).font = { name: FONT };
  const sum = ws.addRow(totals.map(toCell));
  sum.font = { name: FONT, bold: true };
  const border = { style: 'thin' as const };
  for (let i = head.number; i <= sum.number; i++) {
    ws.getRow(i).eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = { top: border, bottom: border, left: border, right: border };
      if (col > 3 && i > head.number) cell.alignment = { horizontal: 'right' };
    });
  }
  const notes = [weightsNote(stats.weights), stats.silent.length ? `没有报送信息的单位：${describe.silentNames(stats)}` : undefined].filter(
    (x): x is string => !!x,
  );
  if (notes.length) ws.addRow([]);
  for (const n of notes) ws.addRow([n]).font = { name: FONT, size: 10 };
  ws.columns.forEach((col, k) => {
    const w = Math.max(...[header, ...body, totals].map((r) => displayWidth(r[k] ?? '')));
    col.width = Math.max(6, w + 2);
  });

  const detail = wb.addWorksheet('稿件明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.pageSetup = { ...ONE_PAGE_WIDE, printTitlesRow: '1:1' };
  const detailHeader = ['期次', '栏目', '类型', '标题', '单位', '单位来源', '文件'];
  const dh = detail.addRow(detailHeader);
  dh.font = { name: FONT, bold: true };
  const detailRows = stats.collected.items.map((c) => [
    c.issue,
    c.section,
    KIND_WORD[c.kind],
    c.label,
    c.units.join('、') || '（未识别）',
    c.units.length ? (c.inferred ? '由标题推断' : '前言区 unit') : '',
    `${c.at.file}:${c.at.line}`,
  ]);
  for (const r of detailRows) detail.addRow(r).font = { name: FONT };
  detail.columns.forEach((col, k) => {
    const w = Math.max(...[detailHeader, ...detailRows].map((r) => displayWidth(r[k] ?? '')));
    col.width = Math.min(60, Math.max(6, w + 2));
  });

  // exceljs stamps the clock into the zip entries: repacked, the same figures give the same bytes.
  const packed = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return ooxmlZip(unzipSync(packed), stamp, 9);
}
