/**
 * Files that are not what their names say: a FIFO where bulletin.yaml, issue.yaml, an item or
 * imports.yaml should be, a device or a folder named x.md, a 3 GB file in an issue folder, a
 * broken imports.yaml. Every command ends (within the hang guard) with exit 1 and a Chinese
 * message naming the file, and writes nothing it should not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRASH, fifoInPlaceOf, mkfifo, runGuarded } from '../helpers/guarded.js';
import { assertCliBuilt, cleanupTemp, issueYaml, makeSeries, newsItem, snapshotTree } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

function series(): string {
  return makeSeries({
    'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
    'issues/001/10.md': newsItem('高校动态', '赣南师范大学召开推进会', '4月18日，学校召开推进会。'),
    'issues/002/issue.yaml': issueYaml(2, '2024-05-20'),
    'issues/002/10.md': newsItem('高校动态', '江西师范大学组建专家团队', '专家团队深入试点县。'),
  });
}

function expectEnded(r: ReturnType<typeof runGuarded>, code: number): void {
  expect(r.hung, `hung:\n${r.all}`).toBe(false);
  expect(r.all).not.toMatch(CRASH);
  expect(r.code, r.all).toBe(code);
}

describe('FIFOs and other special files in the series', () => {
  it('a FIFO in place of bulletin.yaml: every command ends with the file named', () => {
    const dir = series();
    fifoInPlaceOf(path.join(dir, 'bulletin.yaml'));
    for (const cmd of [['list'], ['check'], ['build', '--format', 'html']]) {
      const r = runGuarded(cmd, dir);
      expectEnded(r, 1);
      expect(r.all).toMatch(/bulletin\.yaml:1:1  错误：这是命名管道（FIFO），不是普通文件/);
    }
  });

  it('a FIFO in place of issue.yaml: list and check end naming it, the other issue still builds', () => {
    const dir = series();
    fifoInPlaceOf(path.join(dir, 'issues/001/issue.yaml'));
    const list = runGuarded(['list'], dir);
    expectEnded(list, 1);
    expect(list.all).toMatch(/issues\/001\/issue\.yaml:1:1  错误：这是命名管道（FIFO）/);
    const check = runGuarded(['check', '--all'], dir);
    expectEnded(check, 1);
    expect(check.all).toMatch(/issues\/001\/issue\.yaml:1:1  错误：这是命名管道/);
    const build = runGuarded(['build', '2', '--format', 'html'], dir);
    expectEnded(build, 0);
  });

  it('a FIFO named x.md in an issue folder: import ends, check and build name it', () => {
    const dir = series();
    mkfifo(path.join(dir, 'issues/002/x.md'));
    fs.mkdirSync(path.join(dir, 'in'));
    fs.writeFileSync(path.join(dir, 'in', '来稿.txt'), '赣州市召开协同提质推进会\n\n4月20日，赣州市召开推进会。\n');
    const imp = runGuarded(['import', 'in/来稿.txt', '--unit', '赣州市', '--section', '市县动态'], dir);
    expectEnded(imp, 0);
    expect(fs.readdirSync(path.join(dir, 'issues/002')).filter((f) => f.endsWith('.md')).length).toBe(3);
    const check = runGuarded(['check'], dir);
    expectEnded(check, 1);
    expect(check.all).toMatch(/issues\/002\/x\.md:1:1  错误：这是命名管道（FIFO），不是普通文件，没有读取/);
    const build = runGuarded(['build', '--format', 'html'], dir);
    expectEnded(build, 1);
    expect(build.all).toMatch(/issues\/002\/x\.md:1:1  错误：/);
  });

  it('a link to a device and a folder named like items are reported at their names, not passed over', () => {
    const dir = series();
    fs.symlinkSync('/dev/zero', path.join(dir, 'issues/001/zero.md'));
    fs.mkdirSync(path.join(dir, 'issues/001/folder.md'));
    const r = runGuarded(['check', '1'], dir);
    expectEnded(r, 1);
    expect(r.all).toMatch(/issues\/001\/zero\.md:1:1  错误：这是设备文件，不是普通文件/);
    expect(r.all).toMatch(/issues\/001\/folder\.md:1:1  错误：这是文件夹，不是普通文件/);
  });

  it('import names a folder called x.md and each special file in the folder it is given', () => {
    const dir = series();
    fs.mkdirSync(path.join(dir, 'in/x.md'), { recursive: true });
    const one = runGuarded(['import', 'in/x.md'], dir);
    expectEnded(one, 1);
    expect(one.all).toMatch(/错误：文件夹 in\/x\.md 里没有找到可以导入的文件/);
    mkfifo(path.join(dir, 'in/pipe.md'));
    fs.mkdirSync(path.join(dir, 'in/sub.docx'));
    const all = runGuarded(['import', 'in'], dir);
    expectEnded(all, 1);
    expect(all.all).toMatch(/错误：pipe\.md 是命名管道（FIFO），不是普通文件，没有读取/);
    expect(all.all).toMatch(/错误：sub\.docx 是文件夹/);
    expect(all.all).toMatch(/错误：x\.md 是文件夹/);
  });

  it('a FIFO in place of imports.yaml: import refuses at its name and stats leaves it out with a warning', () => {
    const dir = series();
    fifoInPlaceOf(path.join(dir, 'issues/002/imports.yaml'));
    fs.writeFileSync(path.join(dir, '来稿.txt'), '赣州市召开协同提质推进会\n\n4月20日，赣州市召开推进会。\n');
    const imp = runGuarded(['import', '来稿.txt', '--unit', '赣州市', '--section', '市县动态'], dir);
    expectEnded(imp, 1);
    expect(imp.all).toMatch(/issues\/002\/imports\.yaml 是命名管道（FIFO），不是普通文件/);
    const stats = runGuarded(['stats', '--year', '2024'], dir);
    expectEnded(stats, 0);
    expect(stats.all).toMatch(/issues\/002\/imports\.yaml:1:1  警告：这是命名管道/);
  });
});

describe('FIFOs in place of the files bulletin keeps for itself', () => {
  it("the output folder's record (.bulletin-written.json): build ends naming it, nothing written", () => {
    const dir = series();
    fs.mkdirSync(path.join(dir, 'dist'));
    mkfifo(path.join(dir, 'dist/.bulletin-written.json'));
    const r = runGuarded(['build', '1', '--format', 'html'], dir);
    expectEnded(r, 1);
    expect(r.all).toMatch(/dist\/\.bulletin-written\.json 是命名管道（FIFO），不是普通文件/);
    expect(fs.readdirSync(path.join(dir, 'dist'))).toEqual(['.bulletin-written.json']);
    expect(fs.lstatSync(path.join(dir, 'dist/.bulletin-written.json')).isFIFO()).toBe(true);
  });

  it('the import lock (.imports.lock): import ends with the lock named, no item written', () => {
    const dir = series();
    mkfifo(path.join(dir, 'issues/002/.imports.lock'));
    fs.writeFileSync(path.join(dir, '来稿.txt'), '赣州市召开协同提质推进会\n\n4月20日，赣州市召开推进会。\n');
    // (No snapshot of the folder: reading the FIFO would hang the test itself.)
    const before = fs.readdirSync(path.join(dir, 'issues/002')).sort();
    const r = runGuarded(['import', '来稿.txt', '--unit', '赣州市', '--section', '市县动态'], dir);
    expectEnded(r, 1);
    expect(r.all).toMatch(/issues\/002\/\.imports\.lock 后重试/);
    expect(fs.readdirSync(path.join(dir, 'issues/002')).sort()).toEqual(before);
  });
});

describe('a broken imports.yaml', () => {
  it('import stops at the line of the YAML error, writes no item and keeps the log', () => {
    const dir = series();
    const log = path.join(dir, 'issues/002/imports.yaml');
    fs.writeFileSync(log, 'imports: [a, b\n');
    fs.writeFileSync(path.join(dir, '来稿.txt'), '赣州市召开协同提质推进会\n\n4月20日，赣州市召开推进会。\n');
    const before = snapshotTree(path.join(dir, 'issues'));
    const r = runGuarded(['import', '来稿.txt', '--unit', '赣州市', '--section', '市县动态'], dir);
    expectEnded(r, 1);
    expect(r.all).toMatch(/错误：issues\/002\/imports\.yaml:2:1 不是有效的 YAML，为了不丢失其中的记录，没有导入/);
    expect(snapshotTree(path.join(dir, 'issues'))).toEqual(before);
  });
});

describe('a 3 GB file in an issue folder', () => {
  it('issue and archive end with the file named, within the guard, and write nothing of that issue', () => {
    const dir = series();
    const big = path.join(dir, 'issues/001/images/video.mp4');
    fs.mkdirSync(path.dirname(big));
    // Sparse: 3 GB to every reader, almost nothing on disk.
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 3 * 1024 ** 3);
    const yaml = fs.readFileSync(path.join(dir, 'issues/001/issue.yaml'));
    const issue = runGuarded(['issue', '1', '--date', '2024-05-09'], dir);
    expectEnded(issue, 1);
    expect(issue.all).toMatch(/issues\/001\/images\/video\.mp4 有 3072\.0 MB，超过 64 MB 的上限/);
    expect(fs.readFileSync(path.join(dir, 'issues/001/issue.yaml'))).toEqual(yaml);
    expect(fs.existsSync(path.join(dir, 'issues/001/issued.json'))).toBe(false);

    const archive = runGuarded(['archive'], dir);
    expectEnded(archive, 1);
    expect(archive.all).toMatch(/issues\/001\/images\/video\.mp4  错误：文件有 3072\.0 MB，超过 64 MB 的上限/);
    // The other issue is archived all the same.
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'archive/manifest.json'), 'utf8')) as { issues: Array<{ source: string }> };
    expect(manifest.issues.map((i) => i.source)).toEqual(['issues/002']);
  });
});
