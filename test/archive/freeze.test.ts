/**
 * An issued issue is a record: `bulletin issue N` freezes it, later changes to bulletin.yaml or
 * fonts never touch its archived files, and `archive --verify` tells an altered file (error),
 * sources edited after issue (warning) and a rebuild that differs only by fonts (note) apart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/archive/manifest.js';
import { readPdf } from '../helpers/pdf-text.js';
import { pdfText } from '../helpers/pdf-render.js';
import { assertCliBuilt, cleanupTemp, REPO, runCli } from '../helpers/series.js';
import { expectConsistent, makeArchiveSeries, readManifestOf, sha } from '../helpers/archive-series.js';

const NEW_UNIT = '新设协作单位';

describe('an issued issue is frozen', () => {
  let dir: string;
  let archiveDir: string;
  let frozen: Manifest['issues'][number];
  const run = (...args: string[]): ReturnType<typeof runCli> => runCli(args, dir);
  const pdfOf = (m: Manifest, n: number): string =>
    path.join(archiveDir, m.issues.find((i) => i.number === n)!.files.find((f) => f.format === 'pdf')!.path);
  const textOf = async (file: string): Promise<string> => pdfText(await readPdf(new Uint8Array(fs.readFileSync(file))));

  beforeAll(() => {
    assertCliBuilt();
    dir = makeArchiveSeries();
    archiveDir = path.join(dir, 'archive');
    // A configured font file, so that a font change can be simulated without touching the tool.
    fs.mkdirSync(path.join(dir, 'myfonts'));
    fs.copyFileSync(path.join(REPO, 'fonts', 'FandolKai-Regular.otf'), path.join(dir, 'myfonts', 'kai.otf'));
    fs.appendFileSync(path.join(dir, 'bulletin.yaml'), 'fonts:\n  kai: myfonts/kai.otf\n');
    fs.writeFileSync(
      path.join(dir, 'issues', '001', 'issue.yaml'),
      '# 第1期\nnumber: 1   # 期号\ndate: 2024-05-08\nprintDate: 2024-05-09\n',
    );
    expect(run('archive').code).toBe(0);
    const r = run('issue', '1', '--date', '2024-05-10');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('第1期已标记为印发（2024-05-10）');
    const a = run('archive');
    expect(a.code, a.stderr).toBe(0);
    frozen = readManifestOf(archiveDir).issues[0]!;
  });
  afterAll(cleanupTemp);

  it("marks issue.yaml keeping the clerk's comments, and writes the record beside it", () => {
    expect(fs.readFileSync(path.join(dir, 'issues', '001', 'issue.yaml'), 'utf8')).toBe(
      '# 第1期\nnumber: 1 # 期号\ndate: 2024-05-08\nprintDate: 2024-05-09\nissued: 2024-05-10\n',
    );
    const record = JSON.parse(fs.readFileSync(path.join(dir, 'issues', '001', 'issued.json'), 'utf8'));
    expect(record).toMatchObject({
      issued: '2024-05-10',
      total: 21,
      settings: { name: '工作动态', label: '第{n}期', fonts: { kai: ['myfonts/kai.otf'] } },
    });
    expect(Object.keys(record.sources)).toContain('10-province.md');
    expect(frozen).toMatchObject({ number: 1, issued: '2024-05-10' });
    const html = fs.readFileSync(path.join(archiveDir, 'index.html'), 'utf8');
    expect(html.match(/<span class="issued">已印发<\/span>/g)).toHaveLength(1);
  });

  it('a second `issue` on an issued issue changes nothing and points to --reissue', () => {
    const before = fs.readFileSync(path.join(dir, 'issues', '001', 'issued.json'));
    const r = run('issue', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('已于 2024-05-10 印发');
    expect(r.stderr).toContain('bulletin archive --reissue 1');
    expect(fs.readFileSync(path.join(dir, 'issues', '001', 'issued.json')).equals(before)).toBe(true);
  });

  it('a new 送 list reaches the draft, never the issued issue; verify passes', async () => {
    const before = readManifestOf(archiveDir);
    const issuedPdf = fs.readFileSync(pdfOf(before, 1));
    const yaml = fs.readFileSync(path.join(dir, 'bulletin.yaml'), 'utf8');
    const changed = yaml.replace(/^( {2}送:.*?)(\]?)$/m, (_, line: string, close: string) =>
      close ? `${line}, ${NEW_UNIT}]` : `${line}、${NEW_UNIT}`,
    );
    expect(changed).not.toBe(yaml);
    fs.writeFileSync(path.join(dir, 'bulletin.yaml'), changed);
    const r = run('archive');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/生成 1 期，跳过 1 期（没有变化，其中 1 期已印发）/);
    const after = expectConsistent(archiveDir);
    expect(after.issues[0]).toEqual(before.issues[0]);
    expect(fs.readFileSync(pdfOf(after, 1)).equals(issuedPdf)).toBe(true);
    expect(await textOf(pdfOf(after, 1))).not.toContain(NEW_UNIT);
    expect(await textOf(pdfOf(after, 2))).toContain(NEW_UNIT);
    const v = run('archive', '--verify');
    expect(v.code, v.stderr).toBe(0);
    expect(v.stderr).not.toMatch(/警告|说明|错误/);
  });

  it('other fonts: the issued files stay, verify passes with a note naming the file', () => {
    const before = readManifestOf(archiveDir);
    const kai = path.join(dir, 'myfonts', 'kai.otf');
    const good = fs.readFileSync(kai);
    fs.copyFileSync(path.join(REPO, 'fonts', 'FandolFang-Regular.otf'), kai);
    try {
      const r = run('archive');
      expect(r.code, r.stderr).toBe(0);
      expect(readManifestOf(archiveDir).issues[0]).toEqual(before.issues[0]);
      const v = run('archive', '--verify');
      expect(v.code, v.stderr).toBe(0);
      const pdf = before.issues[0]!.files.find((f) => f.format === 'pdf')!.path;
      expect(v.stderr).toContain(`archive/${pdf}  说明：按印发记录重新生成的文件与存档不同，只因字体变了`);
    } finally {
      fs.writeFileSync(kai, good);
      expect(run('archive').code).toBe(0);
    }
  });

  it('an item edited after issue: archive and verify warn at the file and the manifest keeps the warning; the issue is left alone', () => {
    const item = path.join(dir, 'issues', '001', '10-province.md');
    const good = fs.readFileSync(item);
    const before = readManifestOf(archiveDir);
    expect(before.diagnostics).toBeUndefined();
    fs.appendFileSync(item, '\n印发之后补的一句。\n');
    const added = path.join(dir, 'issues', '001', '20-late.md');
    fs.writeFileSync(added, '---\nsection: 高校动态\n---\n\n## 印发之后补的一条\n\n正文。\n');
    const line = (file: string, how: string): string =>
      `${file}  警告：第1期印发（2024-05-10）之后${how}了这个文件，与印发的不再一致（存档中仍是印发时的样子）。确要改发请运行 bulletin archive --reissue 1；否则请把它改回印发时的样子`;
    const expected = [line('issues/001/10-province.md', '改动'), line('issues/001/20-late.md', '添加')];
    try {
      const a = run('archive');
      expect(a.code, a.stderr).toBe(0);
      expect(a.stderr.split('\n').filter((l) => l.includes('警告：'))).toEqual(expected);
      const m = readManifestOf(archiveDir);
      expect(m.issues[0]).toEqual(before.issues[0]);
      expect(m.diagnostics).toEqual([
        { severity: 'warning', rule: 'archive-drift', file: 'issues/001/10-province.md', message: expected[0]!.split('警告：')[1] },
        { severity: 'warning', rule: 'archive-drift', file: 'issues/001/20-late.md', message: expected[1]!.split('警告：')[1] },
      ]);
      const v = run('archive', '--verify');
      expect(v.code, v.stderr).toBe(0);
      expect(v.stderr.split('\n').filter((l) => l.includes('警告：'))).toEqual(expected);
      expect(v.stdout).toContain('2 条警告，见上');
      // check, where the clerk edits, says the same.
      const c = run('check', '1');
      expect(c.code, c.stderr).toBe(0);
      expect(c.stderr.split('\n').filter((l) => l.includes('印发（'))).toEqual(expected);
    } finally {
      fs.writeFileSync(item, good);
      fs.rmSync(added);
    }
    // Sources back as issued: the next run has nothing to keep.
    const again = run('archive');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('警告：');
    expect(readManifestOf(archiveDir).diagnostics).toBeUndefined();
  });

  it('an altered archived PDF: verify fails naming it, archive does not rebuild it', () => {
    const m = readManifestOf(archiveDir);
    const file = pdfOf(m, 1);
    const good = fs.readFileSync(file);
    fs.appendFileSync(file, '%x\n');
    try {
      const v = run('archive', '--verify');
      expect(v.code).toBe(1);
      expect(v.stderr).toContain(
        `${path.relative(archiveDir, file).split(path.sep).join('/')}  错误：已印发（2024-05-10）的存档文件被改动过`,
      );
      const a = run('archive');
      expect(a.code).toBe(1);
      expect(a.stderr).toContain('已印发（2024-05-10）的第1期的存档文件被改动过，与清单中的 SHA-256 不符，没有动它');
      expect(fs.readFileSync(file).equals(Buffer.concat([good, Buffer.from('%x\n')]))).toBe(true);
    } finally {
      fs.writeFileSync(file, good);
    }
  });

  it('a byte changed in place in an archived issued file (same size): archive reports it at the file with the way to restore it, and the way works', () => {
    const m = readManifestOf(archiveDir);
    const file = pdfOf(m, 1);
    const good = fs.readFileSync(file);
    const bad = Buffer.from(good);
    bad[Math.floor(bad.length / 2)] ^= 0xff;
    fs.writeFileSync(file, bad);
    try {
      const a = run('archive');
      expect(a.code).toBe(1);
      const shown = path.relative(dir, file).split(path.sep).join('/');
      expect(a.stderr).toContain(
        `${shown}  错误：已印发（2024-05-10）的第1期的存档文件被改动过，与清单中的 SHA-256 不符，没有动它。恢复的办法：从备份或 git 历史取回这个文件；或者删去它再运行 bulletin archive，会按印发记录重新生成`,
      );
      expect(a.stdout).not.toMatch(/跳过 \d+ 期（没有变化，其中 2 期已印发）/);
      expect(a.stderr).not.toContain('check --all');
      expect(fs.readFileSync(file).equals(bad)).toBe(true);
      // The way the message gives: delete it, archive again, and the issued bytes come back.
      fs.rmSync(file);
      const again = run('archive');
      expect(again.code, again.stderr).toBe(0);
      expect(fs.readFileSync(pdfOf(readManifestOf(archiveDir), 1)).equals(good)).toBe(true);
    } finally {
      if (!fs.existsSync(file)) fs.writeFileSync(file, good);
    }
  });

  it('a hand-written issued: without a record is refused until `bulletin issue` records it', () => {
    fs.appendFileSync(path.join(dir, 'issues', '002', 'issue.yaml'), 'issued: 2024-06-20\n');
    const a = run('archive');
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('issues/002/issue.yaml  错误：issue.yaml 写了 issued，但没有印发记录 issued.json。请运行 bulletin issue 2');
    const i = run('issue', '2');
    expect(i.code, i.stderr).toBe(0);
    expect(i.stdout).toContain('第2期已标记为印发（2024-06-20）');
    expect(run('archive').code).toBe(0);
    expect(readManifestOf(archiveDir).issues.map((x) => x.issued)).toEqual(['2024-05-10', '2024-06-20']);
  });

  it("--reissue rebuilds an issued issue on purpose with today's settings and records it", async () => {
    const before = readManifestOf(archiveDir);
    const r = run('archive', '--reissue', '1');
    expect(r.code, r.stderr).toBe(0);
    const after = expectConsistent(archiveDir);
    expect(after.issues[0]!.files[0]!.path).not.toBe(before.issues[0]!.files[0]!.path);
    expect(await textOf(pdfOf(after, 1))).toContain(NEW_UNIT);
    const record = JSON.parse(fs.readFileSync(path.join(dir, 'issues', '001', 'issued.json'), 'utf8'));
    expect(record.issued).toBe('2024-05-10');
    expect(record.reissued).toHaveLength(1);
    expect(after.issues[0]!.record).toBe(sha(path.join(dir, 'issues', '001', 'issued.json')));
    // The replaced files are gone; the folder holds only what the manifest lists.
    for (const f of before.issues[0]!.files) expect(fs.existsSync(path.join(archiveDir, f.path))).toBe(false);
    expect(run('archive', '--verify').code).toBe(0);
  });

  it('a record edited by hand is not a reissue: archive keeps the files and says how', () => {
    const file = path.join(dir, 'issues', '001', 'issued.json');
    const good = fs.readFileSync(file);
    const rec = JSON.parse(good.toString('utf8'));
    rec.settings.name = '别的简报';
    fs.writeFileSync(file, JSON.stringify(rec));
    try {
      const before = readManifestOf(archiveDir);
      const a = run('archive');
      expect(a.code).toBe(1);
      expect(a.stderr).toContain('issues/001/issued.json  错误：印发记录与存档时不同');
      expect(readManifestOf(archiveDir).issues[0]).toEqual(before.issues[0]);
      expect(run('archive', '--verify').code).toBe(1);
    } finally {
      fs.writeFileSync(file, good);
    }
  });
});
