/**
 * Markdown shapes that overflowed the stack or kept micromark busy for minutes, well inside the
 * 4 MB size limit: 10,000 `>`, 1,000 `- ` on one line, a list 600 levels deep, 200 KB of
 * `a*a*…`, emphasis nested past any use; in items (check, build) and in submissions (import),
 * with the .docx of 300 nested tables and the .txt of 0.5 MB of NUL bytes beside them. Each
 * ends within the hang guard with exit 1 and an error at the file, line and column, and the
 * item is left as it was; a bulletin's own nesting, at the bound, still builds whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRASH, runGuarded, type GuardedResult } from '../helpers/guarded.js';
import { assertCliBuilt, cleanupTemp, issueYaml, makeSeries } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

const HEAD = '---\nsection: 高校动态\n---\n\n## 赣南师范大学召开推进会\n\n';
/** Line of the item's body after HEAD. */
const BODY_LINE = 7;

function seriesWith(body: string): { dir: string; item: string } {
  const dir = makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-08'), 'issues/001/10.md': `${HEAD}${body}\n` });
  return { dir, item: path.join(dir, 'issues/001/10.md') };
}

function expectRefused(r: GuardedResult, where: RegExp): void {
  expect(r.hung, `hung:\n${r.all.slice(0, 2000)}`).toBe(false);
  expect(r.all).not.toMatch(CRASH);
  expect(r.code, r.all.slice(0, 2000)).toBe(1);
  expect(r.all).toMatch(where);
}

const list = (levels: number, text = '中文内容'): string =>
  Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- ${text}${i + 1}`).join('\n');

describe('deep nesting and pathological delimiters in an item', () => {
  const cases: Array<[string, string, string[], RegExp]> = [
    [
      '10,000 > on one line',
      `${'>'.repeat(10000)} 引用`,
      ['build', '--format', 'pdf'],
      new RegExp(`issues/001/10\\.md:${BODY_LINE}:21  错误：这一行的列表或引用一层套一层，套了 10000 层，超过 20 层的上限`),
    ],
    [
      '1,000 inline "- "',
      `${'- '.repeat(1000)}x`,
      ['build', '--format', 'pdf'],
      new RegExp(`issues/001/10\\.md:${BODY_LINE}:41  错误：这一行的列表或引用一层套一层，套了 1000 层`),
    ],
    [
      'a list 600 levels deep',
      list(600),
      ['check'],
      new RegExp(`issues/001/10\\.md:${BODY_LINE + 20}:41  错误：这一行的列表或引用一层套一层，套了 21 层`),
    ],
    [
      '200 KB of a*a*…',
      'a*'.repeat(100_000),
      ['check'],
      new RegExp(
        `issues/001/10\\.md:${BODY_LINE}:2002  错误：从第 ${BODY_LINE} 行起的这一段里，\\* _ ~ \` \\[ \\] < & 这些标记符号到这里已有 1000 多个`,
      ),
    ],
    [
      'emphasis nested 120 deep',
      `${'***强 '.repeat(60)}${'调***'.repeat(60)}`,
      ['build', '--format', 'html'],
      new RegExp(`issues/001/10\\.md:${BODY_LINE}:\\d+  错误：这里的格式一层套一层`),
    ],
    [
      '300 setext underlines',
      '标题\n===\n\n'.repeat(300),
      ['check'],
      /issues\/001\/10\.md:\d+:1  错误：这个文件里只有“===”或“---”的行到这里已有 200 多行/,
    ],
    [
      '4 MB of blank lines',
      `正文开头。${'\n'.repeat(4 * 1024 * 1024 - 200)}正文结尾。`,
      ['check'],
      /issues\/001\/10\.md:20004:1  错误：这个文件有 \d+ 行，超过 20000 行的上限/,
    ],
  ];
  for (const [name, body, cmd, where] of cases) {
    it(`${name}: ${cmd[0]} ends with exit 1 at the place, the item unchanged`, () => {
      const { dir, item } = seriesWith(body);
      const before = fs.readFileSync(item);
      const r = runGuarded(cmd, dir);
      expectRefused(r, where);
      expect(fs.readFileSync(item).equals(before)).toBe(true);
      expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
    });
  }

  it('an item of 9,900 list entries, inside every bound, builds in all formats within the guard, every entry printed', () => {
    // One loose list (blank lines between its blocks): pdfmake's break callback scanned the
    // document to its end for every entry, and check's glyph locator copied a list per text.
    const body = Array.from({ length: 20 }, (_, b) => Array.from({ length: 495 }, (_, i) => `- 第${b * 495 + i + 1}项`).join('\n')).join(
      '\n\n',
    );
    const { dir } = seriesWith(body);
    const r = runGuarded(['build'], dir);
    expect(r.hung, 'hung').toBe(false);
    expect(r.code, r.all.slice(0, 2000)).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'dist', '工作动态第1期.html'), 'utf8');
    for (const n of [1, 4950, 9900]) expect(html).toContain(`第${n}项<`);
    expect(fs.statSync(path.join(dir, 'dist', '工作动态第1期.pdf')).size).toBeGreaterThan(100_000);
  });

  it('a long item of 7,200 paragraphs (3.4 MB, 14,400 lines), inside every bound, checks clean within the guard', () => {
    // The preview's slow-build tests write six such items; a line bound below them refused them at once.
    const para = '会议部署了下一阶段的各项任务，要求各地各校抓好落实，确保协同提质行动取得实效。'.repeat(4);
    const { dir } = seriesWith(Array.from({ length: 7200 }, () => para).join('\n\n'));
    const r = runGuarded(['check'], dir);
    expect(r.hung, 'hung').toBe(false);
    expect(r.code, r.all.slice(0, 2000)).toBe(0);
  });

  it('a list and a quote nested to the bound build whole: every level reaches the web edition', () => {
    const quote = `${'>'.repeat(20)} 最深的引用`;
    const { dir } = seriesWith(`${list(20)}\n\n${quote}`);
    const r = runGuarded(['build', '--format', 'html'], dir);
    expect(r.code, r.all).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'dist', '工作动态第1期.html'), 'utf8');
    for (let i = 1; i <= 20; i++) expect(html).toContain(`中文内容${i}<`);
    expect(html).toContain('最深的引用');
  });
});

/** A minimal .docx (the parts mammoth reads) whose body is the given WordprocessingML. */
function docx(body: string): Uint8Array {
  const ct = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8(ct), '_rels/.rels': strToU8(rels), 'word/document.xml': strToU8(doc) });
}

const p = (t: string): string => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

describe('deep nesting and NUL bytes in submissions', () => {
  function importOne(name: string, bytes: Uint8Array | string): { r: GuardedResult; dir: string } {
    const dir = makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-08') });
    fs.writeFileSync(path.join(dir, name), bytes);
    const r = runGuarded(['import', name, '--unit', '赣南师范大学', '--section', '高校动态'], dir);
    return { r, dir };
  }
  const items = (dir: string): string[] => fs.readdirSync(path.join(dir, 'issues/001')).filter((f) => f.endsWith('.md'));

  it('a .md of 10,000 > and one of 1,000 inline "- " are refused at their line, nothing written', () => {
    for (const [name, line, col, n] of [
      ['引用.md', `${'>'.repeat(10000)} x`, 21, 10000],
      ['列表.md', `${'- '.repeat(1000)}x`, 41, 1000],
    ] as const) {
      const { r, dir } = importOne(name, `赣南师范大学召开推进会\n\n${line}\n`);
      expectRefused(r, new RegExp(`错误：${name.replace('.', '\\.')} 第 3 行第 ${col} 列：这一行的列表或引用一层套一层，套了 ${n} 层`));
      expect(items(dir)).toEqual([]);
    }
  });

  it('a .docx of 300 nested tables is refused with the reason, nothing written', () => {
    let inner = p('最里面的单元格');
    for (let i = 0; i < 300; i++) inner = `<w:tbl><w:tr><w:tc>${inner}</w:tc></w:tr></w:tbl>${p('')}`;
    const { r, dir } = importOne('嵌套表格.docx', docx(`${p('赣南师范大学召开推进会')}${inner}`));
    expectRefused(r, /错误：嵌套表格\.docx 里的表格、列表一层套一层（嵌套了 \d+ 层，超过 100 层的上限），无法导入/);
    expect(items(dir)).toEqual([]);
  });

  it('a .txt holding 0.5 MB of NUL bytes imports its text, says what it left out, and the item checks clean', () => {
    const bytes = Buffer.concat([
      Buffer.from('赣南师范大学召开推进会\n\n4月18日，学校召开推进会。'),
      Buffer.alloc(512 * 1024),
      Buffer.from('会议部署了下一阶段工作。\n'),
    ]);
    const { r, dir } = importOne('来稿.txt', bytes);
    expect(r.hung).toBe(false);
    expect(r.all).not.toMatch(CRASH);
    expect(r.code, r.all).toBe(0);
    expect(r.all).toMatch(/删去了 524288 个看不见的控制字符（如 NUL，U\+0000）/);
    const [item] = items(dir);
    const text = fs.readFileSync(path.join(dir, 'issues/001', item!), 'utf8');
    expect(text).toContain('4月18日，学校召开推进会。会议部署了下一阶段工作。');
    expect(text).not.toContain('\u0000');
    expect(runGuarded(['check'], dir).code).toBe(0);
  });
});
