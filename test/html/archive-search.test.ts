/**
 * The archive index's offline search, in a real browser opened on file:// (no server): the
 * index is built from the real 第9期 and the mixed fixture; typing a word that occurs only in
 * an item's text (not its headline) lists that item, its link points into the issue, and a
 * word that occurs nowhere finds nothing. The bigram query code is also checked directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs, why } from '../helpers/clients.js';
import { indexHtml } from '../../src/archive/index-html.js';
import { manifestItems } from '../../src/archive/items.js';
import type { Manifest, ManifestIssue } from '../../src/archive/manifest.js';
import { buildSearchIndex, SEARCH_SOURCE } from '../../src/archive/search-index.js';
import type { Issue } from '../../src/model/types.js';
import { SERIES, issueOf } from '../helpers/docx-build.js';
import { launchBrowser, type LaunchedBrowser } from '../helpers/browser.js';
import { cleanupTemp, tempDir } from '../helpers/series.js';

function entry(issue: Issue): ManifestIssue {
  const stem = `${issue.meta.year}/${issue.meta.fileStem}`;
  return {
    number: issue.meta.number,
    label: issue.masthead.label,
    date: issue.meta.isoDate,
    printDate: issue.meta.isoPrintDate,
    source: issue.meta.dir,
    inputHash: '',
    sections: issue.sections.map((s) => ({ name: s.name, items: s.entries.length })),
    articles: [],
    items: manifestItems(issue),
    files: [
      { path: `${stem}.html`, format: 'html', size: 1, sha256: '', pages: 0 },
      { path: `${stem}.pdf`, format: 'pdf', size: 1, sha256: '', pages: 1 },
    ],
  };
}

const find = new Function('index', 'query', `${SEARCH_SOURCE}\nreturn find(index, query);`) as (i: unknown, q: string) => number[];

describe('search index (bigrams)', () => {
  const docs = ['赣州市教育局召开座谈会', '南昌大学附属中学开展教研活动', 'AI 课程进校园'];
  const index = buildSearchIndex(docs);
  it('finds a word inside the text, by two or more characters', () => {
    expect(find(index, '座谈')).toEqual([0]);
    expect(find(index, '教育局')).toEqual([0]);
    expect(find(index, '教研')).toEqual([1]);
  });
  it('one character finds every item holding it; nothing found is empty', () => {
    expect(find(index, '学')).toEqual([1]);
    expect(find(index, '开')).toEqual([0, 1]);
    expect(find(index, '北京')).toEqual([]);
  });
  it('Latin is case-insensitive; spaces and punctuation separate words', () => {
    expect(find(index, 'ai')).toEqual([2]);
    expect(find(index, '课程，校园')).toEqual([2]);
  });
});

const browser = needs('chromium');

browser.describe(`archive index search in chromium${why(browser)}`, () => {
  let b: LaunchedBrowser;
  let file: string;
  let manifest: Manifest;

  beforeAll(async () => {
    const issues = [issueOf(SERIES.mixed), issueOf(SERIES.sample)];
    manifest = {
      series: '江西省高校与县域基础教育协同提质行动',
      name: '工作动态',
      publisher: '办公室',
      tool: { name: 'bulletin', version: 'test' },
      issues: issues.map(entry),
    };
    const dir = tempDir('bulletin-index-');
    file = path.join(dir, 'index.html');
    fs.writeFileSync(file, indexHtml(manifest));
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    cleanupTemp();
  });

  it('finds an item by a word of its text, offline, and links into the issue', async () => {
    const page = await b.context.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) outside.push(r.url());
    });
    await page.goto(pathToFileURL(file).href);
    // A word from the body of 第9期's article, not from any headline.
    const all = manifest.issues.flatMap((i) => i.items!.map((it) => ({ i, it })));
    const target = all.find(({ it }) => it.text.includes('龙南师范学校附属小学'))!;
    expect(target).toBeDefined();
    await page.fill('#q', '龙南师范学校附属小学');
    const results = await page.locator('#results li').allTextContents();
    expect(results).toHaveLength(1);
    expect(results[0]).toContain(target.it.title);
    expect(results[0]).toContain(target.i.label);
    const href = await page.locator('#results li a').first().getAttribute('href');
    expect(decodeURI(href!)).toBe(`./${target.i.files[0]!.path}#${target.it.anchor}`);

    await page.fill('#q', '不存在的词语组合');
    expect(await page.locator('#results li').count()).toBe(0);
    expect(await page.textContent('#count')).toBe('没有找到');
    expect(outside).toEqual([]);
    await page.close();
  });

  it('shows a headline and unit that look like markup as text: no element, no script runs', async () => {
    const hostile = structuredClone(manifest.issues[0]!);
    hostile.items = [
      {
        section: '工作动态',
        title: '<img src=x onerror="document.title=1">标题&amp;',
        unit: '"><b>单位</b>',
        text: '独一无二的暗号词',
        anchor: 'item-1',
      },
    ];
    const dir = tempDir('bulletin-index-hostile-');
    const hostileFile = path.join(dir, 'index.html');
    fs.writeFileSync(hostileFile, indexHtml({ ...manifest, issues: [hostile] }));
    const page = await b.context.newPage();
    await page.goto(pathToFileURL(hostileFile).href);
    const title = await page.title();
    await page.fill('#q', '暗号');
    const results = await page.locator('#results li').allTextContents();
    expect(results).toHaveLength(1);
    expect(results[0]).toContain('<img src=x onerror="document.title=1">标题&amp;');
    expect(results[0]).toContain('（"><b>单位</b>）');
    expect(await page.locator('#results img, #results b').count()).toBe(0);
    expect(await page.title()).toBe(title);
    await page.close();
  });

  it('lists every item headline and unit without any script', async () => {
    const page = await b.context.newPage();
    await page.goto(pathToFileURL(file).href);
    const text = (await page.textContent('table'))!;
    for (const it of manifest.issues.flatMap((i) => i.items!)) {
      expect(text).toContain(it.title);
      if (it.unit) expect(text).toContain(it.unit);
    }
    await page.close();
  });
});
