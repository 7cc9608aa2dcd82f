/**
 * Property: take a real series (every kind of content, an image, two issues) and damage it as a
 * careless clerk or an attacker would — flipped bytes, cut files, shuffled or repeated lines,
 * odd front-matter openers, random values for the keys of issue.yaml and bulletin.yaml — then
 * run a command through the CLI's own entry point. Whatever happened, the contract holds:
 *   exit 0 or 1, never 2; no stack trace; every error names a file; nothing outside the output
 *   folder changes; after a failed build the previous outputs are intact.
 * FUZZ_RUNS sets the number of cases (`npm run fuzz` runs 5,000; the suite a few dozen).
 */
import { DEFAULT_FORMATS } from '../../src/render/formats.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { REPO } from '../helpers/series.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
/** Long runs report how far they got, so a run cut short still tells its figures. */
const PROGRESS = process.env.FUZZ_RUNS ? path.join(os.tmpdir(), 'bulletin-fuzz-progress.log') : undefined;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : 20241124;
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-mut-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const MIXED = path.join(REPO, 'test/fixtures/mixed');
/** The pristine series: the mixed fixture plus a second issue, so numbering and `build` without argument matter. */
const pristine = path.join(tmpRoot, 'pristine');
/** Outputs of a good build of the pristine series, the "old outputs" every case starts from. */
const oldOut = path.join(tmpRoot, 'old-out');

type Tree = Map<string, Buffer>;

function readTree(dir: string, skip?: string): Tree {
  const out: Tree = new Map();
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (skip && r === skip) continue;
      if (e.isDirectory()) {
        out.set(`${r}/`, Buffer.alloc(0));
        walk(r);
      } else out.set(r, fs.readFileSync(path.join(dir, r)));
    }
  };
  walk('');
  return out;
}

function writeTree(dir: string, tree: Tree): void {
  for (const [rel, bytes] of tree) {
    const abs = path.join(dir, rel);
    if (rel.endsWith('/')) fs.mkdirSync(abs, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, bytes);
    }
  }
}

async function run(args: string[], cwd: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  const before = process.cwd();
  process.chdir(cwd);
  process.exitCode = undefined;
  try {
    const code = await main(['node', 'bulletin', ...args], io);
    return { code, out, err };
  } finally {
    process.exitCode = undefined;
    process.chdir(before);
  }
}

// ---- mutations -------------------------------------------------------------------------------

const OPENERS = [
  '---js',
  '---javascript',
  '---json',
  '---yaml',
  '--- x',
  '----',
  '---coffee',
  '--- ---',
  '---toml',
  '---\t',
  '+++',
  '---\u00a0',
];
const YAML_VALUES = [
  '',
  '""',
  '0',
  '-1',
  '99999999999999999999',
  '1.5',
  'true',
  'null',
  '~',
  '[]',
  '{}',
  '[a, b',
  '"unterminated',
  '*alias',
  '&a x',
  '!!js/function "function(){}"',
  '2024-02-30',
  '1970-01-01',
  '2024-13-01',
  '../../x',
  '/etc/passwd',
  'a/b',
  '..',
  '第{n}期',
  '{special}',
  '本期',
  '🙂',
  '\u0000',
  '堃',
  'x'.repeat(300),
  '长'.repeat(120),
  'C:\\\\Windows',
  '|\n  多行\n  文字',
  '\n  - 省级动态\n  - 省级动态',
  '\n  - name: ../x\n    kind: news',
  '\n  body: 方正仿宋_没有\n  title: no-such.ttf',
];
const ISSUE_KEYS = ['number', 'date', 'printDate', 'special', 'total', 'copies', 'sections', 'distribution', 'bogus'];
const SERIES_KEYS = [
  'series',
  'name',
  'publisher',
  'numbering',
  'label',
  'totalLabel',
  'specialLabel',
  'issuesDir',
  'sections',
  'distribution',
  'copies',
  'fonts',
  'classification',
  'endBlockOnEvenPage',
];

type Mutation =
  | { kind: 'flip'; file: number; at: number; bits: number }
  | { kind: 'truncate'; file: number; at: number }
  | { kind: 'shuffle'; file: number; seed: number }
  | { kind: 'duplicate'; file: number; line: number; times: number }
  | { kind: 'opener'; file: number; opener: string }
  | { kind: 'issueValue'; issue: number; key: string; value: string }
  | { kind: 'seriesValue'; key: string; value: string }
  | { kind: 'remove'; file: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), file: fc.nat(), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), file: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('shuffle' as const), file: fc.nat(), seed: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), file: fc.nat(), line: fc.nat(), times: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('opener' as const), file: fc.nat(), opener: fc.constantFrom(...OPENERS) }),
  fc.record({
    kind: fc.constant('issueValue' as const),
    issue: fc.nat(),
    key: fc.constantFrom(...ISSUE_KEYS),
    value: fc.constantFrom(...YAML_VALUES),
  }),
  fc.record({ kind: fc.constant('seriesValue' as const), key: fc.constantFrom(...SERIES_KEYS), value: fc.constantFrom(...YAML_VALUES) }),
  fc.record({ kind: fc.constant('remove' as const), file: fc.nat() }),
);

/** Replaces (or adds) a top-level key of a YAML file, dropping its indented continuation lines. */
function setYamlKey(text: string, key: string, value: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let skipping = false;
  for (const l of lines) {
    if (new RegExp(`^${key}:`).test(l)) {
      skipping = true;
      continue;
    }
    if (skipping && /^\s+\S/.test(l)) continue;
    skipping = false;
    out.push(l);
  }
  return `${out.join('\n').replace(/\n*$/, '\n')}${key}: ${value}\n`;
}

function mutate(tree: Tree, m: Mutation): void {
  const files = [...tree.keys()].filter((k) => !k.endsWith('/')).sort();
  const pick = (n: number): string => files[n % files.length]!;
  switch (m.kind) {
    case 'flip': {
      const f = pick(m.file);
      const b = Buffer.from(tree.get(f)!);
      if (b.length) b[m.at % b.length] ^= m.bits;
      tree.set(f, b);
      return;
    }
    case 'truncate': {
      const f = pick(m.file);
      const b = tree.get(f)!;
      tree.set(f, b.subarray(0, b.length ? m.at % b.length : 0));
      return;
    }
    case 'shuffle': {
      const f = pick(m.file);
      const lines = tree.get(f)!.toString('utf8').split('\n');
      let s = m.seed;
      for (let i = lines.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      tree.set(f, Buffer.from(lines.join('\n')));
      return;
    }
    case 'duplicate': {
      const f = pick(m.file);
      const lines = tree.get(f)!.toString('utf8').split('\n');
      const i = m.line % lines.length;
      lines.splice(i, 0, ...Array.from({ length: m.times }, () => lines[i]!));
      tree.set(f, Buffer.from(lines.join('\n')));
      return;
    }
    case 'opener': {
      const mds = files.filter((f) => f.endsWith('.md'));
      const f = mds[m.file % mds.length]!;
      tree.set(
        f,
        Buffer.from(
          tree
            .get(f)!
            .toString('utf8')
            .replace(/^[^\n]*/, m.opener),
        ),
      );
      return;
    }
    case 'issueValue': {
      const ys = files.filter((f) => f.endsWith('issue.yaml'));
      if (!ys.length) return;
      const f = ys[m.issue % ys.length]!;
      tree.set(f, Buffer.from(setYamlKey(tree.get(f)!.toString('utf8'), m.key, m.value)));
      return;
    }
    case 'seriesValue':
      if (tree.has('bulletin.yaml'))
        tree.set('bulletin.yaml', Buffer.from(setYamlKey(tree.get('bulletin.yaml')!.toString('utf8'), m.key, m.value)));
      return;
    case 'remove':
      tree.delete(pick(m.file));
      return;
  }
}

// ---- the contract ----------------------------------------------------------------------------

const COMMANDS: string[][] = [
  ['check'],
  ['check', '--all'],
  ['build', '--out', 'OUT'],
  ['build', '1', '--out', 'OUT'],
  ['build', '--format', 'pdf', '--out', 'OUT'],
  ['list'],
  ['new', '--date', '2024-06-01'],
];
const PATHISH = /(\S\/|bulletin\.yaml|issue\.yaml|\.md\b|\.png\b|\.jpe?g\b|\.otf\b|\.ttf\b|issues\/|issues\b|OUT|第\d+期|--\w+)/;

const stats = { cases: 0, exit0: 0, exit1: 0, built: 0 };

async function runCase(mutations: Mutation[], command: string[]): Promise<void> {
  stats.cases++;
  const caseDir = fs.mkdtempSync(path.join(tmpRoot, 'c-'));
  const series = path.join(caseDir, 'series');
  const out = path.join(series, 'OUT');
  try {
    const tree = readTree(pristine);
    for (const m of mutations) mutate(tree, m);
    fs.mkdirSync(series);
    writeTree(series, tree);
    fs.cpSync(oldOut, out, { recursive: true });
    const before = readTree(caseDir, 'series/OUT');
    const oldOutputs = readTree(out);

    const r = await run(command, series);
    const all = [...r.out, ...r.err];
    const text = all.join('\n');
    const detail = `${command.join(' ')} after ${JSON.stringify(mutations)}:\n${text}`;

    expect([0, 1], detail).toContain(r.code);
    expect(text, detail).not.toMatch(/内部错误|^\s+at .+:\d+:\d+\)?$/m);
    for (const line of all.filter((l) => /错误：/.test(l))) {
      // A diagnostic starts with its file; a summary line names a file, folder or option.
      expect(/^\S+?(:\d+)*  错误：/.test(line) || PATHISH.test(line), `no path in "${line}"\n${detail}`).toBe(true);
    }
    // Nothing outside the output folder changed (new writes its issue folder only on success).
    const after = readTree(caseDir, 'series/OUT');
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
      (k) => !(before.get(k)?.equals(after.get(k) ?? Buffer.from('\u0000missing')) ?? false),
    );
    // A successful `new` may only add files, all in the one new issue folder (under whatever
    // issuesDir the mutated bulletin.yaml names); nothing that existed may change.
    const newIssue =
      command[0] === 'new' && r.code === 0 ? changed.find((k) => k.endsWith('/issue.yaml'))?.replace(/issue\.yaml$/, '') : undefined;
    const allowed = (k: string): boolean =>
      newIssue !== undefined && !before.has(k) && (k === newIssue || k.startsWith(newIssue) || newIssue.startsWith(k));
    expect(
      changed.filter((k) => !allowed(k)),
      detail,
    ).toEqual([]);
    if (r.code === 0) stats.exit0++;
    else stats.exit1++;
    if (PROGRESS && stats.cases % 50 === 0) fs.appendFileSync(PROGRESS, `${new Date().toISOString()} ${JSON.stringify(stats)}\n`);

    if (command[0] === 'build') {
      const now = readTree(out);
      if (r.code !== 0) {
        // A failed build leaves the previous outputs exactly as they were.
        expect([...now.keys()].sort(), detail).toEqual([...oldOutputs.keys()].sort());
        for (const [k, v] of oldOutputs) expect(now.get(k)?.equals(v), `${k} changed\n${detail}`).toBe(true);
      } else {
        stats.built++;
        for (const [k, v] of now) {
          if (k.endsWith('.pdf')) expect(v.subarray(0, 5).toString(), k).toBe('%PDF-');
          if (k.endsWith('.docx')) expect(v.subarray(0, 2).toString(), k).toBe('PK');
          expect(k.endsWith('.tmp') || k.endsWith('.old'), `leftover ${k}`).toBe(false);
        }
      }
    }
  } finally {
    fs.rmSync(caseDir, { recursive: true, force: true });
  }
}

describe('mutated real sources', () => {
  beforeAll(async () => {
    fs.cpSync(path.join(MIXED, 'bulletin.yaml'), path.join(pristine, 'bulletin.yaml'));
    fs.cpSync(path.join(MIXED, 'issues'), path.join(pristine, 'issues'), { recursive: true });
    fs.mkdirSync(path.join(pristine, 'issues', '002'));
    fs.writeFileSync(path.join(pristine, 'issues', '002', 'issue.yaml'), 'number: 2\ndate: 2024-05-20\n');
    fs.copyFileSync(path.join(MIXED, 'issues/001/20-universities.md'), path.join(pristine, 'issues/002/20-universities.md'));
    const r = await run(['build', '--out', oldOut], pristine);
    expect(r.code, r.err.join('\n')).toBe(0);
    // The old outputs are "the previous good build" of another issue as well, under its name.
    expect(fs.readdirSync(oldOut).filter((f) => !f.startsWith('.')).length).toBe(DEFAULT_FORMATS.length);
  });

  it(
    `exit 0 or 1, no stack trace, errors name a file, nothing else changes (${RUNS} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom(...COMMANDS), async (mutations, command) => {
          await runCase(mutations, command);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      console.log(
        `mutation property: ${stats.cases} cases, exit 0: ${stats.exit0}, exit 1: ${stats.exit1}, builds written: ${stats.built}`,
      );
      // Worth something only if both outcomes occur.
      if (RUNS >= 100) {
        expect(stats.exit0).toBeGreaterThan(RUNS * 0.05);
        expect(stats.exit1).toBeGreaterThan(RUNS * 0.05);
      }
    },
    Math.max(600_000, RUNS * 3_000),
  );
});
