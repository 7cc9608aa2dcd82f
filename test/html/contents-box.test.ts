/**
 * The contents box (本期要目, issue 24) in the web edition, in chromium: a <nav> under the
 * masthead holding 本期要目 and every column head and headline in order; each of its links
 * resolves to the heading it names (the element with that id is the column head or the item's
 * heading, and following the link scrolls it into view); at 1280 px each headline stands on
 * one line beside its column's head, at 360 px the head stands on a line of its own and
 * nothing scrolls sideways, and a headline wrapped on a phone never ends in one lone character.
 * The WeChat variant holds the same box. Screenshots go to
 * test-output/screenshots/ (contents-*.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Issue } from '../../src/model/types.js';
import { launchBrowser, SCREENSHOTS, type LaunchedBrowser } from '../helpers/browser.js';
import { needs, why } from '../helpers/clients.js';
import { contentsText } from '../helpers/pdf-render.js';
import { renderHtmlString } from '../helpers/render-format.js';
import { cleanupTemp, FIXTURES, requireModel, SAMPLE, tempDir } from '../helpers/series.js';

const squeeze = (s: string): string => s.replace(/[\s\u3000]+/g, '');
const browser = needs('chromium');

browser.describe(`本期要目 in the web edition${why(browser)}`, () => {
  let b: LaunchedBrowser;
  const cases: Record<string, () => Issue> = {
    sample: () => requireModel(SAMPLE, '9'),
    mixed: () => requireModel(path.join(FIXTURES, 'mixed')),
    news: () => requireModel(path.join(FIXTURES, 'news')),
  };
  const files: Record<string, { issue: Issue; web: string; wechat: string }> = {};

  beforeAll(async () => {
    const dir = tempDir('bulletin-contents-html-');
    for (const [k, make] of Object.entries(cases)) {
      const issue = make();
      const web = path.join(dir, `${k}.html`);
      const wechat = path.join(dir, `${k}.wechat.html`);
      fs.writeFileSync(web, renderHtmlString(issue, 'web'));
      fs.writeFileSync(wechat, renderHtmlString(issue, 'wechat'));
      files[k] = { issue, web, wechat };
    }
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    cleanupTemp();
  });

  async function open(file: string, width: number) {
    const page = await b.context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return page;
  }

  for (const k of Object.keys(cases)) {
    it(`${k}: under the masthead, a nav holds 本期要目 and every head and headline in order; every link reaches its heading`, async () => {
      const { issue, web } = files[k]!;
      const page = await open(web, 1280);
      const nav = await page.evaluate(() => {
        const n = document.querySelector('nav[aria-label="本期要目"]');
        return n
          ? {
              text: (n as HTMLElement).innerText,
              afterHeader: n.previousElementSibling?.tagName,
              beforeMain: n.nextElementSibling?.tagName,
            }
          : null;
      });
      expect(nav).not.toBeNull();
      expect(squeeze(nav!.text)).toBe(contentsText(issue));
      expect([nav!.afterHeader, nav!.beforeMain]).toEqual(['HEADER', 'MAIN']);
      const links = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLAnchorElement>('nav a')).map((a) => {
          const id = decodeURIComponent(a.hash.slice(1));
          const target = document.getElementById(id);
          return {
            text: a.innerText,
            id,
            target: target ? { tag: target.tagName, text: target.innerText, inMain: Boolean(target.closest('main')) } : null,
          };
        }),
      );
      const heads = issue.sections.map((s) => s.heading);
      const headlines = issue.sections.flatMap((s) => s.entries.map((e) => (e.kind === 'news' ? e.leadText : e.title)));
      expect(links).toHaveLength(heads.length + headlines.length);
      for (const l of links) {
        expect(l.target, l.text).not.toBeNull();
        expect(l.target!.inMain).toBe(true);
      }
      // Heads reach the column heads, headlines the items' headings (★ lead, or the article title).
      const reached = links.map((l) => squeeze(l.target!.text));
      for (const h of heads) expect(reached).toContain(squeeze(h));
      for (const h of headlines)
        expect(
          reached.some((t) => t.startsWith(squeeze(h)) || t.startsWith(`★${squeeze(h)}`)),
          h,
        ).toBe(true);
      // Following the last link brings its heading, out of sight below, into the window.
      const where = (id: string) =>
        page.evaluate((x) => ({ top: document.getElementById(x)!.getBoundingClientRect().top, height: window.innerHeight }), id);
      const id = links.at(-1)!.id;
      expect((await where(id)).top).toBeGreaterThan((await where(id)).height);
      await page.locator('nav a').last().click();
      const after = await where(id);
      expect(after.top).toBeGreaterThanOrEqual(-1);
      expect(after.top).toBeLessThan(after.height / 2);
      await page.close();
    });
  }

  it('news at 1280 px: each headline on one line, beside its column head on the first; at 360 px the head on a line of its own, no sideways scrolling', async () => {
    const { web } = files.news!;
    const rows = async (width: number) => {
      const page = await open(web, width);
      const r = await page.evaluate(() => ({
        rows: Array.from(document.querySelectorAll('nav p.contentsRow')).map((p) => {
          const head = p.querySelector('.contentsHead');
          const text = Array.from(p.querySelectorAll('a')).at(-1)!;
          const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
          return {
            lines: Math.round(text.getClientRects().length),
            headTop: head?.getBoundingClientRect().top,
            textTop: text.getClientRects()[0]!.top,
            lineHeight,
            height: p.getBoundingClientRect().height,
          };
        }),
        scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
      await page.screenshot({ path: path.join(SCREENSHOTS, `contents-news-${width}.png`), fullPage: true });
      await page.close();
      return r;
    };
    const wide = await rows(1280);
    expect(wide.rows).toHaveLength(13);
    for (const r of wide.rows) expect(r.height / r.lineHeight).toBeCloseTo(1, 1);
    for (const r of wide.rows.filter((x) => x.headTop !== undefined))
      expect(Math.abs(r.headTop! - r.textTop)).toBeLessThan(r.lineHeight / 2);
    const narrow = await rows(360);
    expect(narrow.scroll).toBeLessThanOrEqual(0);
    for (const r of narrow.rows.filter((x) => x.headTop !== undefined)) expect(r.textTop - r.headTop!).toBeGreaterThan(r.lineHeight / 2);
  });

  it('at phone widths a wrapped headline never leaves one character alone on its last line', async () => {
    let wrapped = 0;
    for (const k of ['news', 'mixed']) {
      for (const [file, width] of [
        [files[k]!.web, 360],
        [files[k]!.web, 414],
        [files[k]!.wechat, 360],
      ] as const) {
        const page = await open(file, width);
        // Per headline, the characters on each of its lines, read from the text's own boxes.
        const rows = await page.evaluate(() =>
          Array.from(document.querySelectorAll('nav p.contentsRow')).map((p) => {
            const link = Array.from(p.querySelectorAll('a')).at(-1)!;
            const tops: number[] = [];
            const perLine = new Map<number, number>();
            const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const text = n.textContent ?? '';
              for (let i = 0; i < text.length; i++) {
                if (/[\s★]/.test(text[i]!)) continue;
                const r = document.createRange();
                r.setStart(n, i);
                r.setEnd(n, i + 1);
                const top = r.getBoundingClientRect().top;
                const line = tops.find((t) => Math.abs(t - top) < 4) ?? (tops.push(top), top);
                perLine.set(line, (perLine.get(line) ?? 0) + 1);
              }
            }
            return { text: link.innerText, lines: [...perLine.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]) };
          }),
        );
        await page.close();
        for (const r of rows.filter((x) => x.lines.length > 1)) {
          wrapped++;
          expect(r.lines.at(-1), `${k} ${width} px: ${r.text} ${JSON.stringify(r.lines)}`).toBeGreaterThan(1);
        }
      }
    }
    expect(wrapped).toBeGreaterThan(10);
  });

  for (const k of Object.keys(cases)) {
    it(`${k}: the WeChat variant holds the same box`, async () => {
      const { issue, wechat } = files[k]!;
      const page = await open(wechat, 360);
      const text = await page.evaluate(() => (document.querySelector('nav') as HTMLElement | null)?.innerText ?? '');
      expect(squeeze(text)).toBe(contentsText(issue));
      await page.screenshot({ path: path.join(SCREENSHOTS, `contents-${k}-wechat-360.png`), fullPage: true });
      await page.close();
    });
  }
});
