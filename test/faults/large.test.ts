/**
 * Very large input: an issue of 200 items and a 1 MB item build; a source beyond the limit
 * stops with a message that names the limit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { MAX_SOURCE_BYTES } from '../../src/sources/load.js';
import { assertCliBuilt, cleanupTemp, issueYaml, makeSeries, runCli } from '../helpers/series.js';

const BODY =
  '赣州市教育局围绕协同提质重点工作任务，成立了由局主要领导担任组长的市级协同提质工作专班，专题研究部署相关工作，定期进行调度，及时协调解决经费保障、政策保障、教师队伍建设等方面的问题，推动各项工作落地见效。';

async function allText(file: string): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(file)) }).promise;
  let out = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    out += content.items.map((i) => ('str' in i ? i.str : '')).join('');
  }
  await doc.destroy();
  return out.replace(/\s+/g, '');
}

async function pageCount(file: string): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(file)) }).promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

describe('very large input', () => {
  it('an issue of 200 items builds, every item present', async () => {
    const items = Array.from({ length: 200 }, (_, i) => `## 第${i + 1}条动态的标题\n\n${BODY}\n`).join('\n');
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': `---\nsection: 高校动态\n---\n\n${items}`,
    });
    const r = runCli(['build'], dir);
    expect(r.code, r.stderr).toBe(0);
    const pdf = path.join(dir, 'dist', '工作动态第1期.pdf');
    expect(await pageCount(pdf)).toBeGreaterThan(20);
    const text = await allText(pdf);
    for (let i = 1; i <= 200; i++) expect(text).toContain(`★第${i}条动态的标题。`);
    expect(fs.statSync(path.join(dir, 'dist', '工作动态第1期.docx')).size).toBeGreaterThan(5000);
  });

  it('a 1 MB item builds', async () => {
    const para = `${BODY}\n\n`;
    const body = para.repeat(Math.ceil(1_000_000 / Buffer.byteLength(para)));
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': `---\nsection: 高校动态\n---\n\n## 一条很长的动态\n\n${body}`,
    });
    expect(fs.statSync(path.join(dir, 'issues/001/10.md')).size).toBeGreaterThan(1_000_000);
    const r = runCli(['build', '--format', 'pdf'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(await pageCount(path.join(dir, 'dist', '工作动态第1期.pdf'))).toBeGreaterThan(400);
  });

  it('a source beyond the limit stops with a message naming the file and the limit', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': `---\nsection: 高校动态\n---\n\n## 标题\n\n${'字'.repeat(Math.ceil(MAX_SOURCE_BYTES / 3) + 10)}\n`,
    });
    const r = runCli(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/issues\/001\/10\.md:1:1  错误：稿件文件有 4\.0 MB，超过 4 MB 的上限/);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});
