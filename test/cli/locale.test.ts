/**
 * The same sources give the same files on every machine, whatever its locale: a clerk's Chinese
 * Windows and CI build an issue whose items share a section and an order number in one order
 * (the file names' code units: 南昌 U+5357 before 江西 U+6C5F; by pinyin a Chinese locale would
 * put 江西 first), with byte-identical PDF, DOCX and HTML.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { assertCliBuilt, BIN, cleanupTemp, issueYaml, makeSeries, newsItem } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

function build(dir: string, locale: string, out: string): Record<string, string> {
  const r = spawnSync(process.execPath, [BIN, 'build', '1', '--out', out], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: locale, LC_ALL: locale, NO_COLOR: '1' },
  });
  expect(r.status, r.stderr).toBe(0);
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(path.join(dir, out)).filter((f) => !f.startsWith('.')))
    files[f] = crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(dir, out, f)))
      .digest('hex');
  return files;
}

test('items of one order number come in the same order, and the files are the same bytes, under a Chinese and an English locale', () => {
  const dir = makeSeries({
    'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
    'issues/001/江西.md': newsItem('高校动态', '江西师范大学召开推进会', '正文一。'),
    'issues/001/南昌.md': newsItem('高校动态', '南昌大学召开推进会', '正文二。'),
  });
  const zh = build(dir, 'zh_CN.UTF-8', 'zh');
  const en = build(dir, 'en_US.UTF-8', 'en');
  expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  expect(zh).toEqual(en);
  const html = fs.readFileSync(path.join(dir, 'zh', Object.keys(zh).find((f) => f.endsWith('.html'))!), 'utf8');
  expect(html.indexOf('南昌大学召开推进会')).toBeGreaterThan(0);
  expect(html.indexOf('南昌大学召开推进会')).toBeLessThan(html.indexOf('江西师范大学召开推进会'));
});
