/**
 * What used to crash, spill off the page or overlap, built through the CLI as a clerk would: a
 * table of 16 columns, a 300-character URL, a long Latin word (in a paragraph and in a table
 * cell), an end block longer than a page. The build must finish (exit 0) or refuse with a located
 * Chinese message (exit 1), never exit 2; no text may pass the text block's right edge, and
 * no column may be lost from the PDF or the DOCX.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { END_BLOCK_MAX_LINES } from '../../src/layout/limits.js';
import { maxTableColumns } from '../../src/layout/geometry.js';
import { partsOf, textOf } from '../helpers/docx-build.js';
import { GEOM } from '../helpers/pdf-render.js';
import { readPdf, type PdfRead } from '../helpers/pdf-text.js';
import { assertCliBuilt, bulletinYaml, cleanupTemp, issueYaml, makeSeries, newsItem, runCli, type CliResult } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

const HEADS = [
  '子鼠',
  '丑牛',
  '寅虎',
  '卯兔',
  '辰龙',
  '巳蛇',
  '午马',
  '未羊',
  '申猴',
  '酉鸡',
  '戌狗',
  '亥猪',
  '春季',
  '夏季',
  '秋季',
  '冬季',
];
const URL = `https://example.org/${'abcdefghij'.repeat(28)}`;
const WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(2);
const CELL_WORD = 'Supercalifragilisticexpialidocious';

function table(heads: string[], cell: (c: number) => string): string {
  return [
    `| ${heads.join(' | ')} |`,
    `|${heads.map(() => '---').join('|')}|`,
    `| ${heads.map((_, c) => cell(c)).join(' | ')} |`,
    `| ${heads.map((_, c) => `${c + 1}`).join(' | ')} |`,
  ].join('\n');
}

const nospace = (s: string): string => s.replace(/\s/g, '');

/** One item with `body`, built through the CLI; the PDF read back and the DOCX's document.xml. */
async function buildItem(body: string): Promise<{ r: CliResult; pdf: PdfRead; docXml: string; docRels: string }> {
  const dir = makeSeries({
    'issues/2026-001/issue.yaml': issueYaml(1, '2026-03-01'),
    'issues/2026-001/01.md': newsItem('省级动态', '宽表与长词', body),
  });
  const r = runCli(['build', '--format', 'pdf,docx'], dir);
  expect(r.code, r.lines.join('\n')).toBe(0);
  const dist = path.join(dir, 'dist');
  const pdf = await readPdf(new Uint8Array(fs.readFileSync(path.join(dist, '工作动态第1期.pdf'))));
  const parts = partsOf(fs.readFileSync(path.join(dist, '工作动态第1期.docx')));
  return { r, pdf, docXml: parts.xml('word/document.xml'), docRels: parts.xml('word/_rels/document.xml.rels') };
}

const items = (pdf: PdfRead): PdfRead['pages'][number]['lines'][number]['items'] =>
  pdf.pages.flatMap((p) => p.lines.flatMap((l) => l.items));

/**
 * Text drawn past the text block on either side, but for a closing mark that hangs in the margin
 * at a line's end, at most one cell (official-format.md §11, as Word's 允许标点溢出边界).
 */
const HANGING = /[。，、；：？！”’）》]$/u;
const outside = (pdf: PdfRead): string[] =>
  items(pdf)
    .filter((it) => {
      const past = it.x + it.width - GEOM.right;
      return it.x < GEOM.left - 0.5 || (past > 0.5 && !(HANGING.test(it.text) && past <= GEOM.cell + 0.5));
    })
    .map((it) => `${it.text}@${it.x.toFixed(1)}+${it.width.toFixed(1)}`);

const pdfText = (pdf: PdfRead): string => nospace(pdf.pages.map((p) => p.lines.map((l) => l.text).join('')).join(''));
const pdfLines = (pdf: PdfRead): string[] => pdf.pages.flatMap((p) => p.lines.map((l) => nospace(l.text)));

// Each class is built on its own, so that one that crashes the build cannot hide another.
describe('a table of 16 columns', () => {
  let b: Awaited<ReturnType<typeof buildItem>>;
  beforeAll(async () => {
    b = await buildItem(`正文。\n\n${table(HEADS, (c) => `数据${c}`)}`);
  }, 60_000);

  test('no text passes the text block on either side', () => {
    expect(items(b.pdf).length).toBeGreaterThan(50);
    expect(outside(b.pdf)).toEqual([]);
  });

  test('every one of the 16 column heads is in the PDF, in order on one line, and in the DOCX', () => {
    const headLine = b.pdf.pages.flatMap((p) => p.lines).find((l) => nospace(l.text).includes(HEADS[0]));
    expect(headLine).toBeDefined();
    expect(nospace(headLine!.text)).toBe(HEADS.join(''));
    const docText = textOf(b.docXml);
    for (const h of HEADS) expect(docText).toContain(h);
    // The table is a 16-column grid, each head in a cell of its own.
    const tbl = [...b.docXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes(HEADS[0]))!;
    expect([...tbl.matchAll(/<w:gridCol /g)]).toHaveLength(HEADS.length);
    const firstRow = /<w:tr[ >][\s\S]*?<\/w:tr>/.exec(tbl)![0];
    expect([...firstRow.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => textOf(m[0]))).toEqual(HEADS);
  });

  test('build says the table is set in smaller type, at its line', () => {
    expect(b.r.lines.find((l) => l.includes('表格有 16 列'))).toMatch(/^issues\/2026-001\/01\.md:\d+:1  警告：/);
  });
});

describe('a table inside a list item', () => {
  // 12 columns fit the text block at 四号 but not the narrower list item: the item's own
  // width must decide the size, or the last columns run past the text block.
  const heads = HEADS.slice(0, 12);
  let b: Awaited<ReturnType<typeof buildItem>>;
  beforeAll(async () => {
    const t = table(heads, (c) => `数据数据${c}`)
      .split('\n')
      .map((l) => `   ${l}`)
      .join('\n');
    b = await buildItem(`正文。\n\n1. 列表项：\n\n${t}\n\n2. 第二项。`);
  }, 60_000);

  test('no text passes the text block on either side', () => {
    expect(outside(b.pdf)).toEqual([]);
  });

  test('every column head is in the PDF, in order on one line', () => {
    const headLine = b.pdf.pages.flatMap((p) => p.lines).find((l) => nospace(l.text).includes(heads[0]));
    expect(nospace(headLine!.text)).toBe(heads.join(''));
  });
});

describe('a 300-character URL', () => {
  let b: Awaited<ReturnType<typeof buildItem>>;
  beforeAll(async () => {
    // Once as bare text, once as a link.
    b = await buildItem(`会议指出，详见${URL}所载。\n\n链接：<${URL}>`);
  }, 60_000);

  test('no text passes the text block on either side', () => {
    expect(outside(b.pdf)).toEqual([]);
  });

  test('it is printed whole, only broken across lines', () => {
    expect(pdfText(b.pdf)).toContain(URL);
    expect(pdfLines(b.pdf).some((l) => l.includes(URL))).toBe(false);
  });

  test('the DOCX keeps it whole, as text and as the target of the link', () => {
    expect(textOf(b.docXml)).toContain(URL);
    expect(b.docRels).toContain(`Target="${URL}"`);
  });
});

describe('a long Latin word', () => {
  let b: Awaited<ReturnType<typeof buildItem>>;
  beforeAll(async () => {
    b = await buildItem([`拉丁长词${WORD}出现。`, table(HEADS.slice(0, 8), (c) => (c === 3 ? CELL_WORD : `数据${c}`))].join('\n\n'));
  }, 60_000);

  test('no text passes the text block on either side', () => {
    expect(outside(b.pdf)).toEqual([]);
  });

  test('it is printed whole, broken across lines rather than squeezed into one', () => {
    expect(pdfText(b.pdf)).toContain(WORD);
    // A word longer than a line that sits on one line was squeezed: its letters overlap.
    expect(pdfLines(b.pdf).some((l) => l.includes(WORD))).toBe(false);
  });

  test('the table cell holding a long word stays inside the table', () => {
    const parts = items(b.pdf).filter((it) => /[a-z]/i.test(it.text) && CELL_WORD.includes(nospace(it.text)));
    expect(parts.length).toBeGreaterThan(0);
    for (const it of parts) expect(it.x + it.width).toBeLessThanOrEqual(GEOM.right + 0.5);
    expect(textOf(b.docXml)).toContain(CELL_WORD);
  });
});

describe('what the page cannot hold is refused, located, exit 1', () => {
  test('an end block longer than a page names the distribution key in bulletin.yaml', () => {
    const many = Array.from({ length: 400 }, (_, i) => `第${i + 1}县教育局`).join('、');
    const yaml = bulletinYaml(`distribution:\n  报: 省协同提质行动领导小组组长\n  送: ${many}`);
    const line = yaml.split('\n').findIndex((l) => l.startsWith('  送:')) + 1;
    const dir = makeSeries({
      'bulletin.yaml': yaml,
      'issues/2026-001/issue.yaml': issueYaml(1, '2026-03-01'),
      'issues/2026-001/01.md': newsItem('省级动态', '动态', '正文。'),
    });
    const r = runCli(['build'], dir);
    expect(r.code, r.lines.join('\n')).toBe(1);
    const msg = r.lines.find((l) => l.includes('版记太长'));
    expect(msg).toBeDefined();
    expect(msg).toContain(`bulletin.yaml:${line}`);
    expect(msg).toContain(`一页最多 ${END_BLOCK_MAX_LINES} 行`);
    expect(r.stdout + r.stderr).not.toMatch(/内部错误|Error:/);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('an end block that just fits a page is built, its last line inside the text block', async () => {
    // 19 lines of 送 + 报 + the printer line: 21 lines.
    const some = Array.from({ length: 72 }, (_, i) => `第${i + 1}县教育局`).join('、');
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml(`distribution:\n  送: ${some}`),
      'issues/2026-001/issue.yaml': issueYaml(1, '2026-03-01'),
      'issues/2026-001/01.md': newsItem('省级动态', '动态', '正文。'),
    });
    const r = runCli(['build', '--format', 'pdf'], dir);
    expect(r.code, r.lines.join('\n')).toBe(0);
    const pdf = await readPdf(new Uint8Array(fs.readFileSync(path.join(dir, 'dist', '工作动态第1期.pdf'))));
    const last = pdf.pages.at(-1)!;
    const printer = last.lines.find((l) => l.text.includes('印发'))!;
    expect(printer.y).toBeLessThanOrEqual(GEOM.bottom + 0.5);
    expect(nospace(last.lines.map((l) => l.text).join(''))).toContain('第72县教育局。');
  });

  test(`a table of more than ${maxTableColumns()} columns names its file and line`, () => {
    const n = maxTableColumns() + 1;
    const heads = Array.from({ length: n }, (_, i) => `列${i + 1}`);
    const dir = makeSeries({
      'issues/2026-001/issue.yaml': issueYaml(1, '2026-03-01'),
      'issues/2026-001/01.md': newsItem('省级动态', '动态', `正文。\n\n${table(heads, (c) => `${c}`)}`),
    });
    const r = runCli(['build'], dir);
    expect(r.code, r.lines.join('\n')).toBe(1);
    const msg = r.lines.find((l) => l.includes(`表格有 ${n} 列`));
    expect(msg).toMatch(/^issues\/2026-001\/01\.md:\d+/);
  });
});
