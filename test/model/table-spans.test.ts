/**
 * The sources' syntax for merged table cells (README, src/sources/table-spans.ts): ^ joins the
 * cell above, || (no space) the cell to the left, > the cell to the right; a ^ in the first
 * body row joins the header (a two-level header); \^ and a spaced empty cell are plain cells.
 * Read into the model's grid and spans, and composed into the table's head rows.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { compose, issueMetrics } from '../../src/layout/compose.js';
import type { GTable } from '../../src/layout/galley.js';
import type { Article, Table } from '../../src/model/types.js';
import { GEOM, renderAndRead } from '../helpers/pdf-render.js';
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
    [
      '| 单位 | 派出人数 || 备注 |',
      '| - | - | - | - |',
      '| ^ | 教师 | 学生 | ^ |',
      '| 九江学院 | 12 | 30 | 首批 |',
      '| ^ | 8 | 20 | 第二批 |',
      '| 合计 || 50 | |',
    ].join('\n'),
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
  const { table, composed } = tableOf(
    ['| 项目 | 甲 | 乙 |', '| - | - | - |', '| > | 这一格跨过两列而且写得相当长 | 3 |', '| 一 | 二 | 三 |'].join('\n'),
  );
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

describe('merged cells on paper', () => {
  // Single rows to fill most of a page, then groups of three rows merged down: over these
  // counts of single rows, a group meets the foot of the page at each of its rows.
  test.each([12, 13, 14, 15, 16, 17, 18, 19])(
    'rows joined by a cell merged down stay on one page; both head rows repeat on the next (%i rows before)',
    async (n) => {
      const filler = Array.from({ length: n }, (_, i) => `| 单位${i + 1} | ${i} | ${i} | 无 |`);
      const groups = Array.from({ length: 4 }, (_, k) => [
        `| 学院${k + 1} | 1 | 2 | 甲${k + 1} |`,
        `| ^ | 3 | 4 | 乙${k + 1} |`,
        `| ^ | 5 | 6 | 丙${k + 1} |`,
      ]).flat();
      const md = ['| 单位 | 人数 || 备注 |', '| - | - | - | - |', '| ^ | 教师 | 学生 | ^ |', ...filler, ...groups].join('\n');
      const dir = makeSeries({
        'issues/001/issue.yaml': issueYaml(1, '2024-05-20'),
        'issues/001/a.md': `---\nsection: 经验交流\ntitle: 测试文章\n---\n\n${'正文一段，写得长一些，占去几行的位置。'.repeat(12)}\n\n${md}\n`,
      });
      const m = buildModel(dir);
      expect(m.errors).toEqual([]);
      const { pdf } = await renderAndRead(m.issue!);
      const pageOf = (text: string): number[] =>
        pdf.pages.filter((p) => p.lines.some((l) => l.items.some((i) => i.text.replace(/\s/g, '') === text))).map((p) => p.number);
      const pages = new Set<number>();
      for (let k = 1; k <= 4; k++) {
        const [a, b, c] = [pageOf(`甲${k}`), pageOf(`乙${k}`), pageOf(`丙${k}`)];
        expect(a, `group ${k}`).toHaveLength(1);
        expect(b, `group ${k}`).toEqual(a);
        expect(c, `group ${k}`).toEqual(a);
        pages.add(a[0]!);
      }
      // The table does go over a page, and the page it goes on to starts with both head rows.
      const [first, ...more] = [...new Set([...pageOf('单位1'), ...pages])].sort();
      expect(more.length).toBeGreaterThan(0);
      for (const p of [first!, ...more]) {
        expect(pageOf('教师'), `head on page ${p}`).toContain(p);
        expect(pageOf('人数'), `head on page ${p}`).toContain(p);
      }
    },
    60_000,
  );
});

/** Spec §1: the text block is 225 mm high under a 37 mm top margin: it ends 262 mm from the top. */
const BLOCK_BOTTOM = GEOM.bottom;

/** An issue of one article holding the table `md` between two paragraphs, as its PDF reads back. */
async function articleWithTable(md: string): Promise<Awaited<ReturnType<typeof renderAndRead>>['pdf']> {
  const dir = makeSeries({
    'issues/001/issue.yaml': issueYaml(1, '2024-05-20'),
    'issues/001/a.md': `---\nsection: 经验交流\ntitle: 测试文章\n---\n\n正文。\n\n${md}\n\n表后一段。\n`,
  });
  const m = buildModel(dir);
  expect(m.errors).toEqual([]);
  return (await renderAndRead(m.issue!)).pdf;
}

describe('a cell merged down over more rows than a page holds', () => {
  test('the rows go on over the pages inside the text block, each printed once; the merged cell’s text once, its lines kept; the head on every page', async () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => `| ${i === 0 ? '赣县区试点学校名单（含县城及各乡镇中心学校、村小和教学点在内）' : '^'} | 学校${i + 1} | ${i + 1} |`,
    );
    const md = ['| 县（区） | 学校 | 人数 |', '| - | - | - |', ...rows, '| 合计 || 820 |'].join('\n');
    const pdf = await articleWithTable(md);
    const found = (t: string) =>
      pdf.pages.flatMap((p) =>
        p.lines.flatMap((l) => l.items.filter((i) => i.text.replace(/\s/g, '') === t).map((i) => ({ ...i, page: p.number }))),
      );
    const pagesWithTable: number[] = [];
    for (let k = 1; k <= 40; k++) {
      const got = found(`学校${k}`);
      expect(got, `学校${k}`).toHaveLength(1);
      expect(got[0]!.y, `学校${k} inside the text block`).toBeLessThan(BLOCK_BOTTOM);
      pagesWithTable.push(got[0]!.page);
    }
    const total = found('820');
    expect(total).toHaveLength(1);
    expect(total[0]!.y).toBeLessThan(BLOCK_BOTTOM);
    const tablePages = [...new Set([...pagesWithTable, total[0]!.page])];
    expect(tablePages.length).toBeGreaterThan(1);
    for (const p of tablePages)
      expect(
        found('县（区）').map((i) => i.page),
        `head on page ${p}`,
      ).toContain(p);
    // The merged cell's text: every character printed once, inside the text block.
    // Its text: what the first column holds between each page's head and the table's last row there.
    const column2 = found('学校1')[0]!.x;
    const cellText = pdf.pages.flatMap((p) => {
      const rowsHere = [...Array.from({ length: 40 }, (_, k) => found(`学校${k + 1}`)), total].flat().filter((i) => i.page === p.number);
      if (!rowsHere.length) return [];
      const headY = found('县（区）').find((i) => i.page === p.number)!.y;
      const lastY = Math.max(...rowsHere.map((i) => i.y));
      return p.lines
        .flatMap((l) => l.items)
        .filter((i) => i.x < column2 && i.y > headY && i.y <= lastY + 1 && i.text.replace(/\s/g, '') !== '合计');
    });
    expect(cellText.map((i) => i.text.replace(/\s/g, '')).join('')).toBe('赣县区试点学校名单（含县城及各乡镇中心学校、村小和教学点在内）');
    for (const i of cellText) expect(i.y).toBeLessThan(BLOCK_BOTTOM);
    for (const i of found('表后一段。')) expect(i.y).toBeLessThan(BLOCK_BOTTOM);
  }, 60_000);
});

describe('one row taller than a page', () => {
  test('its cells go on over the pages inside the text block, every sentence printed once, in order, the head on every page', async () => {
    const sentences = Array.from({ length: 60 }, (_, i) => `第${i + 1}次试点学校开展听课评课和专题讲座，受到欢迎。`);
    const md = [
      '| 单位 | 活动 | 人数 |',
      '| - | - | - |',
      '| 九江学院 | 简短 | 12 |',
      `| 赣南师范大学 | ${sentences.join('')} | 30 |`,
      '| 合计 || 42 |',
    ].join('\n');
    const pdf = await articleWithTable(md);
    const items = pdf.pages.flatMap((p) => p.lines.flatMap((l) => l.items.map((i) => ({ ...i, page: p.number }))));
    for (const i of items.filter((i) => !/^—\s*\d+\s*—$/.test(i.text.trim())))
      expect(i.y, `${i.text} on page ${i.page}`).toBeLessThan(BLOCK_BOTTOM);
    // The middle column, read in page order under each page's head row: 简短, then every sentence once, in order.
    const head = (t: string) => items.filter((i) => i.text.replace(/\s/g, '') === t);
    // The column's text starts at its left padding, where 简短 stands; the third column's head is right of it.
    const [left, num] = [head('简短')[0]!.x, head('人数')[0]!.x];
    const column = items.filter((i) => {
      const top = head('活动').find((h) => h.page === i.page);
      const end = head('合计').find((h) => h.page === i.page);
      return top !== undefined && i.y > top.y + 1 && i.y < (end ? end.y - 1 : BLOCK_BOTTOM) && i.x > left - 1 && i.x < num - 20;
    });
    expect(column.map((i) => i.text.replace(/\s/g, '')).join('')).toBe(`简短${sentences.join('')}`);
    const pages = [...new Set(items.filter((i) => i.text.includes('讲座')).map((i) => i.page))];
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages)
      expect(
        items.some((i) => i.page === p && i.text.replace(/\s/g, '') === '单位'),
        `head on page ${p}`,
      ).toBe(true);
    expect(items.some((i) => i.text.includes('表后一段'))).toBe(true);
  }, 60_000);
});
