/**
 * Headings numbered by Word itself (开始 → 编号: 一、 and （一）, one through its heading style),
 * made by test/import/make-word-numbering.py, come in as the headings clerks type, at their
 * level and with their numbers; an ordinary 1. 2. list stays a list. Read from the item file
 * and from the built PDF.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readPdf } from '../helpers/pdf-text.js';
import { clientPath, needs } from '../helpers/clients.js';
import { assertCliBuilt, BIN, cleanupTemp, copySeries, REPO, runCli, tempDir } from '../helpers/series.js';

const MAKE = path.join(REPO, 'test', 'import', 'make-word-numbering.py');
const py = needs('python-docx');
const python = clientPath('python-docx');

let series: string;
let item: string;

py.describe('Word’s own 一、（一） numbering', () => {
  beforeAll(() => {
    assertCliBuilt();
    const docx = path.join(tempDir('bulletin-numbering-'), '九江市经验材料.docx');
    const made = spawnSync(python!, [MAKE, docx], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(made.stderr);
    series = copySeries(REPO);
    expect(runCli(['new', '--date', '2024-05-20'], series).code).toBe(0);
    const r = runCli(['import', docx, '--unit', '九江市教育局', '--section', '经验交流'], series);
    expect(r.code, r.stderr).toBe(0);
    item = fs.readFileSync(path.join(series, 'issues/010', /→ issues\/010\/(\S+?\.md)/.exec(r.stdout)![1]!), 'utf8');
  }, 120_000);
  afterAll(cleanupTemp);

  test('the item file has the headings at their levels with their numbers; the 1. 2. list stays a list', () => {
    const lines = item
      .slice(item.indexOf('\n---\n'))
      .split('\n')
      .filter((l) => /^(#|\d\. )/.test(l));
    expect(lines).toEqual([
      '## 一、围绕重点任务，协同推进',
      '### （一）部门担纲，积极协同落实',
      '### （二）高校牵头，联通协同节点',
      '## 二、紧扣发展需求，协同发力',
      '1. 听课评课',
      '2. 专题讲座',
    ]);
  });

  test('the PDF prints the numbers with the headings', async () => {
    const out = tempDir('bulletin-numbering-out-');
    const b = spawnSync(process.execPath, [BIN, 'build', '10', '--out', out], { cwd: series, encoding: 'utf8', timeout: 120_000 });
    expect(b.status, b.stderr).toBe(0);
    const pdf = await readPdf(new Uint8Array(fs.readFileSync(path.join(out, '工作动态第10期.pdf'))));
    const text = pdf.pages.flatMap((p) =>
      p.lines.map((l) =>
        l.items
          .map((i) => i.text)
          .join('')
          .replace(/\s/g, ''),
      ),
    );
    for (const h of [
      '一、围绕重点任务，协同推进',
      '（一）部门担纲，积极协同落实',
      '（二）高校牵头，联通协同节点',
      '二、紧扣发展需求，协同发力',
    ])
      expect(text, h).toContain(h);
  }, 120_000);
});
