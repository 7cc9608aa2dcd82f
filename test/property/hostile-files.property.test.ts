/**
 * Property: a series made hostile the ways issue 19 found — deep nesting (lists, quotes,
 * inline list marks, emphasis), pathological delimiter runs, control characters beside
 * fixable marks, line endings of every kind, numbers YAML reads as Infinity, and special files
 * (a FIFO, a folder, a device, a dangling link) in place of bulletin.yaml, issue.yaml, an item,
 * an image or imports.yaml — then one command, run as a child process under the hang guard
 * (a FIFO blocks a synchronous read for ever: in-process, a regression would hang the suite).
 * Whatever happened: the run ends, with exit 0 or 1, no stack trace, every error line names a
 * file; nothing outside what the command may write changes; a special file is still what it
 * was; a file holding control characters or bad bytes, or written with CR or CRLF line ends,
 * loses none of them to `check --fix`.
 * FUZZ_RUNS scales the number of cases (`npm run fuzz`); the suite runs a few, fixed seed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRASH, HANG_GUARD_MS, mkfifo, runGuarded } from '../helpers/guarded.js';
import { assertCliBuilt, bulletinYaml, REPO } from '../helpers/series.js';

const RUNS = process.env.FUZZ_RUNS ? Math.max(1, Math.round(Number(process.env.FUZZ_RUNS) / 5)) : 6;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : 20261206;
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-hostile-'));
beforeAll(assertCliBuilt);
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const PNG = fs.readFileSync(path.join(REPO, 'test/fixtures/mixed/issues/001/images/meeting.png'));
const ITEM = 'issues/001/10.md';
const SPECIAL_TARGETS = [
  'bulletin.yaml',
  'issues/001/issue.yaml',
  ITEM,
  'issues/001/20.md',
  'issues/001/images/x.png',
  'issues/001/imports.yaml',
];
type Special = 'fifo' | 'folder' | 'device' | 'dangling';

// ---- what goes into the item ---------------------------------------------------------------

const depth = fc.constantFrom(3, 19, 20, 21, 60, 600, 3000);
const nesting: fc.Arbitrary<string> = fc.oneof(
  depth.map((n) => `${'>'.repeat(n)} 引用`),
  depth.map((n) => `${'- '.repeat(n)}列表`),
  depth.map((n) => Array.from({ length: Math.min(n, 700) }, (_, i) => `${'  '.repeat(i)}- 第${i}层`).join('\n')),
  depth.map((n) => `${'> - '.repeat(n)}混合`),
  depth.map((n) => `${'***强 '.repeat(n)}${'调***'.repeat(n)}`),
  depth.map((n) => `${'['.repeat(n)}链接${'](x)'.repeat(n)}`),
);
const runs: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 60_000 }).map((n) => 'a*'.repeat(n)),
  fc.integer({ min: 1, max: 20_000 }).map((n) => '中_'.repeat(n)),
  fc.integer({ min: 1, max: 600 }).map((n) => '标题\n===\n\n'.repeat(n)),
  fc.integer({ min: 1, max: 3000 }).map((n) => `|${'a|'.repeat(n)}\n|${'-|'.repeat(n)}`),
  fc.integer({ min: 1, max: 30_000 }).map((n) => '\n'.repeat(n)),
);
const CONTROL = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f'];
const controls: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...CONTROL, ',', ';', '"', '中', '文', '(', ')', '2024年04月05日'), { minLength: 1, maxLength: 12 })
  .map((a) => `会议${a.join('')}召开,部署工作。`);
const urls = fc.constantFrom(
  '详见 https://x.cn/新闻,通知?a=一,二 页面,谢谢',
  '<https://x.cn/路,径>',
  'Let\'s 讨论,15.6"和17"',
  '    代码,不改',
  '命令`a,\n中,文`好,的',
);
const plain = fc.constantFrom('正文,内容;完。', '4月18日，学校召开推进会。', '- 一项\n- 二项\n  - 二项下', '> 引用的话。');
const body = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: plain },
      { weight: 1, arbitrary: nesting },
      { weight: 1, arbitrary: runs },
      { weight: 1, arbitrary: controls },
      { weight: 1, arbitrary: urls },
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((parts) => parts.join('\n\n'));
const lineEnd = fc.constantFrom('\n', '\r\n', '\r', 'mixed');
const NUMBER_VALUES = ['1e400', '.inf', '-.inf', '.nan', '99999999999999999999', '-0', '0x10', '1'];

interface Case {
  body: string;
  lineEnd: string;
  badByte: boolean;
  specials: Array<{ target: string; kind: Special }>;
  number?: { file: 'issue' | 'series' | 'front'; key: string; value: string };
  command: string[];
}

const hostileCase: fc.Arbitrary<Case> = fc.record({
  body,
  lineEnd,
  badByte: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))),
  specials: fc.oneof(
    { weight: 2, arbitrary: fc.constant<Case['specials']>([]) },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.record({ target: fc.constantFrom(...SPECIAL_TARGETS), kind: fc.constantFrom<Special>('fifo', 'folder', 'device', 'dangling') }),
        { minLength: 1, maxLength: 2 },
      ),
    },
  ),
  number: fc.option(
    fc.oneof(
      fc.record({
        file: fc.constant('issue' as const),
        key: fc.constantFrom('number', 'copies', 'total'),
        value: fc.constantFrom(...NUMBER_VALUES),
      }),
      fc.record({
        file: fc.constant('series' as const),
        key: fc.constantFrom('copies', 'totalOffset'),
        value: fc.constantFrom(...NUMBER_VALUES),
      }),
      fc.record({ file: fc.constant('front' as const), key: fc.constant('order'), value: fc.constantFrom(...NUMBER_VALUES) }),
    ),
    { nil: undefined, freq: 2 },
  ),
  command: fc.constantFrom(
    ['check'],
    ['check', '--fix'],
    ['build', '--format', 'pdf'],
    ['build', '--format', 'html'],
    ['list'],
    ['import', 'in'],
    ['issue', '1', '--date', '2024-05-09'],
  ),
});

// ---- making the series ---------------------------------------------------------------------

function withEnds(text: string, end: string): string {
  if (end === 'mixed')
    return text
      .split('\n')
      .map((l, i) => l + (i % 2 ? '\r\n' : '\n'))
      .join('')
      .slice(0, -1);
  return text.replace(/\n/g, end);
}

function makeCase(dir: string, c: Case): void {
  const write = (rel: string, data: string | Buffer): void => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), data);
  };
  const setKey = (text: string, key: string, value: string): string =>
    `${text.replace(new RegExp(`^${key}:.*\\n`, 'm'), '')}${key}: ${value}\n`;
  let series = bulletinYaml('copies: 120');
  let issue = 'number: 1\ndate: 2024-05-08\n';
  let front = 'section: 高校动态';
  if (c.number?.file === 'series') series = setKey(series, c.number.key, c.number.value);
  if (c.number?.file === 'issue') issue = setKey(issue, c.number.key, c.number.value);
  if (c.number?.file === 'front') front += `\n${c.number.key}: ${c.number.value}`;
  write('bulletin.yaml', series);
  write('issues/001/issue.yaml', issue);
  const item = withEnds(`---\n${front}\n---\n\n## 赣南师范大学召开推进会\n\n${c.body}\n\n![现场](images/x.png)\n`, c.lineEnd);
  // A GBK-encoded name pasted into the UTF-8 file: bytes that are no UTF-8.
  write(
    ITEM,
    c.badByte
      ? Buffer.concat([
          Buffer.from(item),
          Buffer.from([0xd5, 0xc5]),
          Buffer.from('。正文，还有更多的中文内容，赣南师范大学召开协同提质推进会。\n'),
        ])
      : item,
  );
  write('issues/001/images/x.png', PNG);
  write('in/来稿.md', `赣南师范大学召开推进会\n\n${c.body}\n`);
  for (const s of c.specials) {
    const abs = path.join(dir, s.target);
    fs.rmSync(abs, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    if (s.kind === 'fifo') mkfifo(abs);
    else if (s.kind === 'folder') fs.mkdirSync(abs);
    else if (s.kind === 'device') fs.symlinkSync('/dev/zero', abs);
    else fs.symlinkSync(path.join(dir, 'no-such-file'), abs);
  }
}

type Entry = { kind: 'file'; bytes: Buffer } | { kind: 'dir' } | { kind: 'fifo' } | { kind: 'link'; to: string };

function snapshot(dir: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const abs = path.join(dir, r);
      if (e.isSymbolicLink()) out.set(r, { kind: 'link', to: fs.readlinkSync(abs) });
      else if (e.isFIFO()) out.set(r, { kind: 'fifo' });
      else if (e.isDirectory()) {
        out.set(r, { kind: 'dir' });
        walk(r);
      } else out.set(r, { kind: 'file', bytes: fs.readFileSync(abs) });
    }
  };
  walk('');
  return out;
}

const same = (a: Entry | undefined, b: Entry | undefined): boolean =>
  !!a &&
  !!b &&
  a.kind === b.kind &&
  (a.kind !== 'file' || (b.kind === 'file' && a.bytes.equals(b.bytes))) &&
  (a.kind !== 'link' || (b.kind === 'link' && a.to === b.to));

/** What each command may write or change. */
function mayChange(command: string[], rel: string): boolean {
  if (rel === 'dist' || rel.startsWith('dist/')) return command[0] === 'build';
  if (command[0] === 'import') return rel.startsWith('issues/001/');
  if (command[0] === 'issue') return rel === 'issues/001/issue.yaml' || rel === 'issues/001/issued.json';
  if (command[0] === 'check' && command[1] === '--fix') return /^issues\/001\/[^/]+\.md$/.test(rel);
  return false;
}

const ERROR_NAMES_A_FILE = /(\S\/|bulletin\.yaml|issue\.yaml|issued\.json|imports\.yaml|\.md\b|\.png\b|issues\b|--\w+|第\d+期)/;

const stats = { cases: 0, exit0: 0, exit1: 0 };

async function runCase(c: Case): Promise<void> {
  stats.cases++;
  const dir = fs.mkdtempSync(path.join(tmpRoot, 'c-'));
  try {
    makeCase(dir, c);
    const before = snapshot(dir);
    const r = runGuarded(c.command, dir, HANG_GUARD_MS);
    const detail = `${c.command.join(' ')} on ${JSON.stringify({ ...c, body: c.body.length > 300 ? `${c.body.slice(0, 300)}… (${c.body.length})` : c.body })}:\n${r.all.slice(0, 3000)}`;
    expect(r.hung, `hung: ${detail}`).toBe(false);
    expect([0, 1], detail).toContain(r.code);
    expect(r.all, detail).not.toMatch(CRASH);
    for (const line of r.all.split('\n').filter((l) => /错误：/.test(l))) {
      expect(/^\S+?(:\d+)*  错误：/.test(line) || ERROR_NAMES_A_FILE.test(line), `no file in "${line}"\n${detail}`).toBe(true);
    }
    const after = snapshot(dir);
    for (const k of new Set([...before.keys(), ...after.keys()])) {
      if (mayChange(c.command, k)) continue;
      expect(same(before.get(k), after.get(k)), `${k} changed\n${detail}`).toBe(true);
    }
    // Special files stay what they were, whatever the command.
    for (const s of c.specials) expect(after.get(s.target)?.kind, `${s.target}\n${detail}`).toBe(before.get(s.target)?.kind);
    // check --fix loses nothing: control characters, bad bytes and line ends survive.
    if (c.command[1] === '--fix') {
      const old = before.get(ITEM);
      const now = after.get(ITEM);
      if (old?.kind === 'file' && now?.kind === 'file') {
        const o = old.bytes.toString('latin1');
        const n = now.bytes.toString('latin1');
        // eslint-disable-next-line no-control-regex
        const controlsIn = (s: string): number => (s.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g) ?? []).length;
        if (controlsIn(o) || c.badByte)
          expect(now.bytes.equals(old.bytes), `${ITEM} rewritten despite controls or bad bytes\n${detail}`).toBe(true);
        for (const end of [/\r\n/g, /\r(?!\n)/g, /(?<!\r)\n/g])
          expect((n.match(end) ?? []).length, `${end} count changed\n${detail}`).toBe((o.match(end) ?? []).length);
      }
    }
    if (r.code === 0) stats.exit0++;
    else stats.exit1++;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('hostile series: nesting, delimiter runs, control characters, line ends, numbers, special files', () => {
  it(
    `every command ends with exit 0 or 1 and a located message, losing nothing (${RUNS} cases)`,
    async () => {
      await fc.assert(fc.asyncProperty(hostileCase, runCase), { numRuns: RUNS, seed: SEED });
      console.log(`hostile property: ${stats.cases} cases, exit 0: ${stats.exit0}, exit 1: ${stats.exit1}`);
    },
    Math.max(600_000, RUNS * (HANG_GUARD_MS + 5_000)),
  );
});
