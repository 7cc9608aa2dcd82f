/**
 * imports.yaml is how `stats` counts what was received and how a second import of the same
 * file is refused, so it must hold exactly one record per imported file whatever runs at once:
 * two imports of one file give one item and one record; six files at once give six records.
 * Records written by hand (even without sha256) survive an import; a lock left by a dead
 * process does not block; an issued issue takes no new items. Plain-text submissions only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertCliBuilt,
  bulletinYaml,
  cleanupTemp,
  issueYaml,
  makeSeries,
  runCli,
  snapshotTree,
  startCli,
  tempDir,
} from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

const UNITS = `units:
  - name: 赣南师范大学
    kind: 高校
    aliases: [赣南师大]
  - name: 九江学院
    kind: 高校
  - name: 赣州市教育局
    kind: 设区市
    aliases: [赣州市]
  - name: 南昌市教育局
    kind: 设区市
    aliases: [南昌市]
  - name: 上饶市教育局
    kind: 设区市
    aliases: [上饶市]
  - name: 江西师范大学
    kind: 高校
    aliases: [江西师大]`;
const SENDERS = ['赣南师大', '九江学院', '赣州市', '南昌市', '上饶市', '江西师大'];

function series(): string {
  return makeSeries({ 'bulletin.yaml': bulletinYaml(UNITS), 'issues/001/issue.yaml': issueYaml(1, '2024-05-08') });
}

function submission(dir: string, sender: string, n = 0): string {
  const f = path.join(dir, `${sender}来稿${n || ''}.txt`);
  fs.writeFileSync(f, `${sender}召开协同提质推进会\n\n5月${n + 6}日，${sender}召开协同提质行动推进会，部署下一阶段工作。\n`);
  return f;
}

const records = (dir: string): Array<Record<string, unknown>> =>
  (parse(fs.readFileSync(path.join(dir, 'issues/001/imports.yaml'), 'utf8')) as { imports: Array<Record<string, unknown>> }).imports;
const items = (dir: string): string[] => fs.readdirSync(path.join(dir, 'issues/001')).filter((f) => f.endsWith('.md'));

describe('imports at the same time', () => {
  it('the same file imported by four runs at once: one item, one record, the others refused with a message', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = series();
      const file = submission(tempDir('bulletin-sub-'), '赣南师大');
      const runs = await Promise.all([0, 1, 2, 3].map(() => startCli(['import', file], dir)));
      const ok = runs.filter((r) => r.code === 0);
      expect(ok, runs.map((r) => r.out).join('\n----\n')).toHaveLength(1);
      for (const r of runs.filter((x) => x.code !== 0)) {
        expect(r.code, r.out).toBe(1);
        expect(r.out).toContain('已经导入过本期');
      }
      expect(items(dir)).toEqual(['20-赣南师范大学.md']);
      expect(records(dir)).toHaveLength(1);
    }
  });

  it('six different files at once leave six records and six items', async () => {
    for (let round = 0; round < 2; round++) {
      const dir = series();
      const sub = tempDir('bulletin-sub-');
      const runs = await Promise.all(SENDERS.map((s, i) => startCli(['import', submission(sub, s, i)], dir)));
      for (const r of runs) expect(r.code, r.out).toBe(0);
      const list = records(dir);
      expect(list.map((r) => r.file).sort()).toEqual(SENDERS.map((s, i) => `${s}来稿${i || ''}.txt`).sort());
      expect(items(dir)).toHaveLength(6);
      // stats counts all six as received.
      const stats = runCli(['stats', '--year', '2024', '--quarter', '2', '--format', 'csv', '--out', 'q.csv'], dir);
      expect(stats.code, stats.stderr).toBe(0);
      const totals = fs.readFileSync(path.join(dir, 'q.csv'), 'utf8').trim().split('\r\n').at(-1)!.split(',');
      const header = fs
        .readFileSync(path.join(dir, 'q.csv'), 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0]!
        .split(',');
      expect(totals[header.indexOf('收稿')]).toBe('6');
    }
  });
});

describe('the import log', () => {
  it('keeps records written by hand, with or without sha256, and its comments', () => {
    const dir = series();
    const hand = `# 导入记录（手工补记了一份电话报送的稿件）
imports:
  - file: 电话报送.txt
    date: 2024-05-01
    unit: 九江学院
    section: 高校动态
    items: []
    count: 1
  # 下面这条是从旧系统抄来的
  - file: 旧系统.docx
    sha256: ${'e'.repeat(64)}
    date: 2024-05-02
    unit: 赣州市教育局
    section: 市县动态
    items: [30-赣州市教育局.md]
    count: 1
    note: 旧系统导出
`;
    fs.writeFileSync(path.join(dir, 'issues/001/imports.yaml'), hand);
    const r = runCli(['import', submission(tempDir('bulletin-sub-'), '赣南师大')], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'issues/001/imports.yaml'), 'utf8');
    expect(text.startsWith(hand.replace(/\n$/, ''))).toBe(true);
    expect(text).toContain('# 下面这条是从旧系统抄来的');
    const list = records(dir);
    expect(list.map((x) => x.file)).toEqual(['电话报送.txt', '旧系统.docx', '赣南师大来稿.txt']);
    expect(list[1]).toMatchObject({ note: '旧系统导出' });
  });

  it('a lock left by a process that has ended does not block the next import', () => {
    const dir = series();
    // A pid that cannot be running: the highest a Linux system allows is 4194304.
    fs.writeFileSync(
      path.join(dir, 'issues/001/.imports.lock'),
      JSON.stringify({ pid: 4194305, host: os.hostname(), time: new Date().toISOString() }),
    );
    const r = runCli(['import', submission(tempDir('bulletin-sub-'), '赣南师大')], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(records(dir)).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'issues/001/.imports.lock'))).toBe(false);
  });

  it('a lock held by a running import is waited for, then the import goes ahead', async () => {
    const dir = series();
    const lock = path.join(dir, 'issues/001/.imports.lock');
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), time: new Date().toISOString() }));
    const run = startCli(['import', submission(tempDir('bulletin-sub-'), '赣南师大')], dir);
    await new Promise((r) => setTimeout(r, 1500));
    expect(fs.existsSync(path.join(dir, 'issues/001/imports.yaml'))).toBe(false);
    fs.rmSync(lock);
    const r = await run;
    expect(r.code, r.out).toBe(0);
    expect(records(dir)).toHaveLength(1);
  });
});

describe('an issued issue takes no new items', () => {
  it('import into it exits 1 saying how to proceed, and writes nothing', () => {
    const dir = series();
    fs.writeFileSync(
      path.join(dir, 'issues/001/20-赣南师范大学.md'),
      '---\nsection: 高校动态\nunit: 赣南师范大学\n---\n\n## 赣南师范大学召开推进会\n\n会议部署了工作。\n',
    );
    const issued = runCli(['issue', '1', '--date', '2024-05-10'], dir);
    expect(issued.code, issued.stderr).toBe(0);
    const before = snapshotTree(dir);
    const r = runCli(['import', submission(tempDir('bulletin-sub-'), '赣南师大')], dir);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toMatch(/第1期（issues\/001）已于 2024-05-10 印发.*bulletin new.*--issue/);
    expect(r.stderr).toContain('issues/001/issue.yaml:3:1  错误：第1期已于 2024-05-10 印发，不再接受导入');
    expect(snapshotTree(dir)).toEqual(before);
  });
});
