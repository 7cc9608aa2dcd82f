/**
 * A second, independent reader: Debian's python3-docx opens the DOCX and reads back its
 * paragraphs with their style names, the tables, and the core properties.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Issue } from '../../src/model/types.js';
import { clientPath, needs, why } from '../helpers/clients.js';
import { SERIES, docxOf, issueOf } from '../helpers/docx-build.js';

const READ = `
import json, sys, docx
d = docx.Document(sys.argv[1])
print(json.dumps({
  "paragraphs": [[p.style.name, p.text] for p in d.paragraphs],
  "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
  "styles": [s.name for s in d.styles],
  "title": d.core_properties.title,
  "author": d.core_properties.author,
  "created": d.core_properties.created.isoformat(),
}, ensure_ascii=False))
`;

const pyDocx = needs('python-docx');
const python = clientPath('python-docx');

interface ReadBack {
  paragraphs: Array<[string, string]>;
  tables: string[][][];
  styles: string[];
  title: string;
  author: string;
  created: string;
}

let issue: Issue;
let read: ReadBack;
let work: string;

pyDocx.describe(`python-docx reads the DOCX${why(pyDocx)}`, () => {
  beforeAll(async () => {
    issue = issueOf(SERIES.mixed);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-pydocx-'));
    const file = path.join(work, 'mixed.docx');
    fs.writeFileSync(file, await docxOf(issue));
    const r = spawnSync(python!, ['-c', READ, file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`python-docx failed: ${r.stderr}`);
    read = JSON.parse(r.stdout) as ReadBack;
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test('paragraphs in order with their named styles', () => {
    const byText = (t: string): string | undefined => read.paragraphs.find(([, text]) => text === t)?.[0];
    expect(byText(issue.masthead.name)).toBe('报头名称');
    expect(byText('【省级动态】')).toBe('栏目名');
    expect(byText('一、总体要求')).toBe('Heading 1');
    expect(byText('（一）指导思想和工作目标')).toBe('Heading 2');
    expect(byText('1.一校一策，扶特补弱')).toBe('Heading 3');
    expect(byText('（1）打造“高原”与填平“洼地”并举')).toBe('Heading 4');
    expect(byText('组团帮扶促提升，协同发展见实效')).toBe('文章标题');
    expect(byText('——北京师范大学组团工作方案摘编')).toBe('文章副标题');
    const texts = read.paragraphs.map(([, t]) => t);
    const order = ['工作动态', '编者按：本期集中刊发', '【省级动态】', '【高校动态】', '【市县动态】', '【经验交流】', '二、组团名单'];
    const at = order.map((o) => texts.findIndex((t) => t.startsWith(o)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const item = read.paragraphs.find(([, t]) => t.startsWith('★省教育厅'));
    expect(item?.[0]).toBe('简报正文');
    expect(item?.[1]).toContain('5月6日');
  });

  test('the styles an editor restyles are there by name', () => {
    for (const name of ['简报正文', '栏目名', '动态标题', '编者按', '文章标题', '文章副标题', '版记', 'Heading 1', 'Heading 4'])
      expect(read.styles).toContain(name);
  });

  test('the data table and the end block read back as tables', () => {
    // After the contents box (本期要目, issue 24), a table too.
    expect(read.tables).toHaveLength(3);
    expect(read.tables[0]![0]![0]).toBe('本期要目');
    expect(read.tables[1]![0]).toEqual(['牵头高校', '重点联系院校（M）', '重点支持薄弱院校（N）']);
    expect(read.tables[1]!.at(-1)).toEqual(['', '四川师范大学', '西昌民族幼儿师范高等专科学校']);
    const end = read.tables[2]!.map((r) => r[0]);
    expect(end[0]).toBe(`报：${issue.endBlock.distribution[0]!.text}`);
    expect(end.at(-1)).toBe(`${issue.endBlock.printer}\t${issue.endBlock.printDate}`);
  });

  test('core properties', () => {
    expect(read.title).toBe(issue.meta.title);
    expect(read.author).toBe(issue.meta.author);
    expect(read.created.startsWith(issue.meta.isoDate)).toBe(true);
  });
});
