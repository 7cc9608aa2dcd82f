/**
 * Faults while writing: an unwritable output folder, a full disk, Ctrl-C halfway, two builds
 * at once. Never a half-written file under the final name; the previous good file stays.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../src/output/write-atomic.js';
import { main } from '../../src/cli/main.js';
import { assertCliBuilt, BIN, cleanupTemp, copySeries, runCli, SAMPLE, tempDir } from '../helpers/series.js';

const STEM = '工作动态第9期';

function listTmp(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')) : [];
}

function spawnBuild(cwd: string, out: string): { done: Promise<number | null>; child: ReturnType<typeof spawn> } {
  const child = spawn(process.execPath, [BIN, 'build', '9', '--out', out], { cwd, stdio: 'pipe' });
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { done, child };
}

describe('writing outputs', () => {
  let series: string;
  let good: Record<string, Buffer>;

  beforeAll(() => {
    assertCliBuilt();
    series = copySeries(SAMPLE);
    const r = runCli(['build', '9', '--out', 'good'], series);
    expect(r.code, r.stderr).toBe(0);
    good = {
      pdf: fs.readFileSync(path.join(series, 'good', `${STEM}.pdf`)),
      docx: fs.readFileSync(path.join(series, 'good', `${STEM}.docx`)),
    };
  });
  afterAll(cleanupTemp);

  it('an output folder that cannot be created is a message, exit 1, no stack trace', () => {
    fs.writeFileSync(path.join(series, 'blocker'), 'a file where a folder should be');
    const r = runCli(['build', '9', '--out', 'blocker/dist'], series);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/错误：.*blocker.*不是文件夹/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('a full disk leaves the previous file and no temporary file behind', async () => {
    const dir = tempDir();
    const target = path.join(dir, `${STEM}.pdf`);
    fs.writeFileSync(target, good.pdf);
    const realWrite = fs.writeFileSync;
    const spy = vi.spyOn(fs, 'writeFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, data: any, opts?: any) => {
      if (typeof file === 'number') {
        const e = new Error('ENOSPC: no space left on device, write') as NodeJS.ErrnoException;
        e.code = 'ENOSPC';
        throw e;
      }
      return realWrite(file, data, opts);
    }) as typeof fs.writeFileSync);
    try {
      expect(() => writeFileAtomic(target, new Uint8Array(10))).toThrow(/ENOSPC/);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(target).equals(good.pdf)).toBe(true);
    expect(listTmp(dir)).toEqual([]);
  });

  it('the CLI turns a full disk into a Chinese message and exit 1', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const cwd = process.cwd();
    const spy = vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      const e = new Error('ENOSPC: no space left on device') as NodeJS.ErrnoException;
      e.code = 'ENOSPC';
      e.path = path.join(series, 'full', `${STEM}.pdf`);
      throw e;
    });
    process.chdir(series);
    try {
      const code = await main(['node', 'bulletin', 'build', '9', '--format', 'pdf', '--out', 'full'], io);
      expect(code).toBe(1);
    } finally {
      process.chdir(cwd);
      spy.mockRestore();
    }
    expect(lines.join('\n')).toMatch(/磁盘空间不足/);
    expect(listTmp(path.join(series, 'full'))).toEqual([]);
    expect(fs.existsSync(path.join(series, 'full', `${STEM}.pdf`))).toBe(false);
  });

  it('Ctrl-C halfway leaves either the previous good files or nothing, never a partial file', async () => {
    const out = path.join(series, 'interrupted');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, `${STEM}.pdf`), good.pdf);
    for (const delay of [150, 400, 700]) {
      const { child, done } = spawnBuild(series, out);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGINT');
      await done;
      const pdf = fs.readFileSync(path.join(out, `${STEM}.pdf`));
      expect(pdf.equals(good.pdf)).toBe(true);
      const docx = path.join(out, `${STEM}.docx`);
      if (fs.existsSync(docx)) expect(fs.readFileSync(docx).equals(good.docx)).toBe(true);
      expect(listTmp(out)).toEqual([]);
    }
  });

  it('two builds of the same issue at once do not corrupt each other', async () => {
    const out = path.join(series, 'concurrent');
    const a = spawnBuild(series, out);
    const b = spawnBuild(series, out);
    expect(await a.done).toBe(0);
    expect(await b.done).toBe(0);
    expect(fs.readFileSync(path.join(out, `${STEM}.pdf`)).equals(good.pdf)).toBe(true);
    expect(fs.readFileSync(path.join(out, `${STEM}.docx`)).equals(good.docx)).toBe(true);
    expect(listTmp(out)).toEqual([]);
  });
});
