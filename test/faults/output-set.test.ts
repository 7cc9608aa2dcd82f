/**
 * An issue's PDF and DOCX are one set: both are replaced or neither is, and the message names
 * the real file. Two issues never write the same file. A DOCX edited after bulletin wrote it
 * is kept beside the new one, with a warning.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { RECORD_FILE, writeOutputSet } from '../../src/output/write-set.js';
import {
  assertCliBuilt,
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
const STEM = '工作动态第1期';

describe('PDF and DOCX are replaced together or not at all', () => {
  it('a DOCX that cannot be replaced leaves the old PDF too, and the message names the .docx', () => {
    const dir = makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-08'), 'issues/001/10.md': item });
    fs.mkdirSync(path.join(dir, 'dist', `${STEM}.docx`), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist', `${STEM}.docx`, 'x'), 'x');
    fs.writeFileSync(path.join(dir, 'dist', `${STEM}.pdf`), 'old pdf');
    const r = runCli(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`dist/${STEM}.docx`);
    expect(r.stderr).not.toMatch(/\.tmp|内部错误/);
    expect(fs.readFileSync(path.join(dir, 'dist', `${STEM}.pdf`), 'utf8')).toBe('old pdf');
    expect(fs.readdirSync(path.join(dir, 'dist')).sort()).toEqual([`${STEM}.docx`, `${STEM}.pdf`]);
  });

  it('a DOCX locked at the moment of replacing (Word) puts the new PDF back to the old one', () => {
    const dir = tempDir();
    // The old files are bulletin's own (the writer never replaces anyone else's).
    writeOutputSet(dir, [
      { name: 'a.pdf', bytes: Buffer.from('old pdf') },
      { name: 'a.docx', bytes: Buffer.from('old docx') },
    ]);
    const real = fs.renameSync;
    const spy = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(to).endsWith('a.docx')) {
        const e = new Error(`EBUSY: resource busy or locked, rename '${String(from)}'`) as NodeJS.ErrnoException;
        Object.assign(e, { code: 'EBUSY', syscall: 'rename', path: String(from), dest: String(to) });
        throw e;
      }
      return real(from, to);
    });
    try {
      expect(() =>
        writeOutputSet(dir, [
          { name: 'a.pdf', bytes: Buffer.from('new pdf') },
          { name: 'a.docx', bytes: Buffer.from('new docx') },
        ]),
      ).toThrow(expect.objectContaining({ code: 'EBUSY', path: path.join(dir, 'a.docx') }));
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(path.join(dir, 'a.pdf'), 'utf8')).toBe('old pdf');
    expect(fs.readFileSync(path.join(dir, 'a.docx'), 'utf8')).toBe('old docx');
    expect(fs.readdirSync(dir).sort()).toEqual([RECORD_FILE, 'a.docx', 'a.pdf']);
  });

  it('the CLI says which file is locked, in Chinese, exit 1', async () => {
    const dir = makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-08'), 'issues/001/10.md': item });
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const real = fs.renameSync;
    const spy = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(to).endsWith('.docx')) {
        const e = new Error('EPERM: operation not permitted, rename') as NodeJS.ErrnoException;
        Object.assign(e, { code: 'EPERM', syscall: 'rename', path: String(from), dest: String(to) });
        throw e;
      }
      return real(from, to);
    });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await main(['node', 'bulletin', 'build'], io)).toBe(1);
    } finally {
      process.chdir(cwd);
      spy.mockRestore();
    }
    const text = lines.join('\n');
    expect(text).toMatch(new RegExp(`错误：没有权限写入“dist/${STEM}\\.docx”.*Word`));
    expect(text).not.toMatch(/\.tmp/);
    expect(fs.readdirSync(path.join(dir, 'dist')).filter((f) => !f.startsWith('.'))).toEqual([]);
  });
});

describe('two issues never write the same file', () => {
  it('a repeated number: refused before anything is written', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': item,
      'issues/001b/issue.yaml': issueYaml(1, '2024-05-09'),
      'issues/001b/10.md': item,
    });
    const before = snapshotTree(dir);
    const r = runCli(['build', 'issues/001'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^issues\/001\/issue\.yaml:\d+:1  错误：issues\/001 与 issues\/001b 生成的文件同名/m);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a label without {n}: refused', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml('label: 本期'),
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': item,
      'issues/002/issue.yaml': issueYaml(2, '2024-05-09'),
      'issues/002/10.md': item,
    });
    const r = runCli(['build', '2'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^bulletin\.yaml:\d+:1  错误：.*同名.*\{n\}/m);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});

describe('a DOCX edited after bulletin wrote it', () => {
  it('is kept beside the new one, with a warning; an unchanged one is simply replaced', () => {
    const dir = makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-08'), 'issues/001/10.md': item });
    expect(runCli(['build'], dir).code).toBe(0);
    const docx = path.join(dir, 'dist', `${STEM}.docx`);
    const fresh = fs.readFileSync(docx);
    expect(fs.existsSync(path.join(dir, 'dist', RECORD_FILE))).toBe(true);

    // Unchanged: no warning, no copy.
    const again = runCli(['build'], dir);
    expect(again.stderr).not.toMatch(/被修改过/);
    expect(
      fs
        .readdirSync(path.join(dir, 'dist'))
        .filter((f) => !f.startsWith('.'))
        .sort(),
    ).toEqual([`${STEM}.docx`, `${STEM}.html`, `${STEM}.pdf`]);

    const edited = Buffer.concat([fresh, Buffer.from('edited in Word')]);
    fs.writeFileSync(docx, edited);
    const r = runCli(['build'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')).toContain(
      `dist/${STEM}.docx  警告：在上次生成之后被修改过（可能有人在 Word/WPS 里改了它）。修改过的文件已保留为 ${STEM}（修改稿）.docx，请把其中的修改改到稿件里，否则下次生成还会不同`,
    );
    expect(fs.readFileSync(path.join(dir, 'dist', `${STEM}（修改稿）.docx`)).equals(edited)).toBe(true);
    expect(fs.readFileSync(docx).equals(fresh)).toBe(true);

    // A second edit is kept under a new name; the first copy is never overwritten.
    fs.writeFileSync(docx, Buffer.concat([fresh, Buffer.from('second edit')]));
    expect(runCli(['build'], dir).stderr).toMatch(/修改稿2/);
    expect(fs.readFileSync(path.join(dir, 'dist', `${STEM}（修改稿）.docx`)).equals(edited)).toBe(true);
  });
});
