/**
 * The sources' syntax for merged table cells (README, src/sources/table-spans.ts): ^ joins the
 * cell above, || (no space) the cell to the left, > the cell to the right; a ^ in the first
 * body row joins the header (a two-level header); \^ and a spaced empty cell are plain cells.
 * Read into the model's grid and spans, and composed into the table's head rows.
 */
import { afterAll, expect, test } from 'vitest';
import { compose, issueMetrics } from '../../src/layout/compose.js';
import type { GTable } from '../../src/layout/galley.js';
import type { Article, Table } from '../../src/model/types.js';
import { buildModel, cleanupTemp, issueYaml, makeSeries, text } from '../helpers/series.js';

afterAll(cleanupTemp);

function tableOf(md: string): { table: Table; composed: GTable } {
  const dir = makeSeries({
    'issues/001/issue.yaml': issueYaml(1, '2024-05-20'),
    'issues/001/a.md': `---\nsection: 经验交流\ntitle: 测试文章\n---\n\n正文。\n\n${md}\n`,
  });
  const m = buildModel(dir);
  expect(m.errors).toEqual([]);
  const table = (m.issue!.sections[0]!.entries[0] as Article).blocks.find((b): b is Table => b.type === 'table')!;
  const composed = compose(m.issue!, issueMetrics(m.issue!)).body.find((b): b is GTable => b.kind === 'table')!;
  return { table, composed };
}

const grid = (t: Table): string[][] => [t.header, ...t.rows].map((r) => r.map((c) => text(c.runs)));

test('^ down, || across, a two-level header; the covered cells are empty', () => {
  const { table, composed } = tableOf(
    ['| 单位 | 派出人数 || 备注 |', '| - | - | - | - |', '| ^ | 教师 | 学生 | ^ |', '| 九江学院 | 12 | 30 | 首批 |', '| ^ | 8 | 20 | 第二批 |', '| 合计 || 50 | |'].join('\n'),
  );
  expect(grid(table)).toEqual([
    ['单位', '派出人数', '', '备注'],
    ['', '教师', '学生', ''],
    ['九江学院', '12', '30', '首批'],
    ['', '8', '20', '第二批'],
    ['合计', '', '50', ''],
  ]);
  expect(table.spans).toEqual([
    { row: 0, col: 0, rows: 2, cols: 1 },
    { row: 0, col: 1, rows: 1, cols: 2 },
    { row: 0, col: 3, rows: 2, cols: 1 },
    { row: 2, col: 0, rows: 2, cols: 1 },
    { row: 4, col: 0, rows: 1, cols: 2 },
  ]);
  // The header cells that reach down make the second row part of the head.
  expect(composed.headerRows).toBe(2);
  expect(composed.spans).toEqual(table.spans);
  // A head row is set in the head's face; the body in the body's.
  expect(composed.rows[0]![1]![0]!.role).toBe('hei');
  expect(composed.rows[1]![1]![0]!.role).toBe('body');
});

test('> joins the cell to its right; a cell merged across sets no column width of its own', () => {
  const { table, composed } = tableOf(['| 项目 | 甲 | 乙 |', '| - | - | - |', '| > | 这一格跨过两列而且写得相当长 | 3 |', '| 一 | 二 | 三 |'].join('\n'));
  expect(grid(table)).toEqual([
    ['项目', '甲', '乙'],
    ['这一格跨过两列而且写得相当长', '', '3'],
    ['一', '二', '三'],
  ]);
  expect(table.spans).toEqual([{ row: 1, col: 0, rows: 1, cols: 2 }]);
  expect(composed.headerRows).toBe(1);
  // The long merged text wraps in the two columns together instead of widening the first: the
  // widths are those of the same table with a short text there.
  const short = tableOf(['| 项目 | 甲 | 乙 |', '| - | - | - |', '| > | 短 | 3 |', '| 一 | 二 | 三 |'].join('\n')).composed;
  expect(composed.columns.map((c) => c.widthPt)).toEqual(short.columns.map((c) => c.widthPt));
});

test('\\^ is a ^, a ^ in the header row and a spaced empty cell are plain cells, no merge', () => {
  const { table } = tableOf(['| ^ | 乙 |', '| - | - |', '| \\^ | 二 |', '| 三 |  |', '| ^ | 四 |'].join('\n'));
  expect(grid(table)).toEqual([
    ['^', '乙'],
    ['^', '二'],
    ['三', ''],
    ['', '四'],
  ]);
  expect(table.spans).toEqual([{ row: 2, col: 0, rows: 2, cols: 1 }]);
});

test('tables without merges are unchanged: no spans, one head row', () => {
  const { table, composed } = tableOf(['| 甲 | 乙 |', '| - | - |', '| 一 | 二 |'].join('\n'));
  expect(table.spans).toBeUndefined();
  expect(composed.spans).toEqual([]);
  expect(composed.headerRows).toBe(1);
});
