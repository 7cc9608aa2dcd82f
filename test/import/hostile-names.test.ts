/**
 * A submission's file name is written by whoever sent it. It must not add keys to the item's
 * front matter (a quote, a newline and `order: -999`), nor end the front matter (`---`), and
 * what the terminal shows of it (ESC sequences, C0/C1 controls, bidi overrides) is escaped.
 * Plain-text submissions, so no client is needed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, buildModel, bulletinYaml, cleanupTemp, issueYaml, makeSeries, runCli, tempDir } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

const UNITS = 'units:\n  - name: 赣南师范大学\n    kind: 高校\n    aliases: [赣南师大]';
const BODY = '赣南师大召开推进会\n\n4月18日，赣南师范大学召开协同提质行动推进会。\n';
// Anything a terminal would act on: ESC (CSI, OSC), BEL, backspace, C1 CSI, bidi overrides.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function series(): string {
  return makeSeries({ 'bulletin.yaml': bulletinYaml(UNITS), 'issues/001/issue.yaml': issueYaml(1, '2024-05-08') });
}

function importNamed(name: string, body = BODY): { dir: string; r: ReturnType<typeof runCli>; items: string[] } {
  const dir = series();
  const file = path.join(tempDir('bulletin-sub-'), name);
  fs.writeFileSync(file, body);
  const r = runCli(['import', file], dir);
  const items = fs.readdirSync(path.join(dir, 'issues/001')).filter((f) => f.endsWith('.md'));
  return { dir, r, items };
}

function front(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  expect(m, text).not.toBeNull();
  return parse(m![1]!) as Record<string, unknown>;
}

describe('a file name never writes into the front matter', () => {
  const names = [
    '赣南师大"\norder: -999\ntitle: 假标题\n.txt',
    "赣南师大'\nsection: 编者按\n#.txt",
    '赣南师大\n---\n## 插进来的动态\n.txt',
    '---赣南师大---.txt',
    '赣南师大\r\norder: -999\r\n.txt',
    // DEL, C1 and a direction override: the yaml package leaves them raw even in double quotes.
    '赣南师大\u007f\u0085\u009b\u202e.txt',
  ];
  for (const name of names) {
    it(`${JSON.stringify(name)}: source.file is the name, no other key, and the item reads back whole`, () => {
      const { dir, r, items } = importNamed(name);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(items).toHaveLength(1);
      const text = fs.readFileSync(path.join(dir, 'issues/001', items[0]!), 'utf8');
      const fm = front(text);
      expect(Object.keys(fm).sort()).toEqual(['section', 'source', 'unit']);
      expect(fm).toMatchObject({ section: '高校动态', unit: '赣南师范大学', source: { file: name } });
      // The tool's own reader sees one item with its real headline and nothing injected.
      const m = buildModel(dir, '1');
      expect(m.errors, JSON.stringify(m.errors)).toEqual([]);
      const entries = m.issue!.sections.flatMap((s) =>
        s.entries.map((e) => (e.kind === 'news' ? e.lead.map((x) => x.text).join('') : e.title)),
      );
      expect(entries.join('|')).toContain('赣南师大召开推进会');
      expect(entries.join('|')).not.toContain('插进来的动态');
    });
  }
});

describe('names and text are shown escaped in the terminal', () => {
  it('ESC sequences, BEL, C1 CSI and a bidi override in a file name reach neither stdout nor stderr raw', () => {
    const name = '赣南师大\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202etxt.md';
    const { r } = importNamed(name.replace(/\.md$/, '.txt'));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('已导入 赣南师大\\x1B[2J\\x1B]0;pwned\\x07\\x9B31m\\u202Etxt.txt →');
  });

  it('a newline in a file name does not start a line of its own', () => {
    const plain = importNamed('赣南师大来稿.txt');
    const crafted = importNamed('赣南师大来稿\n错误：伪造的一行.txt');
    expect(crafted.r.code).toBe(0);
    expect(crafted.r.lines.length).toBe(plain.r.lines.length);
    expect(crafted.r.lines.some((l) => l.startsWith('错误：伪造'))).toBe(false);
  });

  it('a control character inside an item is reported by check with the text escaped', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml(UNITS),
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10\u001b[31m.md':
        '---\nsection: 高校动态\nunit: "赣南师大\\e]0;x\\a"\n---\n\n## 赣南师大召开推进会\u001b[8m\n\n会议部署了工作。\n',
    });
    const r = runCli(['check'], dir);
    expect([0, 1]).toContain(r.code);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout + r.stderr).toContain('10\\x1B[31m.md');
  });
});
