/**
 * `bulletin stats` on a series of five issues over three quarters: exact counts per unit and
 * quarter, units inferred from the lead, an item of two units, items of no unit, received and
 * adopted from the import records, units with nothing; every output format read back.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSeries } from '../../src/pipeline.js';
import { collect } from '../../src/stats/collect.js';
import { countStats, type Stats, type UnitRow } from '../../src/stats/count.js';
import { resolvePeriod } from '../../src/stats/period.js';
import { displayWidth } from '../../src/stats/text-width.js';
import {
  assertCliBuilt,
  bulletinYaml,
  cleanupTemp,
  issueYaml,
  makeSeries,
  newsItem,
  REPO,
  runCli,
  snapshotTree,
} from '../helpers/series.js';
import { makeStatsSeries, TABLE_HEAD } from './fixture.js';

let dir: string;
beforeAll(() => {
  assertCliBuilt();
  dir = makeStatsSeries();
});
afterAll(cleanupTemp);

function statsFor(opts: { year?: string; quarter?: string; from?: string; to?: string }): Stats {
  const ctx = openSeries(dir);
  return countStats(ctx.series, collect(ctx, resolvePeriod(opts, undefined)));
}

/** Row figures by unit: [per column…, total, received, adopted]. */
function figures(stats: Stats): Record<string, number[]> {
  return Object.fromEntries(stats.rows.map((r: UnitRow) => [r.name, [...r.counts, r.total, r.received, r.adopted]]));
}

describe('counting', () => {
  // Columns: 省级动态 高校动态 市县动态 经验交流 编者按 | 合计 收稿 采用
  test('first quarter: unit: through an alias, units inferred from the lead, one lead naming two units', () => {
    const s = statsFor({ year: '2024', quarter: '1' });
    expect(s.collected.issues.map((i) => i.label)).toEqual(['第1期', '第2期']);
    expect(s.columns.map((c) => c.title)).toEqual(['省级动态', '高校动态', '市县动态', '经验交流', '编者按']);
    expect(figures(s)).toEqual({
      江西省教育厅: [1, 0, 0, 0, 0, 1, 0, 0],
      江西师范大学: [0, 2, 1, 0, 0, 3, 0, 0],
      赣南师范大学: [0, 1, 0, 0, 0, 1, 0, 0],
      九江学院: [0, 0, 0, 0, 0, 0, 0, 0],
      赣州市教育局: [0, 0, 0, 0, 0, 0, 0, 0],
      南昌市教育局: [0, 0, 1, 0, 0, 1, 0, 0],
      上饶市教育局: [0, 0, 0, 0, 0, 0, 0, 0],
    });
    // By total, then registry order for ties and for the units with nothing.
    expect(s.rows.map((r) => r.name)).toEqual([
      '江西师范大学',
      '江西省教育厅',
      '赣南师范大学',
      '南昌市教育局',
      '九江学院',
      '赣州市教育局',
      '上饶市教育局',
    ]);
    expect(s.silent.map((r) => r.name)).toEqual(['九江学院', '赣州市教育局', '上饶市教育局']);
    expect(s.hasImports).toBe(false);
    expect(s.unassigned).toEqual([]);
    const inferred = s.inferred.map((c) => [c.at.file, c.units]);
    expect(inferred).toEqual([
      ['issues/001/10-省级.md', ['江西省教育厅']],
      ['issues/002/30-市县.md', ['南昌市教育局', '江西师范大学']],
    ]);
    expect(s.rows.find((r) => r.name === '江西师范大学')!.inferred).toBe(1);
  });

  test('second quarter: weights, two units in one unit:, received and adopted from imports.yaml, items of no unit', () => {
    const s = statsFor({ year: '2024', quarter: '2' });
    expect(s.collected.issues.map((i) => i.isoDate)).toEqual(['2024-04-01', '2024-06-30']);
    expect(figures(s)).toEqual({
      赣南师范大学: [0, 3, 0, 0, 0, 3, 2, 1],
      赣州市教育局: [0, 0, 0, 1, 0, 2, 0, 0],
      江西师范大学: [0, 1, 0, 0, 0, 1, 1, 0],
      九江学院: [0, 1, 0, 0, 0, 1, 1, 1],
      江西省教育厅: [0, 0, 0, 0, 0, 0, 0, 0],
      南昌市教育局: [0, 0, 0, 0, 0, 0, 0, 0],
      上饶市教育局: [0, 0, 0, 0, 0, 0, 0, 0],
    });
    expect(s.rows.map((r) => r.name).slice(0, 4)).toEqual(['赣南师范大学', '赣州市教育局', '江西师范大学', '九江学院']);
    expect(s.totals).toEqual({ counts: [0, 5, 0, 1, 0], total: 7, received: 4, adopted: 2 });
    expect(s.hasImports).toBe(true);
    expect(s.silent.map((r) => r.name)).toEqual(['江西省教育厅', '南昌市教育局', '上饶市教育局']);
    expect(s.unassigned.map((c) => `${c.at.file}:${c.at.line}`)).toEqual(['issues/003/00-编者按.md:2', 'issues/004/30-某县.md:5']);
    expect(s.inferred.map((c) => [c.kind, c.units, c.inferredFrom])).toEqual([['article', ['赣州市教育局'], ['赣州市']]]);
  });

  test('--from/--to of the same days equals the quarter; the day after the quarter is the next one', () => {
    expect(figures(statsFor({ from: '2024-04-01', to: '2024-06-30' }))).toEqual(figures(statsFor({ year: '2024', quarter: '2' })));
    const q3 = statsFor({ year: '2024', quarter: '3' });
    expect(q3.rows.filter((r) => r.total > 0).map((r) => [r.name, r.total])).toEqual([['上饶市教育局', 1]]);
    const year = statsFor({ year: '2024' });
    expect(year.collected.issues).toHaveLength(5);
    expect(year.rows.find((r) => r.name === '江西师范大学')!.total).toBe(4);
  });
});

describe('periods that make no sense end in a clear message and exit 1', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--year', '2024', '--quarter', '5'], /季度 5 不在 1～4 之间/],
    [['--year', '2024', '--quarter', '第二'], /季度“第二”不是数字/],
    [['--from', '2024-06-30', '--to', '2024-04-01'], /--from 2024-06-30 在 --to 2024-04-01 之后/],
    [['--from', '2024-02-30', '--to', '2024-04-01'], /--from 的日期 2024-02-30 不存在/],
    [['--year', '2024', '--quarter', '2', '--from', '2024-04-01'], /只能选一种/],
    [['--format', 'pdf'], /不认识的输出格式“pdf”/],
  ];
  test.each(cases)('%j', (args, message) => {
    const before = snapshotTree(dir);
    const r = runCli(['stats', ...args], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('内部错误');
    expect(snapshotTree(dir)).toEqual(before);
  });

  test('--quarter without --year takes the year of the latest issue and says so', () => {
    const r = runCli(['stats', '--quarter', '2'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('没有写 --year，按最新一期的年份 2024 年统计');
    expect(r.stdout).toContain('信息报送情况（2024年第2季度）');
  });

  test('bare `bulletin stats`: the quarter of the latest issue', () => {
    const r = runCli(['stats'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2024 年第3季度');
    expect(r.stdout).toContain('上饶市教育局');
  });
});

describe('outputs', () => {
  test('table: aligned columns by display width, inferred and unassigned items listed with file:line, 催报 line', () => {
    const r = runCli(['stats', '--year', '2024', '--quarter', '2'], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const head = lines.findIndex((l) => l.startsWith('序号'));
    expect(head).toBeGreaterThan(0);
    const table = [lines[head]!, ...lines.slice(head + 2, head + 6)];
    expect(table[1]).toMatch(/^\s+1\s+赣南师范大学\s+高校\s+0\s+3\s+0\s+0\s+0\s+3\s+2\s+1\s+50%$/);
    expect(table[4]).toMatch(/^\s+4\s+九江学院\s+高校\s+0\s+1\s+0\s+0\s+0\s+1\s+1\s+1\s+100%$/);
    // Every row ends in the same terminal column, Chinese counted two columns wide.
    const widths = [...table, lines[head + 7]!].map(displayWidth);
    expect(new Set(widths).size).toBe(1);
    expect(r.stdout).toContain('issues/003/40-经验.md:3  赣州市教育局（推断，标题中有“赣州市”）');
    expect(r.stdout).toContain('issues/004/30-某县.md:5  动态：某县举办乡村教师培训。');
    expect(r.stdout).toContain('江西省教育厅、南昌市教育局、上饶市教育局');
    expect(r.stdout).toContain('合计按每条动态 1 分、每篇文章 2 分、每篇编者按 1 分折算');
  });

  test('csv: UTF-8 with BOM, CRLF, every unit and a totals row', () => {
    const out = path.join(dir, 'out', 'q2.csv');
    const r = runCli(['stats', '-y', '2024', '-q', '2', '--out', out], dir);
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes
      .toString('utf8')
      .slice(1)
      .split('\r\n')
      .filter(Boolean)
      .map((l) => l.split(','));
    expect(rows[0]).toEqual(TABLE_HEAD);
    expect(rows).toHaveLength(1 + 7 + 1);
    expect(rows[1]).toEqual(['1', '赣南师范大学', '高校', '0', '3', '0', '0', '0', '3', '2', '1', '50%']);
    expect(rows[7]).toEqual(['7', '上饶市教育局', '设区市', '0', '0', '0', '0', '0', '0', '0', '0', '—']);
    expect(rows[8]).toEqual(['', '合计', '', '0', '5', '0', '1', '0', '7', '4', '2', '50%']);
  });

  test('xlsx: exceljs reads back the header, the figures, the totals row and the column widths; same bytes twice', async () => {
    const r = runCli(['stats', '-y', '2024', '-q', '2', '-f', 'xlsx'], dir);
    expect(r.code).toBe(0);
    const file = path.join(dir, 'dist', '信息报送统计-2024年第2季度.xlsx');
    expect(r.stdout).toContain('已生成 dist/信息报送统计-2024年第2季度.xlsx');
    const bytes = fs.readFileSync(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('信息报送统计')!;
    const values = (n: number): unknown[] => (ws.getRow(n).values as unknown[]).slice(1);
    expect(String(values(1)[0])).toBe('《工作动态》信息报送情况（2024年第2季度）');
    expect(values(4)).toEqual(TABLE_HEAD);
    expect(values(5)).toEqual([1, '赣南师范大学', '高校', 0, 3, 0, 0, 0, 3, 2, 1, '50%']);
    expect(values(6)).toEqual([2, '赣州市教育局', '设区市', 0, 0, 0, 1, 0, 2, 0, 0, '—']);
    expect(values(12).slice(1)).toEqual(['合计', undefined, 0, 5, 0, 1, 0, 7, 4, 2, '50%']);
    expect(ws.getRow(12).font?.bold).toBe(true);
    expect(ws.getColumn(2).width).toBe(14); // 赣南师范大学: 12 columns + 2
    const detail = wb.getWorksheet('稿件明细')!;
    expect(detail.rowCount).toBe(1 + 7);
    expect((detail.getRow(2).values as unknown[]).slice(1)).toEqual([
      '第3期',
      '编者按',
      '编者按',
      '关于增设“经验交流”专栏的说明',
      '（未识别）',
      '',
      'issues/003/00-编者按.md:2',
    ]);
    // Reproducible: a second run writes the same bytes (dates fixed to the last issue's).
    runCli(['stats', '-y', '2024', '-q', '2', '-f', 'xlsx', '-o', path.join(dir, 'again.xlsx')], dir);
    expect(fs.readFileSync(path.join(dir, 'again.xlsx')).equals(bytes)).toBe(true);
    expect(wb.created.toISOString()).toBe('2024-06-30T00:00:00.000Z');
  });

  test('docx: the 通报 text read back from its XML — title, period, the table by kind, the units with nothing', () => {
    const out = path.join(dir, 'tb.docx');
    expect(runCli(['stats', '-y', '2024', '-q', '2', '-o', out], dir).code).toBe(0);
    const bytes = fs.readFileSync(out);
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    expect(paragraphs[0]).toBe('关于2024年第2季度《工作动态》信息报送情况的通报');
    expect(paragraphs).toContain(
      '2024年第2季度，《工作动态》共编发2期（第3期至第4期），刊用动态5条、经验交流等文章1篇、编者按1篇。共收到各单位来稿4份，采用2份，采用率50%。现将各单位信息报送情况通报如下。',
    );
    const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) =>
      [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
    );
    expect(rows).toEqual([
      ['序号', '单位', '省级动态', '高校动态', '市县动态', '经验交流', '编者按', '合计', '收稿', '采用', '采用率'],
      ['一、高校'],
      ['1', '赣南师范大学', '0', '3', '0', '0', '0', '3', '2', '1', '50%'],
      ['2', '江西师范大学', '0', '1', '0', '0', '0', '1', '1', '0', '0%'],
      ['3', '九江学院', '0', '1', '0', '0', '0', '1', '1', '1', '100%'],
      ['二、设区市'],
      ['4', '赣州市教育局', '0', '0', '0', '1', '0', '2', '0', '0', '—'],
      ['', '合计', '0', '5', '0', '1', '0', '7', '4', '2', '50%'],
    ]);
    expect(paragraphs).toContain(
      '本期间没有报送信息的单位：江西省教育厅、南昌市教育局、上饶市教育局。请上述单位高度重视信息报送工作，及时报送工作动态。',
    );
    expect(paragraphs).toContain('另有2篇（条）稿件未注明供稿单位，未计入各单位。');
    // Fonts named the official way, and the date is the last issue's, not the clock's.
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(paragraphs).toContain('2024年6月30日');
    expect(strFromU8(unzipSync(bytes)['docProps/core.xml']!)).toContain('2024-06-30T00:00:00Z');
    runCli(['stats', '-y', '2024', '-q', '2', '-o', path.join(dir, 'tb2.docx')], dir);
    expect(fs.readFileSync(path.join(dir, 'tb2.docx')).equals(bytes)).toBe(true);
  });

  test('the sample series: `bulletin stats --year 2024 --quarter 2` prints the table', () => {
    const r = runCli(['stats', '--year', '2024', '--quarter', '2'], REPO);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('《工作动态》信息报送情况（2024年第2季度）');
    expect(r.stdout).toMatch(/^\s+1\s+赣南师范大学\s+高校\s+0\s+0\s+0\s+1\s+0\s+1$/m);
    expect(r.stdout).toMatch(/^\s+2\s+赣州市教育局\s+设区市\s+0\s+0\s+0\s+1\s+0\s+1$/m);
    expect(r.stdout).toContain('issues/009/00-编者按.md:2  编者按：关于增设“经验交流”专栏的说明');
  });
});

describe('edge cases', () => {
  const registry = `units:
  - name: 江西师范大学
    kind: 高校
    aliases: [江西师大]
  - name: 赣州市教育局
    kind: 设区市
    aliases: [赣州市]`;

  test('a broken issue in the period stops the count with its own message; an issue outside it does not', () => {
    const d = makeSeries({
      'bulletin.yaml': bulletinYaml(registry),
      'issues/001/issue.yaml': issueYaml(1, '2024-04-10'),
      'issues/001/20.md': '---\nsection: 高校动动态\n---\n\n## 标题\n\n正文。\n',
      'issues/002/issue.yaml': issueYaml(2, '2024-07-10'),
      'issues/002/20.md': newsItem('高校动态', '江西师大举办论坛', '论坛举行。'),
    });
    const bad = runCli(['stats', '-y', '2024', '-q', '2'], d);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('issues/001/20.md:2:1  错误：没有“高校动动态”这个栏目。是不是“高校动态”？');
    expect(bad.stderr).toContain('请先运行 bulletin check --all 改正');
    const good = runCli(['stats', '-y', '2024', '-q', '3', '-f', 'csv', '-o', path.join(d, 'q3.csv')], d);
    expect(good.code).toBe(0);
    expect(fs.readFileSync(path.join(d, 'q3.csv'), 'utf8')).toContain('1,江西师范大学,高校,0,1,0,0,0,1\r\n');
  });

  test('a unit the registry lacks gets its own row after the registry, with the warning; fractional weights print as such', () => {
    const d = makeSeries({
      'bulletin.yaml': bulletinYaml(`${registry}\nstatsWeights:\n  news: 0.5`),
      'issues/001/issue.yaml': issueYaml(1, '2024-04-10'),
      'issues/001/20.md': newsItem('高校动态', '学校举办论坛', '论坛举行。', 'unit: 江西师范学院'),
      'issues/001/21.md': newsItem('高校动态', '江西师大举办论坛', '论坛举行。'),
    });
    const ctx = openSeries(d);
    const s = countStats(ctx.series, collect(ctx, resolvePeriod({ year: '2024', quarter: '2' }, undefined)));
    expect(s.rows.map((r) => [r.name, r.kind, r.registered, r.total])).toEqual([
      ['江西师范大学', '高校', true, 0.5],
      ['江西师范学院', '名录外', false, 0.5],
      ['赣州市教育局', '设区市', true, 0],
    ]);
    const r = runCli(['stats', '-y', '2024', '-q', '2'], d);
    expect(r.stdout).toMatch(/江西师范学院\s+名录外\s+0\s+1\s+0\s+0\s+0\s+0\.5$/m);
    expect(r.stdout).toContain('供稿单位“江西师范学院”不在 bulletin.yaml 的单位名录（units）中。是不是“江西师范大学”？');
    expect(r.stdout).toContain('合计按每条动态 0.5 分、每篇文章 1 分、每篇编者按 1 分折算');
  });

  test('an import record without a unit counts for the units of the items it became', () => {
    const sha = 'e'.repeat(64);
    const d = makeSeries({
      'bulletin.yaml': bulletinYaml(registry),
      'issues/001/issue.yaml': issueYaml(1, '2024-04-10'),
      'issues/001/30.md': newsItem('市县动态', '赣州市召开推进会', '会议召开。', `source:\n  file: 来稿.docx\n  sha256: ${sha}`),
      'issues/001/imports.yaml': `imports:\n  - file: 来稿.docx\n    sha256: ${sha}\n    date: 2024-04-09\n    section: 市县动态\n    items: [30.md]\n    count: 1\n  - file: 无名.docx\n    sha256: ${'f'.repeat(64)}\n    date: 2024-04-09\n    section: 市县动态\n    items: []\n    count: 1\n  - note: 不是记录\n`,
    });
    const r = runCli(['stats', '-y', '2024', '-q', '2', '-f', 'csv', '-o', path.join(d, 'q.csv')], d);
    expect(r.code).toBe(0);
    const csv = fs.readFileSync(path.join(d, 'q.csv'), 'utf8');
    expect(csv).toContain('1,赣州市教育局,设区市,0,0,1,0,0,1,1,1,100%\r\n');
    const t = runCli(['stats', '-y', '2024', '-q', '2'], d);
    expect(t.stdout).toContain('另有 1 份来稿的导入记录没有单位，没有计入收稿数。');
    expect(t.stdout).toContain('issues/001/imports.yaml:14:1  警告：这条导入记录缺少 file 或 sha256，没有计入收稿数');
  });

  test('bulletin.yaml: a negative weight is refused by the schema with the line', () => {
    const d = makeSeries({ 'bulletin.yaml': bulletinYaml(`${registry}\nstatsWeights:\n  article: -2`) });
    const r = runCli(['stats', '-y', '2024'], d);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bulletin\.yaml:\d+:\d+\s+错误：.*article/);
  });
});

test('writing a file, the notes under the table go to the terminal', () => {
  const r = runCli(['stats', '-y', '2024', '-q', '2', '-f', 'xlsx', '-o', path.join(dir, 'n.xlsx')], dir);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('issues/004/30-某县.md:5  动态：某县举办乡村教师培训。');
  expect(r.stderr).toContain('本期间没有报送信息的单位（3 个，请催报）：');
});
