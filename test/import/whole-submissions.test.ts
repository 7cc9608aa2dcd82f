/**
 * Word submissions come in whole (issue 22): sign-offs, letterheads, credits and contact lines
 * are recognised, their unit and date go into the front matter, nothing of them is printed,
 * and every paragraph of the source is either in the item file or named in import's report.
 * The Word files are made by test/import/make-submissions.py (python-docx), the way units
 * write them; the assertions read the item files, the report and the built PDF.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pdfText } from '../helpers/pdf-render.js';
import { readPdf } from '../helpers/pdf-text.js';
import { drawnText } from '../helpers/pdf-ops.js';
import { partsOf, paragraphsOf, textOf } from '../helpers/docx-build.js';
import { clientPath, needs } from '../helpers/clients.js';
import { assertCliBuilt, BIN, cleanupTemp, copySeries, REPO, runCli, tempDir } from '../helpers/series.js';

const MAKE = path.join(REPO, 'test', 'import', 'make-submissions.py');

const py = needs('python-docx');
const python = clientPath('python-docx');

/** Every paragraph of a .docx as Word holds it, table cells, page header and footer included, read with python-docx. */
function sourceParagraphs(file: string): string[] {
  const script = [
    'import sys, json',
    'from docx import Document',
    'from docx.oxml.ns import qn',
    'd = Document(sys.argv[1])',
    'parts = [d.element.body] + [x._element for s in d.sections for x in (s.header, s.footer) if not x.is_linked_to_previous]',
    "print(json.dumps([''.join(t.text or '' for t in p.iter(qn('w:t'))) for part in parts for p in part.iter(qn('w:p'))], ensure_ascii=False))",
  ].join('\n');
  const r = spawnSync(python!, ['-c', script, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return (JSON.parse(r.stdout) as string[]).filter((p) => p.trim());
}

/** The lines of import's report that quote what was left out: “text”：reason. */
function reported(stdout: string): Array<{ text: string; reason: string }> {
  return [...stdout.matchAll(/^ {4}“(.+)”：(.+)$/gm)].map((m) => ({ text: m[1]!, reason: m[2]! }));
}

const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');
/** An item file's text with the Markdown marks taken out, so source text can be found in it. */
const itemText = (md: string): string => squash(md.replace(/\*\*/g, '').replace(/^#+ /gm, ''));

/**
 * What of a source paragraph is in neither the item file nor the report: a paragraph left out
 * whole is quoted whole, one left out in part (a credit at its end, a title's closing mark)
 * has that part quoted, and the rest must be in the file.
 */
function unaccounted(paragraph: string, item: string, report: Array<{ text: string }>): string | undefined {
  let rest = squash(paragraph);
  for (const r of report.map((x) => squash(x.text))) {
    if (rest === r) return undefined;
    if (rest.endsWith(r)) rest = rest.slice(0, -r.length);
  }
  return itemText(item).includes(rest) ? undefined : rest;
}

const CITY = '5月工作动态.docx';
const UNIV = '5月协同提质动态.docx';
const ARTICLE = '九江学院经验材料.docx';

let subm: string;
let series: string;
let out: string;
const runs = new Map<string, { stdout: string; stderr: string; code: number | null; item: string }>();
const issue = (f = ''): string => path.join(series, 'issues/010', f);
const frontOf = (text: string): Record<string, unknown> => parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);

py.describe('Word submissions come in whole', () => {
  beforeAll(() => {
    assertCliBuilt();
    subm = tempDir('bulletin-whole-');
    const r = spawnSync(python!, [MAKE, subm], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`make-submissions failed: ${r.stderr}`);
    series = copySeries(REPO);
    expect(runCli(['new', '--date', '2024-05-20'], series).code).toBe(0);
    for (const f of [CITY, UNIV, ARTICLE]) {
      const res = runCli(['import', path.join(subm, f)], series);
      const item = /→ issues\/010\/(\S+?\.md)/.exec(res.stdout)?.[1];
      runs.set(f, { ...res, item: item ? fs.readFileSync(issue(item), 'utf8') : '' });
    }
  }, 180_000);
  afterAll(cleanupTemp);

  test('a sign-off (unit and date on two lines), a contact line, an 附件 note and a page header: unit and date go into the front matter, none of them into the text, each named in the report', () => {
    const r = runs.get(CITY)!;
    expect(r.code, r.stderr).toBe(0);
    expect(frontOf(r.item)).toMatchObject({ section: '市县动态', unit: '九江市教育局', date: '2024-05-28' });
    expect(r.stdout).toContain('供稿单位：九江市教育局（推断：落款中有“九江市教育局”');
    const body = r.item.slice(r.item.indexOf('\n---\n') + 5);
    for (const gone of ['九江市协同提质行动工作动态', '附件', '送教活动安排表', '2024年5月28日', '联系人', '0792-8581234'])
      expect(body).not.toContain(gone);
    expect(body.trim().endsWith('受到试点学校欢迎。')).toBe(true);
    expect(reported(r.stdout)).toEqual([
      { text: '九江市教育局办公室', reason: '页眉中的文字，没有导入（简报不印来稿的页眉、页脚）' },
      { text: '九江市协同提质行动工作动态', reason: '文档的标题行，没有印出（每条动态有自己的标题）' },
      { text: '附件：1.九江市协同提质试点学校名单', reason: '附件说明，没有印出（附件本身不随稿件导入，需要时请另行处理）' },
      { text: '2.送教活动安排表', reason: '附件说明，没有印出（附件本身不随稿件导入，需要时请另行处理）' },
      { text: '九江市教育局', reason: '落款的单位名称，没有印出（供稿单位按前言区 unit 印成“（……供稿）”），单位已写入前言区 unit' },
      { text: '2024年5月28日', reason: '落款的日期，没有印出，日期已写入前言区 date' },
      { text: '联系人：李明　　电话：0792-8581234', reason: '联系方式，没有印出' },
    ]);
  });

  test('a plain title line, the unit’s own issue number and （供稿） credits are named in the report; the credit names the unit', () => {
    const r = runs.get(UNIV)!;
    expect(r.code, r.stderr).toBe(0);
    expect(frontOf(r.item)).toMatchObject({ section: '高校动态', unit: '江西师范大学' });
    expect(r.item.slice(r.item.indexOf('\n---\n'))).not.toContain('供稿');
    expect(reported(r.stdout).map((x) => x.text)).toEqual([
      '2024年第5期',
      '江西师范大学协同提质行动工作动态（5月）',
      '（江西师范大学教务处供稿）',
      '（江西师范大学供稿）',
    ]);
    expect(r.stdout).toContain('“江西师范大学协同提质行动工作动态（5月）”：文档的标题行，没有印出');
  });

  test('an article’s byline and sign-off: named in the report, the date in the front matter', () => {
    const r = runs.get(ARTICLE)!;
    expect(r.code, r.stderr).toBe(0);
    expect(frontOf(r.item)).toMatchObject({
      section: '经验交流',
      title: '深化校地合作，助推县域教育提质',
      unit: '九江学院',
      date: '2024-05-27',
    });
    expect(reported(r.stdout).map((x) => x.text)).toEqual(['九江学院', '九江学院', '2024年5月27日']);
    expect(r.item).not.toMatch(/^九江学院$/m);
  });

  test.each([CITY, UNIV, ARTICLE])('every paragraph of %s is in the item file or named in the report', (file) => {
    const r = runs.get(file)!;
    const paragraphs = sourceParagraphs(path.join(subm, file));
    expect(paragraphs.length).toBeGreaterThanOrEqual(5);
    const missing = paragraphs.map((p) => unaccounted(p, r.item, reported(r.stdout))).filter(Boolean);
    expect(missing).toEqual([]);
  });

  test('the built PDF: no sign-off, date, contact or title line in the body; the unit only as （…供稿）', async () => {
    out = tempDir('bulletin-whole-out-');
    const b = spawnSync(process.execPath, [BIN, 'build', '10', '--out', out], { cwd: series, encoding: 'utf8', timeout: 120_000 });
    expect(b.status, b.stderr).toBe(0);
    const t = pdfText(await readPdf(new Uint8Array(fs.readFileSync(path.join(out, '工作动态第10期.pdf')))));
    expect(t).toContain('受到试点学校欢迎。（九江市教育局供稿）');
    // The credit typed into the paragraph is not printed twice: the item's unit line stands alone.
    expect(t).toContain('研究部署下一阶段重点工作。（江西师范大学供稿）★江西师范大学举办');
    expect(t).toContain('来自试点县的40名中小学校长参加培训。（江西师范大学供稿）');
    for (const gone of [
      '2024年5月28日',
      '2024年5月27日',
      '联系人',
      '附件',
      '九江市协同提质行动工作动态',
      '江西师范大学协同提质行动工作动态（5月）',
      '2024年第5期',
      '教务处供稿',
    ]) {
      expect(t, gone).not.toContain(gone);
    }
    // 九江市教育局 appears in its items' unit lines and where the text says it, nowhere else.
    expect(t.split('（九江市教育局供稿）').join('').split('九江市教育局').length - 1).toBe(1);
  }, 120_000);

  // 一是 typed bold to the 。, 二是 with only 一是 bold, 三是 not bold at all (make-submissions.py).
  const LEADS = ['一是成立工作专班。', '二是制定实施方案。', '三是建立联络机制。'];

  test('the article’s leads all print in bold 仿宋 in the PDF, each to its first 。, the text after it regular', async () => {
    const drawn = await drawnText(new Uint8Array(fs.readFileSync(path.join(out, '工作动态第10期.pdf'))));
    // One character stream with each character's font and render mode, across line breaks
    // (the spaces pdfmake draws between pieces of a line are left out).
    const chars = drawn.flatMap((d) => [...d.text].filter((ch) => ch !== ' ').map((ch) => ({ ch, font: d.font, mode: d.renderMode })));
    const stream = chars.map((c) => c.ch).join('');
    for (const lead of LEADS) {
      const at = stream.indexOf(lead);
      expect(at, lead).toBeGreaterThan(0);
      for (const c of chars.slice(at, at + lead.length))
        expect(c, `${lead} ${c.ch}`).toMatchObject({ font: 'FandolFang-Regular', mode: 2 });
      expect(chars[at + lead.length], lead).toMatchObject({ font: 'FandolFang-Regular', mode: 0 });
    }
  });

  test('the DOCX sets the same leads bold (w:b) and the text after them regular', () => {
    const xml = partsOf(new Uint8Array(fs.readFileSync(path.join(out, '工作动态第10期.docx')))).xml('word/document.xml');
    for (const lead of LEADS) {
      const para = paragraphsOf(xml).find((p) => textOf(p).startsWith(lead))!;
      expect(para, lead).toBeDefined();
      const runs = [...para.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
        .map((m) => ({ bold: /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(m[1]!), text: textOf(m[1]!) }))
        .filter((r) => r.text);
      const boldText = runs
        .filter((r) => r.bold)
        .map((r) => r.text)
        .join('');
      expect(boldText, lead).toBe(lead);
      expect(runs[0]!.bold).toBe(true);
    }
  });

  test('check notes the article whose leads were typed differently, and what prints', () => {
    const r = runCli(['check', '10'], series);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /issues\/010\/40-九江学院\.md:\d+:1  说明：文章“深化校地合作，助推县域教育提质”的“一是……。”导语写法不一致：“一是成立工作专班。”加了粗，“二是制定实施方案。”没有（或只加粗了一部分）。印出来都是加粗仿宋/,
    );
  });
});
