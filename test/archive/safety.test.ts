/**
 * The archive folder under stress: a manifest of the wrong shape or with paths leaving the
 * folder, a clerk's own files in --out, two issues with one file name, and Ctrl-C at any moment
 * of a run. The previous archive stays whole and nothing outside the archive is touched.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, BIN, cleanupTemp, runCli, snapshotTree } from '../helpers/series.js';
import { expectConsistent, filesUnder, makeArchiveSeries, readManifestOf } from '../helpers/archive-series.js';

describe('a manifest.json read back from disk is untrusted', () => {
  let dir: string;
  let archiveDir: string;
  let good: string;
  beforeAll(() => {
    assertCliBuilt();
    dir = makeArchiveSeries();
    archiveDir = path.join(dir, 'archive');
    expect(runCli(['archive'], dir).code).toBe(0);
    good = fs.readFileSync(path.join(archiveDir, 'manifest.json'), 'utf8');
  });
  afterAll(cleanupTemp);

  const m = (): any => JSON.parse(good);
  const bad: Array<[string, () => string]> = [
    ['not JSON', () => '{"issues": ['],
    ['an array', () => '[]'],
    ['issues not a list', () => JSON.stringify({ ...m(), issues: 3 })],
    ['an issue without files', () => JSON.stringify({ ...m(), issues: [{ ...m().issues[0], files: undefined }] })],
    ['a file entry of the wrong type', () => JSON.stringify({ ...m(), issues: [{ ...m().issues[0], files: [42] }] })],
    [
      'a size that is text',
      () => JSON.stringify({ ...m(), issues: [{ ...m().issues[0], files: [{ ...m().issues[0].files[0], size: '12' }] }] }),
    ],
  ];
  for (const [what, text] of bad) {
    it(`${what}: archive and verify stop with exit 1 naming the file, and change nothing`, () => {
      fs.writeFileSync(path.join(archiveDir, 'manifest.json'), text());
      const before = snapshotTree(dir);
      for (const args of [['archive'], ['archive', '--verify']]) {
        const r = runCli(args, dir);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toContain(`${path.join(archiveDir, 'manifest.json')} `);
        expect(r.stderr).not.toMatch(/内部错误|at .*\.js/);
      }
      expect(snapshotTree(dir)).toEqual(before);
      fs.writeFileSync(path.join(archiveDir, 'manifest.json'), good);
    });
  }

  const escapes = ['../victim.txt', '/tmp/victim.txt', '2024/../../victim.txt', 'C:/victim.txt', '2024\\..\\..\\victim.txt'];
  for (const p of escapes) {
    it(`a path leaving the archive (${p}) is refused; the file outside is neither read nor removed`, () => {
      const victim = path.join(dir, 'victim.txt');
      fs.writeFileSync(victim, "not the archive's");
      const doctored = m();
      doctored.issues[0].files[0].path = p;
      fs.writeFileSync(path.join(archiveDir, 'manifest.json'), JSON.stringify(doctored));
      const before = snapshotTree(dir);
      for (const args of [['archive'], ['archive', '--verify']]) {
        const r = runCli(args, dir);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('不是存档文件夹内的相对路径');
      }
      expect(snapshotTree(dir)).toEqual(before);
      fs.writeFileSync(path.join(archiveDir, 'manifest.json'), good);
    });
  }
});

describe('archive never writes over what it did not write', () => {
  beforeAll(assertCliBuilt);
  afterAll(cleanupTemp);

  it("a clerk's index.html in --out stops the run before anything is written", () => {
    const dir = makeArchiveSeries();
    fs.mkdirSync(path.join(dir, '发文'));
    fs.writeFileSync(path.join(dir, '发文', 'index.html'), '<p>我们单位的主页</p>');
    const r = runCli(['archive', '--out', '发文'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('index.html  错误：不是 bulletin 上次存档时写的');
    expect(filesUnder(path.join(dir, '发文'))).toEqual(['index.html']);
    expect(fs.readFileSync(path.join(dir, '发文', 'index.html'), 'utf8')).toBe('<p>我们单位的主页</p>');
  });

  it('an index.html changed after archiving is kept, not replaced', () => {
    const dir = makeArchiveSeries();
    expect(runCli(['archive'], dir).code).toBe(0);
    fs.appendFileSync(path.join(dir, 'archive', 'index.html'), '<!-- 手工加的说明 -->');
    const before = snapshotTree(path.join(dir, 'archive'));
    const r = runCli(['archive'], dir);
    expect(r.code).toBe(1);
    expect(snapshotTree(path.join(dir, 'archive'))).toEqual(before);
  });

  it("the clerk's other files in --out stay untouched through archive runs", () => {
    const dir = makeArchiveSeries();
    fs.mkdirSync(path.join(dir, 'out', '2024'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'out', '2024', '说明.txt'), '手写的说明');
    expect(runCli(['archive', '--out', 'out'], dir).code).toBe(0);
    fs.appendFileSync(path.join(dir, 'issues', '001', '10-province.md'), '\n又一句。\n');
    expect(runCli(['archive', '--out', 'out'], dir).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out', '2024', '说明.txt'), 'utf8')).toBe('手写的说明');
  });

  it('two issues with the same output name are refused before anything is written', () => {
    const dir = makeArchiveSeries();
    expect(runCli(['archive'], dir).code).toBe(0);
    const before = snapshotTree(path.join(dir, 'archive'));
    fs.cpSync(path.join(dir, 'issues', '002'), path.join(dir, 'issues', '002b'), { recursive: true });
    fs.appendFileSync(path.join(dir, 'issues', '002b', '20-赣南师范大学.md'), '\n不同的一句。\n');
    const r = runCli(['archive'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '以下各期会生成同名的文件，没有做任何改动：2024/工作动态第2期（issues/002/issue.yaml、issues/002b/issue.yaml）',
    );
    expect(snapshotTree(path.join(dir, 'archive'))).toEqual(before);
  });

  it('a label without {n} makes every issue clash, and nothing is written', () => {
    const dir = makeArchiveSeries();
    const yaml = fs.readFileSync(path.join(dir, 'bulletin.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'bulletin.yaml'), yaml.replace(/^label: .*$/m, 'label: 本期'));
    const r = runCli(['archive'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('在 bulletin.yaml 的 label 中写上 {n}');
    expect(fs.existsSync(path.join(dir, 'archive'))).toBe(false);
  });
});

function interruptAfter(dir: string, ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'archive', '--jobs', '2'], {
      cwd: dir,
      stdio: 'ignore',
      env: { ...process.env, CI: 'true' },
    });
    const timer = setTimeout(() => child.kill('SIGINT'), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('Ctrl-C during archive', () => {
  beforeAll(assertCliBuilt);
  afterAll(cleanupTemp);

  it('at any moment leaves a manifest whose every file is there with its hash', async () => {
    const dir = makeArchiveSeries();
    expect(runCli(['archive'], dir).code).toBe(0);
    const archiveDir = path.join(dir, 'archive');
    const original = fs.readFileSync(path.join(dir, 'bulletin.yaml'), 'utf8');
    expect(original).toMatch(/^copies: /m);
    // How long a whole run that rebuilds both issues takes on this machine, so that the delays
    // sweep it from start-up through rendering to the manifest and the clean-up however fast it is.
    fs.writeFileSync(path.join(dir, 'bulletin.yaml'), original.replace(/^copies: .*$/m, 'copies: 99'));
    const started = Date.now();
    expect(await interruptAfter(dir, 600_000)).toBe(0);
    const whole = Date.now() - started;
    let interrupted = 0;
    // Each round changes what both issues print, so every run rewrites both.
    for (const [k, share] of [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95].entries()) {
      const ms = Math.round(whole * share);
      fs.writeFileSync(path.join(dir, 'bulletin.yaml'), original.replace(/^copies: .*$/m, `copies: ${100 + k}`));
      const code = await interruptAfter(dir, ms);
      // 130 from our handler; null when the signal came before the handler was installed.
      if (code !== 0) interrupted++;
      expect([0, 130, null]).toContain(code);
      expectConsistent(archiveDir);
    }
    expect(interrupted).toBeGreaterThan(3);
    // A complete run afterwards removes what the interrupted ones left behind.
    expect(runCli(['archive'], dir).code).toBe(0);
    const m = expectConsistent(archiveDir);
    expect(filesUnder(archiveDir)).toEqual([...m.issues.flatMap((i) => i.files.map((f) => f.path)), 'index.html', 'manifest.json'].sort());
    expect(readManifestOf(archiveDir).issues).toHaveLength(2);
  }, 120_000);
});
