/**
 * Property: what other people wrote — a submission's file name, a unit name, a published
 * archive's manifest — stays data. Hostile names never add keys to a front matter or lines to
 * the terminal, never start a formula in a CSV; imports run at the same time leave exactly one
 * record per distinct file; a manifest that passes the reader links only to files beside the
 * index and never makes the cleanup touch a file it did not write or anything outside.
 *
 * The pure properties run many cases cheaply; the ones that spawn the CLI or LibreOffice-free
 * imports run a few in the suite. FUZZ_RUNS scales them all (`npm run fuzz`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeUnlisted } from '../../src/archive/cleanup.js';
import { fileHref, indexHtml } from '../../src/archive/index-html.js';
import { archiveLayoutPath, manifestProblem, safeArchivePath, type Manifest } from '../../src/archive/manifest.js';
import { Diagnostics, formatDiagnostic } from '../../src/diagnostics.js';
import { planImport } from '../../src/import/plan-import.js';
import type { Submission } from '../../src/import/read-submission.js';
import { csvCell, oneLine, terminalText, yamlText } from '../../src/output/escape.js';
import { openSeries } from '../../src/pipeline.js';
import { readFrontMatter } from '../../src/sources/markdown.js';
import { assertCliBuilt, bulletinYaml, issueYaml, runCli, startCli } from '../helpers/series.js';
import { makeArchiveSeries, sha } from '../helpers/archive-series.js';

const FUZZ = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined;
/** Cheap in-process cases; and cases that spawn the CLI, a few unless fuzzing. */
const PURE_RUNS = FUZZ ?? 150;
const CLI_RUNS = FUZZ ? Math.max(2, Math.round(FUZZ / 50)) : 2;
/** Races show up in some runs only: the concurrent imports get a few more. */
const RACE_RUNS = FUZZ ? CLI_RUNS : 4;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : FUZZ ? undefined : 20261206;
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-hostile-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Pieces an attacker strings together: YAML and Markdown syntax, controls, escapes, bidi, CJK. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('赣南师大', '来稿', '动态', '第2期', 'a', 'Z', '1', ' ', '.', '-') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '\n',
      '\r',
      '\r\n',
      '\t',
      '"',
      "'",
      '#',
      ': ',
      '---',
      '...',
      '- ',
      '? ',
      '|',
      '>',
      '&a',
      '*a',
      '!!js/function',
      '{',
      '}',
      '[',
      ']',
      '%',
      '@',
      '`',
      '\\',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'order: -999',
      'section: 编者按',
      'title: 假',
      '\u001b[2J',
      '\u001b]0;x\u0007',
      '\u009b31m',
      '\u202e',
      '\u2066',
      '\u200f',
      '\u0000',
      '\u007f',
      '\u2028',
      '\u0085',
      '\ufeff',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);
const hostile = fc.array(piece, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
/** A name that a file system takes: no slash, no NUL, not empty, under 200 bytes. */
const fileName = hostile
  .map((s) => `${s.replace(/[/\0]/g, '_').slice(0, 60)}.txt`)
  .filter((s) => Buffer.byteLength(s) < 200 && s !== '.txt');

describe('escaping (pure)', () => {
  it(`oneLine and terminalText leave no control a terminal acts on; oneLine keeps one line (${PURE_RUNS} cases)`, () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(oneLine(s)).not.toMatch(RAW_CONTROL);
        expect(oneLine(s)).not.toMatch(/[\n\r\t]/);
        expect(terminalText(s)).not.toMatch(RAW_CONTROL);
        expect(formatDiagnostic({ severity: 'error', rule: 'x', file: s, message: '说明' }).split('\n')).toHaveLength(1);
      }),
      { numRuns: PURE_RUNS, seed: SEED },
    );
  });

  it(`yamlText: any string reads back as itself, on one line, never a document marker (${PURE_RUNS} cases)`, () => {
    fc.assert(
      fc.property(hostile, hostile, (key, value) => {
        const text = yamlText({ section: '高校动态', [key]: value, source: { file: value } });
        expect(parse(text)).toEqual({ section: '高校动态', [key]: value, source: { file: value } });
        expect(text.split('\n').some((l) => /^(---|\.\.\.)(\s|$)/.test(l))).toBe(false);
      }),
      { numRuns: PURE_RUNS, seed: SEED },
    );
  });

  it(`csvCell: never a formula, and the text is all there (${PURE_RUNS} cases)`, () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const cell = csvCell(s);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        // A plain number (a count, -1, 2.5) is no formula and stays a number.
        if (!/^-?\d+(\.\d+)?%?$/.test(unquoted)) expect(unquoted).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
        expect(unquoted === s || unquoted === `'${s}`).toBe(true);
        if (!cell.startsWith('"')) expect(cell).not.toMatch(/[",\r\n]/);
      }),
      { numRuns: PURE_RUNS, seed: SEED },
    );
  });
});

describe('hostile submission names', () => {
  let seriesDir: string;
  beforeAll(() => {
    assertCliBuilt();
    seriesDir = path.join(tmpRoot, 'series');
    fs.mkdirSync(path.join(seriesDir, 'issues/001'), { recursive: true });
    fs.writeFileSync(
      path.join(seriesDir, 'bulletin.yaml'),
      bulletinYaml('units:\n  - name: 赣南师范大学\n    kind: 高校\n    aliases: [赣南师大]'),
    );
    fs.writeFileSync(path.join(seriesDir, 'issues/001/issue.yaml'), issueYaml(1, '2024-05-08'));
  });

  it(`the item's front matter holds section, unit and source — source.file is the name — whatever the name (${PURE_RUNS} cases)`, async () => {
    const series = openSeries(seriesDir).series;
    await fc.assert(
      fc.asyncProperty(fileName, async (name) => {
        const bytes = Buffer.from('赣南师大召开推进会\n\n4月18日，赣南师范大学召开协同提质行动推进会。\n');
        const sub: Submission = {
          abs: path.join(tmpRoot, 'x.txt'),
          name,
          bytes,
          sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
          kind: 'text',
        };
        const plan = await planImport(sub, series, {});
        const text = plan.items[0]!.text;
        const diags = new Diagnostics();
        const fm = readFrontMatter<Record<string, unknown>>(text, 'x.md', 'item', diags);
        expect(diags.list, text).toEqual([]);
        expect(Object.keys(fm.value ?? {}).sort()).toEqual(['section', 'source', 'unit']);
        expect((fm.value!.source as { file: string }).file).toBe(name);
        expect(fm.body).toContain('## 赣南师大召开推进会');
        expect(plan.items[0]!.name).not.toMatch(RAW_CONTROL);
        // check would report a raw control in the tool's own output as an error.
        expect(text.slice(0, text.indexOf('\n---\n'))).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      }),
      { numRuns: PURE_RUNS, seed: SEED },
    );
  });

  it(
    `through the CLI: exit 0, nothing raw on the terminal, one output line per line of a plain import (${CLI_RUNS} cases)`,
    () => {
      const plain = path.join(tmpRoot, 'plain');
      let baseline: number | undefined;
      fc.assert(
        fc.property(fileName, (name) => {
          const dir = fs.mkdtempSync(path.join(tmpRoot, 'c-'));
          fs.cpSync(seriesDir, dir, { recursive: true });
          const sub = fs.mkdtempSync(path.join(tmpRoot, 'sub-'));
          const file = path.join(sub, name);
          fs.writeFileSync(file, '赣南师大召开推进会\n\n4月18日，赣南师范大学召开协同提质行动推进会。\n');
          if (baseline === undefined) {
            fs.mkdirSync(plain, { recursive: true });
            fs.cpSync(seriesDir, path.join(plain, 's'), { recursive: true });
            fs.writeFileSync(path.join(plain, '来稿.txt'), fs.readFileSync(file));
            baseline = runCli(['import', path.join(plain, '来稿.txt')], path.join(plain, 's')).lines.length;
          }
          const r = runCli(['import', file], dir);
          expect(r.code, r.stdout + r.stderr).toBe(0);
          expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
          expect(r.lines.length).toBe(baseline);
        }),
        { numRuns: CLI_RUNS, seed: SEED },
      );
    },
    Math.max(120_000, CLI_RUNS * 10_000),
  );
});

describe('imports at the same time', () => {
  const SENDERS = ['赣南师大', '九江学院', '南昌市', '赣州市'];
  it(
    `2 to 6 imports at once, some of the same file: one record and one item per distinct file (${RACE_RUNS} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.integer({ min: 0, max: SENDERS.length - 1 }), { minLength: 2, maxLength: 6 }), async (picks) => {
          const dir = fs.mkdtempSync(path.join(tmpRoot, 'cc-'));
          fs.mkdirSync(path.join(dir, 'issues/001'), { recursive: true });
          fs.writeFileSync(
            path.join(dir, 'bulletin.yaml'),
            bulletinYaml(
              'units:\n  - name: 赣南师范大学\n    kind: 高校\n    aliases: [赣南师大]\n  - name: 九江学院\n    kind: 高校\n  - name: 南昌市教育局\n    kind: 设区市\n    aliases: [南昌市]\n  - name: 赣州市教育局\n    kind: 设区市\n    aliases: [赣州市]',
            ),
          );
          fs.writeFileSync(path.join(dir, 'issues/001/issue.yaml'), issueYaml(1, '2024-05-08'));
          const sub = fs.mkdtempSync(path.join(tmpRoot, 'cs-'));
          // The same sender twice is the same file twice (one path), as when two clerks import it.
          const files = SENDERS.map((s) => {
            const f = path.join(sub, `${s}来稿.txt`);
            fs.writeFileSync(f, `${s}召开协同提质推进会\n\n5月6日，${s}召开协同提质行动推进会。\n`);
            return f;
          });
          const runs = await Promise.all(picks.map((k) => startCli(['import', files[k]!], dir)));
          for (const r of runs) {
            expect([0, 1], r.out).toContain(r.code);
            if (r.code === 1) expect(r.out).toContain('已经导入过本期');
            expect(r.out).not.toMatch(/内部错误|at .*\.js/);
          }
          const distinct = new Set(picks).size;
          const log = parse(fs.readFileSync(path.join(dir, 'issues/001/imports.yaml'), 'utf8')) as { imports: Array<{ file: string }> };
          expect(log.imports.map((r) => r.file).sort()).toEqual([...new Set(picks)].map((k) => `${SENDERS[k]}来稿.txt`).sort());
          expect(fs.readdirSync(path.join(dir, 'issues/001')).filter((f) => f.endsWith('.md'))).toHaveLength(distinct);
          expect(runs.filter((r) => r.code === 0)).toHaveLength(distinct);
          expect(fs.readdirSync(path.join(dir, 'issues/001')).filter((f) => f.includes('lock'))).toEqual([]);
        }),
        { numRuns: RACE_RUNS, seed: SEED },
      );
    },
    Math.max(300_000, RACE_RUNS * 20_000),
  );
});

describe('hostile manifests', () => {
  let series: string;
  let good: Manifest;
  beforeAll(() => {
    assertCliBuilt();
    series = makeArchiveSeries();
    const r = runCli(['archive'], series);
    expect(r.code, r.stderr).toBe(0);
    good = JSON.parse(fs.readFileSync(path.join(series, 'archive', 'manifest.json'), 'utf8'));
  });

  const pathPiece = fc.oneof(
    fc.constantFrom(
      '2024',
      '工作动态第1期',
      '0123456789ab',
      'abcdef012345',
      '工作动态第1期.pdf',
      '工作动态第1期.html',
      'index.html',
      'manifest.json',
      '说明.txt',
    ),
    fc.constantFrom(
      '..',
      '.',
      '',
      'javascript:alert(1)',
      'JaVaScRiPt:x',
      'data:text/html,x',
      'https:evil',
      '//evil',
      'C:',
      '\\\\evil\\s',
      '%2e%2e',
      '..%2f',
      'file:',
      '\u202e',
      '\n',
      '#',
      '?',
    ),
    hostile,
  );
  const hostilePath = fc.oneof(
    fc.array(pathPiece, { minLength: 1, maxLength: 5 }).map((a) => a.join('/')),
    hostile,
  );

  /** A copy of the archive, a clerk's file in it, and a folder outside it, as the cleanup finds them. */
  function scene(): { archive: string; outside: string } {
    const base = fs.mkdtempSync(path.join(tmpRoot, 'm-'));
    const archive = path.join(base, 'archive');
    fs.cpSync(path.join(series, 'archive'), archive, { recursive: true });
    fs.writeFileSync(path.join(archive, '说明.txt'), '本文件夹为存档。');
    const outside = path.join(base, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'victim.txt'), "not the archive's");
    return { archive, outside };
  }

  it(
    `a manifest that passes the reader links only beside the index, and its cleanup removes only archive's own listed bytes (${PURE_RUNS} cases)`,
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 2 }), hostilePath, fc.boolean(), (i, k, p, keepHash) => {
          const m: Manifest = JSON.parse(JSON.stringify(good));
          const issue = m.issues[i % m.issues.length]!;
          const file = issue.files[k % issue.files.length]!;
          const { archive, outside } = scene();
          // The hostile entry, with the hash of a file it may name so that only the path is tested.
          file.path = p;
          if (keepHash && safeArchivePath(p) && fs.existsSync(path.join(archive, p)) && fs.statSync(path.join(archive, p)).isFile())
            file.sha256 = sha(path.join(archive, p));
          const problem = manifestProblem(m);
          if (problem !== undefined) {
            expect(problem).toMatch(/[\u4e00-\u9fff]/);
            return;
          }
          for (const f of m.issues.flatMap((x) => x.files)) {
            expect(archiveLayoutPath(f.path), f.path).toBe(true);
            const u = new URL(fileHref(f.path), 'file:///srv/archive/index.html');
            expect(u.protocol).toBe('file:');
            expect(u.pathname.startsWith('/srv/archive/')).toBe(true);
          }
          for (const h of indexHtml(m).matchAll(/href="([^"]*)"/g))
            expect(new URL(h[1]!.replace(/&amp;/g, '&'), 'file:///srv/archive/index.html').protocol).toBe('file:');
          const before = new Map(fs.readdirSync(archive, { recursive: true, withFileTypes: false }).map((f) => [String(f), true]));
          removeUnlisted(archive, m, { ...m, issues: [] });
          expect(fs.readFileSync(path.join(outside, 'victim.txt'), 'utf8')).toBe("not the archive's");
          expect(fs.readFileSync(path.join(archive, '说明.txt'), 'utf8')).toBe('本文件夹为存档。');
          expect(fs.existsSync(path.join(archive, 'index.html'))).toBe(true);
          expect(fs.existsSync(path.join(archive, 'manifest.json'))).toBe(true);
          expect(before.size).toBeGreaterThan(0);
        }),
        { numRuns: Math.min(PURE_RUNS, FUZZ ?? 60), seed: SEED },
      );
    },
    Math.max(120_000, (FUZZ ?? 0) * 200),
  );

  it(
    `archive --verify on a damaged manifest: exit 0 or 1, never a write, never outside (${CLI_RUNS} cases)`,
    () => {
      fc.assert(
        fc.property(hostilePath, fc.constantFrom('path', 'sha256', 'format', 'size'), (p, field) => {
          const { archive, outside } = scene();
          const root = path.dirname(archive);
          fs.copyFileSync(path.join(series, 'bulletin.yaml'), path.join(root, 'bulletin.yaml'));
          fs.cpSync(path.join(series, 'issues'), path.join(root, 'issues'), { recursive: true });
          const m = JSON.parse(JSON.stringify(good)) as any;
          m.issues[0].files[0][field] = field === 'size' ? p.length : p;
          fs.writeFileSync(path.join(archive, 'manifest.json'), JSON.stringify(m));
          const listing = (d: string): string[] => (fs.readdirSync(d, { recursive: true }) as string[]).map(String).sort();
          const before = listing(archive);
          const r = runCli(['archive', '--verify'], root);
          expect([0, 1], r.stdout + r.stderr).toContain(r.code);
          expect(r.stdout + r.stderr).not.toMatch(/内部错误|at .*\.js/);
          expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
          expect(listing(archive)).toEqual(before);
          expect(listing(outside)).toEqual(['victim.txt']);
        }),
        { numRuns: CLI_RUNS, seed: SEED },
      );
    },
    Math.max(300_000, CLI_RUNS * 20_000),
  );
});
