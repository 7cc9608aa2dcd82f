/**
 * The archive is published (the archive branch, GitLab Pages), so every byte of it is
 * untrusted: a manifest path that is a script URL never becomes a link in index.html; links
 * inside archive/ never make `archive` write or delete outside it; a manifest entry never
 * makes it delete a file inside archive/ that it did not write; --verify fails on all of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { indexHtml } from '../../src/archive/index-html.js';
import { assertCliBuilt, cleanupTemp, runCli, tempDir } from '../helpers/series.js';
import { makeArchiveSeries, readManifestOf, sha } from '../helpers/archive-series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

/** Every link of a page, as the browser resolves it against the page's own file:// address. */
function resolvedLinks(html: string): URL[] {
  const base = 'file:///srv/archive/index.html';
  const inPage = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
  const data = /var DATA = (.*);\n/.exec(html);
  const inSearch = data ? (JSON.parse(data[1]!) as { items: Array<{ h: string }> }).items.map((i) => i.h).filter(Boolean) : [];
  return [...inPage, ...inSearch].map((h) => new URL(h, base));
}

/** Every entry under dir without following links: files by content, links by target. */
function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const abs = path.join(root, r);
      if (e.isSymbolicLink()) out[r] = `-> ${fs.readlinkSync(abs)}`;
      else if (e.isDirectory()) {
        out[`${r}/`] = '';
        walk(r);
      } else out[r] = fs.readFileSync(abs).toString('base64');
    }
  };
  walk('');
  return out;
}

let dir: string;
let archiveDir: string;
let good: string;
let outside: string;

beforeEach(() => {
  dir = makeArchiveSeries();
  archiveDir = path.join(dir, 'archive');
  const r = runCli(['archive'], dir);
  expect(r.code, r.stderr).toBe(0);
  good = fs.readFileSync(path.join(archiveDir, 'manifest.json'), 'utf8');
  outside = tempDir('bulletin-outside-');
  fs.writeFileSync(path.join(outside, 'victim.txt'), "not the archive's");
});

const doctor = (change: (m: any) => void): void => {
  const m = JSON.parse(good);
  change(m);
  fs.writeFileSync(path.join(archiveDir, 'manifest.json'), JSON.stringify(m, null, 2));
};

function expectRefused(args: string[][], pattern: RegExp): void {
  for (const a of args) {
    const r = runCli(a, dir);
    expect(r.code, `${a.join(' ')}\n${r.stdout}${r.stderr}`).toBe(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/内部错误|at .*\.js/);
  }
}

describe('a script URL in the manifest never becomes a link', () => {
  for (const p of [
    'javascript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'https:evil.example/2024/x.pdf',
    'JaVaScRiPt:alert(1)//2024/x/0123456789ab/x.pdf',
  ]) {
    it(`${p}: archive and --verify exit 1 at manifest.json; index.html is not rewritten`, () => {
      doctor((m) => (m.issues[0].files[0].path = p));
      const before = snapshotTree(dir);
      expectRefused(
        [['archive'], ['archive', '--verify']],
        /manifest\.json  错误：格式不对：.*不是 bulletin 存档的文件路径|不是存档文件夹内的相对路径/,
      );
      expect(snapshotTree(dir)).toEqual(before);
    });
  }

  it('every link index.html writes resolves to a file beside it, whatever the path says', () => {
    const m = readManifestOf(archiveDir);
    m.issues[0]!.files[0]!.path = 'javascript:alert(1)';
    m.issues[0]!.files.push({ ...m.issues[0]!.files[0]!, format: 'html', path: 'javascript:alert(2)' });
    const html = indexHtml(m);
    const links = resolvedLinks(html);
    expect(links.length).toBeGreaterThan(2);
    for (const u of links) expect(u.protocol, u.href).toBe('file:');
    for (const u of links) expect(u.pathname.startsWith('/srv/archive/'), u.href).toBe(true);
  });
});

describe('links inside archive/ never lead outside', () => {
  it('a year folder that is a link to outside: archive writes nothing there, exit 1 naming it; --verify fails', () => {
    const year = path.join(archiveDir, '2024');
    fs.cpSync(year, path.join(outside, 'copy'), { recursive: true });
    fs.rmSync(year, { recursive: true });
    fs.symlinkSync(outside, year);
    const before = snapshotTree(outside);
    const beforeSeries = snapshotTree(dir);
    expectRefused([['archive'], ['archive', '--verify']], /archive\/2024  错误：.*链接/);
    expect(snapshotTree(outside)).toEqual(before);
    expect(snapshotTree(dir)).toEqual(beforeSeries);
  });

  it('an issue folder linked outside: a rebuild neither writes there nor deletes the old files there', () => {
    const m = readManifestOf(archiveDir);
    const issueDir = path.join(archiveDir, ...m.issues[0]!.files[0]!.path.split('/').slice(0, 2));
    const moved = path.join(outside, 'issue');
    fs.cpSync(issueDir, moved, { recursive: true });
    fs.rmSync(issueDir, { recursive: true });
    fs.symlinkSync(moved, issueDir);
    // A changed item: the old content folder would be removed after the new one is written.
    const item = fs.readdirSync(path.join(dir, 'issues', '001')).find((f) => f.endsWith('.md'))!;
    fs.appendFileSync(path.join(dir, 'issues', '001', item), '\n补充的一段。\n');
    const before = snapshotTree(outside);
    expectRefused([['archive']], /链接/);
    expect(snapshotTree(outside)).toEqual(before);
    expect(fs.readFileSync(path.join(archiveDir, 'manifest.json'), 'utf8')).toBe(good);
  });

  it('manifest.json or index.html that is a link to an outside file is neither read nor replaced', () => {
    for (const name of ['manifest.json', 'index.html']) {
      const target = path.join(outside, `${name}.real`);
      fs.copyFileSync(path.join(archiveDir, name), target);
      fs.rmSync(path.join(archiveDir, name));
      fs.symlinkSync(target, path.join(archiveDir, name));
      const before = snapshotTree(outside);
      expectRefused([['archive'], ['archive', '--verify']], new RegExp(`archive/${name.replace('.', '\\.')}  错误：.*链接`));
      expect(snapshotTree(outside)).toEqual(before);
      fs.rmSync(path.join(archiveDir, name));
      fs.copyFileSync(target, path.join(archiveDir, name));
    }
  });
});

describe('a manifest entry never makes archive delete a file it did not write', () => {
  const victims: Array<[string, (m: any) => void]> = [
    [
      'the index it just wrote',
      (m) => m.issues[0].files.push({ ...m.issues[0].files[0], path: 'index.html', sha256: sha(path.join(archiveDir, 'index.html')) }),
    ],
    [
      "a clerk's note",
      (m) => m.issues[0].files.push({ ...m.issues[0].files[0], path: '说明.txt', sha256: sha(path.join(archiveDir, '说明.txt')) }),
    ],
    [
      "a clerk's file in an issue folder",
      (m) =>
        m.issues[0].files.push({
          ...m.issues[0].files[0],
          path: `${m.issues[0].files[0].path.split('/').slice(0, 2).join('/')}/备注.txt`,
          sha256: sha(path.join(archiveDir, '说明.txt')),
        }),
    ],
  ];
  for (const [what, change] of victims) {
    it(`${what}: archive and --verify exit 1, every file stays`, () => {
      fs.writeFileSync(path.join(archiveDir, '说明.txt'), '本文件夹为存档。');
      const m0 = readManifestOf(archiveDir);
      fs.writeFileSync(path.join(archiveDir, ...m0.issues[0]!.files[0]!.path.split('/').slice(0, 2), '备注.txt'), '本文件夹为存档。');
      doctor(change);
      const before = snapshotTree(dir);
      expectRefused([['archive'], ['archive', '--verify']], /manifest\.json  错误：格式不对/);
      expect(snapshotTree(dir)).toEqual(before);
    });
  }
});

describe('cleanup removes only what archive wrote, and never through a link', () => {
  it('a listed file reached through a link, or changed since, is left where it is', async () => {
    const { removeUnlisted } = await import('../../src/archive/cleanup.js');
    const m = readManifestOf(archiveDir);
    const [a, b] = m.issues[0]!.files as [any, any];
    // a: its issue folder becomes a link to a copy outside; b: its bytes are changed in place.
    const issueDir = path.join(archiveDir, ...a.path.split('/').slice(0, 2));
    const moved = path.join(outside, 'issue');
    fs.cpSync(issueDir, moved, { recursive: true });
    const bPath = path.join(archiveDir, ...b.path.split('/'));
    const bBytes = Buffer.concat([fs.readFileSync(bPath), Buffer.from('changed by hand')]);
    fs.rmSync(issueDir, { recursive: true });
    fs.symlinkSync(moved, issueDir);
    const before = snapshotTree(outside);
    const next = { ...m, issues: [] };
    removeUnlisted(archiveDir, m, next);
    expect(snapshotTree(outside)).toEqual(before);
    // Through the link the copy of b still holds archive's bytes; in place, b holds a clerk's change.
    fs.rmSync(issueDir);
    fs.cpSync(moved, issueDir, { recursive: true });
    fs.writeFileSync(bPath, bBytes);
    removeUnlisted(archiveDir, m, next);
    expect(fs.readFileSync(bPath).equals(bBytes)).toBe(true);
    expect(fs.existsSync(path.join(archiveDir, ...a.path.split('/')))).toBe(false);
  });
});

describe("a clerk's own links beside the archive", () => {
  it('a link in --out that archive neither reads nor writes does not stop it', () => {
    fs.symlinkSync(outside, path.join(archiveDir, '我的资料'));
    const r = runCli(['archive'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(runCli(['archive', '--verify'], dir).code).toBe(0);
  });
});
