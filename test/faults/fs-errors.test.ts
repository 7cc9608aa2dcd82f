/**
 * What the file system refuses is the user's disk, folders or permissions: a Chinese message
 * with the path and exit 1, never a stack trace, never a hang.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fsError, fsErrorMessage } from '../../src/output/fs-errors.js';
import {
  assertCliBuilt,
  BIN,
  bulletinYaml,
  cleanupTemp,
  issueYaml,
  makeSeries,
  newsItem,
  runCli,
  snapshotTree,
  tempDir,
} from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

const item = newsItem('高校动态', '某大学召开推进会', '会议部署了下一阶段工作。');
const series = (): string => makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-08'), 'issues/001/10.md': item });

function expectUserError(r: ReturnType<typeof runCli>, pathPart: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(pathPart);
  expect(r.stderr).not.toMatch(/内部错误|at .*\.js:\d+/);
}

describe('every file system error code', () => {
  const codes = [
    'ENOENT',
    'EEXIST',
    'ENOTDIR',
    'EISDIR',
    'ENAMETOOLONG',
    'EFBIG',
    'ELOOP',
    'EROFS',
    'EACCES',
    'EPERM',
    'EBUSY',
    'ENOSPC',
    'EDQUOT',
    'EMFILE',
    'ENOTEMPTY',
    'EXDEV',
    'EIO',
    'EINVAL',
    'ESOMETHINGNEW',
  ];
  for (const code of codes) {
    it(`${code} is a Chinese message with the path`, () => {
      const m = fsErrorMessage(fsError(code, path.join(tempDir(), 'x.docx'), 'rename'));
      expect(m).toMatch(/[\u4e00-\u9fff]/);
      expect(m).toContain('x.docx');
    });
  }
});

describe('the CLI', () => {
  it('build --out a file: exit 1 naming it', () => {
    const dir = series();
    fs.writeFileSync(path.join(dir, 'afile'), 'x');
    expectUserError(runCli(['build', '--out', 'afile', '--format', 'pdf'], dir), /afile.*不是文件夹/);
  });

  it('build --out /dev/null: exit 1', () => {
    expectUserError(runCli(['build', '--out', '/dev/null', '--format', 'pdf'], series()), /\/dev\/null/);
  });

  it('build --out /proc/x ends (no endless mkdir loop) with exit 1', async () => {
    const dir = series();
    const child = spawn(process.execPath, [BIN, 'build', '--out', '/proc/bulletin-x/y', '--format', 'pdf'], { cwd: dir, stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 60_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code, 'hung').toBe(1);
    expect(stderr).toMatch(/proc\/bulletin-x/);
  });

  it('init onto an existing file: exit 1, the file unchanged', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes'), 'keep');
    expectUserError(runCli(['init', 'notes'], dir), /notes/);
    expect(fs.readFileSync(path.join(dir, 'notes'), 'utf8')).toBe('keep');
  });

  it('new when issues is a file: exit 1', () => {
    const dir = makeSeries({ issues: 'not a folder' });
    expectUserError(runCli(['new', '--date', '2024-05-01'], dir), /issues/);
  });

  it('a label that makes a file name over 255 bytes: exit 1 at the label, nothing written', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml(`label: 第{n}期${'很长的期号格式'.repeat(14)}`),
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': item,
    });
    const before = snapshotTree(dir);
    const r = runCli(['build'], dir);
    expectUserError(r, /bulletin\.yaml:\d+:1  错误：生成的文件名.*太长/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('two new at once: never exit 2, never the same number twice', async () => {
    const dir = makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-08'), 'issues/001/10.md': item });
    const run = (): Promise<number | null> =>
      new Promise((resolve) =>
        spawn(process.execPath, [BIN, 'new', '--date', '2024-06-01'], { cwd: dir, stdio: 'ignore' }).on('exit', resolve),
      );
    for (let round = 0; round < 3; round++) {
      const codes = await Promise.all([run(), run()]);
      for (const c of codes) expect([0, 1]).toContain(c);
    }
    const numbers = fs
      .readdirSync(path.join(dir, 'issues'))
      .map((d) => /number: (\d+)/.exec(fs.readFileSync(path.join(dir, 'issues', d, 'issue.yaml'), 'utf8'))![1]);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
