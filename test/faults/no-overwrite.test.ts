/**
 * No command replaces a file it did not write. `stats --out` and `build --out` go through the
 * same writer: a file bulletin never wrote there (bulletin.yaml, an item, the clerk's own
 * workbook) stops the command with exit 1 and is left byte for byte; bulletin's own earlier
 * output is replaced, and kept under a 修改稿 name when someone edited it since.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, bulletinYaml, cleanupTemp, issueYaml, makeSeries, newsItem, runCli, snapshotTree } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

const UNITS = 'units:\n  - name: 赣南师范大学\n    kind: 高校\n    aliases: [赣南师大]';

function series(): string {
  return makeSeries({
    'bulletin.yaml': bulletinYaml(UNITS),
    'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
    'issues/001/10.md': newsItem('高校动态', '赣南师范大学召开推进会', '会议部署了工作。', 'unit: 赣南师范大学'),
  });
}

describe('stats --out never replaces a file bulletin did not write', () => {
  const cases: Array<[string, string[]]> = [
    ['bulletin.yaml', ['--year', '2024']],
    ['issues/001/10.md', ['--year', '2024', '--format', 'csv']],
    ['issues/001/issue.yaml', ['--year', '2024', '--format', 'xlsx']],
  ];
  for (const [target, args] of cases) {
    it(`stats ${args.join(' ')} --out ${target}: exit 1 at the file, nothing changed`, () => {
      const dir = series();
      const before = snapshotTree(dir);
      const r = runCli(['stats', ...args, '--out', target], dir);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stderr).toContain(`${target}  错误：这个文件已经存在，不是 bulletin 写出的`);
      expect(r.stderr).toMatch(/错误：没有写入任何文件.*请换一个文件名或文件夹（--out），或先把它移走/);
      expect(r.stderr).not.toMatch(/内部错误|at .*\.js/);
      expect(snapshotTree(dir)).toEqual(before);
    });
  }

  it("the clerk's own workbook of the same name is refused; bulletin's own earlier one is replaced", () => {
    const dir = series();
    const mine = path.join(dir, '统计.xlsx');
    fs.writeFileSync(mine, 'my own workbook');
    const r = runCli(['stats', '--year', '2024', '--out', '统计.xlsx'], dir);
    expect(r.code).toBe(1);
    expect(fs.readFileSync(mine, 'utf8')).toBe('my own workbook');

    const first = runCli(['stats', '--year', '2024', '--out', '统计2.xlsx'], dir);
    expect(first.code, first.stderr).toBe(0);
    const again = runCli(['stats', '--year', '2024', '--out', '统计2.xlsx'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/修改/);
  });

  it('a workbook edited after stats wrote it is kept as 修改稿, with a warning at the file', () => {
    const dir = series();
    expect(runCli(['stats', '--year', '2024', '--format', 'xlsx'], dir).code).toBe(0);
    const out = path.join(dir, 'dist', '信息报送统计-2024年.xlsx');
    const edited = Buffer.concat([fs.readFileSync(out), Buffer.from('edited in Excel')]);
    fs.writeFileSync(out, edited);
    const r = runCli(['stats', '--year', '2024', '--format', 'xlsx'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'dist/信息报送统计-2024年.xlsx  警告：在上次生成之后被修改过（可能有人在 Excel、Word 或 WPS 里改了它）。修改过的文件已保留为 信息报送统计-2024年（修改稿）.xlsx',
    );
    expect(fs.readFileSync(path.join(dir, 'dist', '信息报送统计-2024年（修改稿）.xlsx')).equals(edited)).toBe(true);
    expect(fs.readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('build --out never replaces a file bulletin did not write', () => {
  it('a PDF of the output name that bulletin never wrote there stops the build; nothing is written', () => {
    const dir = series();
    const out = path.join(dir, '发文');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, '工作动态第1期.pdf'), "the printer's own file");
    const before = snapshotTree(dir);
    const r = runCli(['build', '--out', '发文'], dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('发文/工作动态第1期.pdf  错误：这个文件已经存在，不是 bulletin 写出的');
    expect(snapshotTree(dir)).toEqual(before);
  });
});
