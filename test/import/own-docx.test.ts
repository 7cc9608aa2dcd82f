/**
 * A bulletin's own DOCX back through `bulletin import`: an office that receives last month's
 * issue as a Word file and imports it gets every item's text back as it was written — the
 * ★ lead and each paragraph, character for character — and `check` finds nothing in it. Needs
 * no client: the DOCX is read by the importer itself (mammoth).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assertCliBuilt, cleanupTemp, copySeries, FIXTURES, runCli, type CliResult } from '../helpers/series.js';

let series: string;
let imported: string;
let importRun: CliResult;

/** The items of the news fixture's issue 10 as written: title and paragraphs. */
function sourceItems(dir: string): Array<{ title: string; paragraphs: string[] }> {
  const items: Array<{ title: string; paragraphs: string[] }> = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const body = fs.readFileSync(path.join(dir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const chunk of body.split(/^## /m).slice(1)) {
      const [title, ...rest] = chunk.split('\n');
      items.push({
        title: title!.trim(),
        paragraphs: rest
          .join('\n')
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter(Boolean),
      });
    }
  }
  return items;
}

beforeAll(() => {
  assertCliBuilt();
  series = copySeries(path.join(FIXTURES, 'news'));
  const out = path.join(series, 'dist');
  expect(runCli(['build', '10', '--format', 'docx', '--out', out], series).code).toBe(0);
  fs.mkdirSync(path.join(series, 'issues', '011'));
  fs.writeFileSync(path.join(series, 'issues', '011', 'issue.yaml'), 'number: 11\ndate: 2024-06-20\n');
  importRun = runCli(['import', path.join(out, '工作动态第10期.docx'), '--issue', '11', '--section', '省级动态'], series);
  const md = fs.readdirSync(path.join(series, 'issues', '011')).filter((f) => f.endsWith('.md'));
  expect(md, importRun.stderr).toHaveLength(1);
  imported = fs.readFileSync(path.join(series, 'issues', '011', md[0]!), 'utf8');
});
afterAll(cleanupTemp);

describe('bulletin import of a bulletin’s own DOCX', () => {
  test('every item comes back as written: the ★ lead with its first paragraph, then each paragraph', () => {
    expect(importRun.code, importRun.stderr).toBe(0);
    const lines = imported.split('\n').map((l) => l.trim());
    const items = sourceItems(path.join(FIXTURES, 'news', 'issues', '010'));
    expect(items.length).toBeGreaterThan(10);
    for (const { title, paragraphs } of items) {
      const lead = `★${title}${/[。！？]$/.test(title) ? '' : '。'}`;
      expect(lines, lead).toContain(lead + paragraphs[0]);
      for (const p of paragraphs.slice(1)) expect(lines, p).toContain(p);
    }
  });

  test('check finds nothing in what was imported', () => {
    expect(importRun.stdout).toContain('检查新稿件：没有发现问题');
    const r = runCli(['check', '11'], series);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('没有发现问题');
    expect(r.stderr).toBe('');
  });
});
