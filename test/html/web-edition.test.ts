/**
 * The web edition in a real browser (Debian's chromium): 第9期's page text equals the model's
 * text in order; nothing leaves the page; no horizontal scrolling at 360 px; semantic structure
 * (one h1, headings in order, table header row, alt text from the caption, title and Open Graph
 * meta); the Chinese typography rules are in effect; and the WeChat variant looks the same with
 * no <style> and no class. Screenshots at 360 and 1280 px go to test-output/screenshots/ for a
 * person to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs, why } from '../helpers/clients.js';
import type { Page } from 'playwright-core';
import type { Issue } from '../../src/model/types.js';
import { renderHtmlString } from '../helpers/render-format.js';
import { launchBrowser, SCREENSHOTS, type LaunchedBrowser } from '../helpers/browser.js';
import { SERIES, issueOf } from '../helpers/docx-build.js';
import { modelText } from '../helpers/pdf-render.js';
import { assertCliBuilt, cleanupTemp, copySeries, makeSeries, runCli, tempDir } from '../helpers/series.js';

const squeeze = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/** The files a reader sees in an output folder: build's own record of what it wrote is hidden. */
const listed = (dir: string): string[] =>
  fs
    .readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort();

describe('web edition as files', () => {
  afterAll(cleanupTemp);

  it('bulletin build --format html writes 工作动态第9期.html, the same bytes every time, no script', () => {
    assertCliBuilt();
    const dir = copySeries(SERIES.sample);
    const r1 = runCli(['build', '9', '--format', 'html', '--out', 'a'], dir);
    expect(r1.code, r1.stderr).toBe(0);
    const r2 = runCli(['build', '9', '--format', 'html', '--out', 'b'], dir);
    expect(r2.code, r2.stderr).toBe(0);
    const a = fs.readFileSync(path.join(dir, 'a', '工作动态第9期.html'));
    expect(a.equals(fs.readFileSync(path.join(dir, 'b', '工作动态第9期.html')))).toBe(true);
    expect(listed(path.join(dir, 'a'))).toEqual(['工作动态第9期.html']);
    expect(a.toString('utf8')).not.toMatch(/<script|<link|@import|url\(http|src="http/i);
  });

  it('the Open Graph description lists the headlines without their closing marks: no “。；”', () => {
    const html = renderHtmlString(issueOf(SERIES.mixed), 'web');
    const description = /<meta property="og:description" content="([^"]*)">/.exec(html)?.[1];
    expect(description).toBeTruthy();
    expect(description).not.toMatch(/[。，、；：！？][；…]|[。；]$/);
    expect(description).toContain('；');
  });

  it('the default set includes the web edition, the WeChat variant only on request', () => {
    const dir = copySeries(SERIES.sample);
    const r = runCli(['build', '9', '--out', 'out'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(listed(path.join(dir, 'out'))).toEqual(['工作动态第9期.docx', '工作动态第9期.html', '工作动态第9期.pdf']);
    const w = runCli(['build', '9', '--format', 'wechat', '--out', 'w'], dir);
    expect(w.code, w.stderr).toBe(0);
    expect(listed(path.join(dir, 'w'))).toEqual(['工作动态第9期.wechat.html']);
  });
});

const browser = needs('chromium');

interface Opened {
  issue: Issue;
  web: string;
  wechat: string;
}

browser.describe(`web edition in chromium${why(browser)}`, () => {
  let b: LaunchedBrowser;
  const files: Record<'sample' | 'mixed', Opened> = {} as Record<'sample' | 'mixed', Opened>;

  beforeAll(async () => {
    const dir = tempDir('bulletin-html-');
    for (const key of ['sample', 'mixed'] as const) {
      const issue = issueOf(SERIES[key]);
      const web = path.join(dir, `${key}.html`);
      const wechat = path.join(dir, `${key}.wechat.html`);
      fs.writeFileSync(web, renderHtmlString(issue, 'web'));
      fs.writeFileSync(wechat, renderHtmlString(issue, 'wechat'));
      files[key] = { issue, web, wechat };
    }
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    cleanupTemp();
  });

  /** Opens a file at a width, recording every request that is not the file itself. */
  async function open(file: string, width: number): Promise<{ page: Page; outside: string[] }> {
    const page = await b.context.newPage();
    await page.setViewportSize({ width, height: 800 });
    const self = pathToFileURL(file).href;
    const outside: string[] = [];
    page.on('request', (r) => {
      if (r.url() !== self && !r.url().startsWith('data:')) outside.push(r.url());
    });
    await page.goto(self, { waitUntil: 'load' });
    return { page, outside };
  }

  for (const key of ['sample', 'mixed'] as const) {
    it(`${key}: the page's text is the model's text, in order, and nothing leaves the page`, async () => {
      const { issue, web } = files[key];
      const { page, outside } = await open(web, 1280);
      const text = await page.evaluate(() => document.body.innerText);
      // 第9期 (9 pages) and the mixed fixture (4 pages) print the contents box (contents: auto).
      expect(squeeze(text)).toBe(modelText(issue, { contents: true }));
      expect(outside).toEqual([]);
      await page.close();
    });

    for (const width of [360, 1280]) {
      it(`${key}: no horizontal scrolling at ${width} px; screenshot written`, async () => {
        const { page } = await open(files[key].web, width);
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(scroll).toBeLessThanOrEqual(client);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${key}-${width}.png`), fullPage: true });
        await page.close();
      });
    }
  }

  it('is semantic: lang, one h1, headings in order, title and Open Graph meta', async () => {
    const { issue, web } = files.sample;
    const { page } = await open(web, 1280);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('h1').allTextContents()).toEqual([issue.masthead.name]);
    const levels = await page.evaluate(() => Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    // Every column head and every item is a heading.
    const h2 = await page.locator('h2').allTextContents();
    for (const s of issue.sections) expect(h2).toContain(s.heading);
    const h3 = (await page.locator('h3').allTextContents()).map(squeeze);
    const entries = issue.sections.flatMap((s) => s.entries.map((e) => (e.kind === 'news' ? e.leadText : e.title)));
    expect(h3).toHaveLength(entries.length);
    entries.forEach((t, i) => expect(h3[i]).toContain(squeeze(t)));
    const title = await page.title();
    expect(title).toContain(issue.masthead.label);
    expect(title).toContain(issue.masthead.date);
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toContain(issue.masthead.label);
    expect(await page.getAttribute('meta[property="og:description"]', 'content')).toBeTruthy();
    expect(await page.getAttribute('meta[name="viewport"]', 'content')).toContain('width=device-width');
    await page.close();
  });

  it('tables have a header row; images carry their caption as alt text and are data URIs', async () => {
    const { issue, web } = files.mixed;
    const { page } = await open(web, 1280);
    expect(await page.locator('table thead tr th').count()).toBeGreaterThan(0);
    const imgs = await page.evaluate(() =>
      Array.from(document.images).map((i) => ({ alt: i.alt, src: i.src.slice(0, 22), w: i.naturalWidth })),
    );
    const captions = issue.sections
      .flatMap((s) => s.entries.flatMap((e) => (e.kind === 'news' ? e.body : e.blocks)))
      .flatMap((bl) => (bl.type === 'image' ? [bl.caption ?? bl.alt] : []));
    expect(imgs.length).toBe(captions.length);
    expect(imgs.length).toBeGreaterThan(0);
    imgs.forEach((im, i) => {
      expect(im.alt).toBe(captions[i]);
      expect(im.src).toMatch(/^data:image\/(png|jpeg);base64/);
      expect(im.w).toBeGreaterThan(0);
    });
    await page.close();
  });

  it('sets Chinese text as the spec asks: official fonts first, 2em indent, justified, strict breaking', async () => {
    const { page } = await open(files.sample.web, 360);
    const st = await page.evaluate(() => {
      // A body paragraph of 第9期's first article.
      const p = Array.from(document.querySelectorAll('main p')).find((e) => (e.textContent ?? '').startsWith('赣州市积极贯彻落实'))!;
      const cs = getComputedStyle(p);
      const h1 = getComputedStyle(document.querySelector('h1')!);
      return {
        fontFamily: cs.fontFamily,
        fontSize: parseFloat(cs.fontSize),
        indent: parseFloat(cs.textIndent),
        align: cs.textAlign,
        justify: cs.getPropertyValue('text-justify'),
        lineBreak: cs.getPropertyValue('line-break'),
        lineHeight: parseFloat(cs.lineHeight),
        h1Color: h1.color,
      };
    });
    expect(st.fontFamily.replace(/"/g, '')).toMatch(/^仿宋_GB2312, 仿宋, FangSong/);
    expect(st.fontSize).toBeGreaterThanOrEqual(18);
    expect(st.fontSize).toBeLessThanOrEqual(20);
    expect(st.indent).toBeCloseTo(2 * st.fontSize, 1);
    expect(st.align).toBe('justify');
    expect(st.justify).toBe('inter-character');
    expect(st.lineBreak).toBe('strict');
    expect(st.lineHeight / st.fontSize).toBeCloseTo(1.8, 1);
    expect(st.h1Color).toBe('rgb(255, 0, 0)');
    // Printed, the body is 三号 (16 pt = 21.33 px) across the paper's text block, not the screen column.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const p = Array.from(document.querySelectorAll('main p')).find((e) => (e.textContent ?? '').startsWith('赣州市积极贯彻落实'))!;
      return { size: parseFloat(getComputedStyle(p).fontSize), maxWidth: getComputedStyle(document.querySelector('article')!).maxWidth };
    });
    expect(printed.size).toBeCloseTo((16 * 96) / 72, 1);
    expect(printed.maxWidth).toBe('none');
    await page.close();
  });

  /**
   * How chromium broke an element's text into lines: the text of each line box, read back
   * character by character from the layout (Range rects), with the line's left and right edges.
   */
  async function linesOf(
    page: Page,
    selector: string,
  ): Promise<Array<{ text: string; lines: Array<{ text: string; left: number; right: number }>; box: { left: number; right: number } }>> {
    return page.evaluate((sel) => {
      return Array.from(document.querySelectorAll(sel)).map((el) => {
        const lines: Array<{ top: number; text: string; left: number; right: number }> = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          for (let i = 0; i < n.data.length; i++) {
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + 1);
            const rect = r.getClientRects()[0];
            if (!rect || rect.width === 0) continue;
            let line = lines.find((l) => Math.abs(l.top - rect.top) < rect.height / 2);
            if (!line) {
              line = { top: rect.top, text: '', left: rect.left, right: rect.right };
              lines.push(line);
            }
            line.text += n.data[i];
            line.left = Math.min(line.left, rect.left);
            line.right = Math.max(line.right, rect.right);
          }
        }
        const cs = getComputedStyle(el);
        const b = el.getBoundingClientRect();
        const box = { left: b.left + parseFloat(cs.paddingLeft), right: b.right - parseFloat(cs.paddingRight) };
        return {
          text: el.textContent ?? '',
          lines: lines.sort((a, c) => a.top - c.top).map(({ text, left, right }) => ({ text, left, right })),
          box,
        };
      });
    }, selector);
  }

  describe('heads and the masthead break between words, the 印发 date keeps right', () => {
    let headsFile: string;
    const WORDY = /[\p{L}\p{N}]/u;
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

    beforeAll(() => {
      // Heads of every kind and of every length from 6 to 33 characters, ending in a one-character
      // word, a quoted word, a number: some of them end a line on a narrow or a wide screen.
      const stems = '江西省高校与县域基础教育协同提质行动推进会暨经验交流现场会在赣州召开会议强调要以更大力度推进协同提质绘就教育新蓝图';
      const ends = ['会', '“新蓝图”', '工作', '2024年', '的说明'];
      const head = (n: number): string => {
        const end = ends[n % ends.length]!;
        return stems.slice(0, Math.max(2, n - [...end].length)) + end;
      };
      const files: Record<string, string> = {
        'issues/001/issue.yaml': 'number: 1\ndate: 2024-05-20\n',
        'issues/001/00-编者按.md': `---\nsection: 编者按\ntitle: ${head(21)}\n---\n\n编者按正文。\n`,
        'issues/001/10-动态.md': '---\nsection: 省级动态\n---\n\n## 省教育厅召开推进会。\n\n正文。\n',
      };
      for (let n = 6; n <= 33; n++) {
        files[`issues/001/4${String(n).padStart(2, '0')}-文章.md`] =
          `---\nsection: 经验交流\ntitle: ${head(n)}\nsubtitle: ——${head(n + 3)}\n---\n\n## 一、${head(n + 1)}\n\n正文。\n\n### （一）${head(n + 2)}\n\n正文。\n\n#### 1. ${head(n + 4)}\n\n正文。\n`;
      }
      const dir = makeSeries(files);
      const r = runCli(['build', '1', '--format', 'html', '--out', 'out'], dir);
      expect(r.code, r.stderr).toBe(0);
      headsFile = path.join(dir, 'out', '工作动态第1期.html');
    });

    for (const width of [360, 1280]) {
      it(`at ${width} px: every head and masthead line breaks only at a word boundary, and never leaves one character (and its marks) alone on its last line`, async () => {
        for (const file of [files.sample.web, headsFile]) {
          const { page } = await open(file, width);
          const heads = await linesOf(page, 'header > p.seriesLine, header > h1, h2, h3:not(.lead), h4, h5, h6, p.articleSubtitle');
          expect(heads.length).toBeGreaterThan(3);
          let broken = 0;
          for (const h of heads) {
            const text = h.lines.map((l) => l.text).join('');
            const bounds = new Set([...segmenter.segment(text)].map((s) => s.index));
            let at = 0;
            for (let i = 0; i < h.lines.length - 1; i++) {
              at += h.lines[i]!.text.length;
              broken++;
              const before = text[at - 1]!;
              const after = text[at]!;
              // Next to punctuation the browser's own rules decide; between letters only a word boundary.
              if (WORDY.test(before) && WORDY.test(after)) expect(bounds.has(at), `${h.lines.map((l) => l.text).join(' / ')}`).toBe(true);
            }
            const last = h.lines[h.lines.length - 1]!.text;
            if (h.lines.length > 1)
              expect([...last].filter((c) => WORDY.test(c)).length, `${h.lines.map((l) => l.text).join(' / ')}`).toBeGreaterThanOrEqual(2);
          }
          if (file === headsFile) expect(broken).toBeGreaterThan(width === 360 ? 60 : 10);
          await page.screenshot({ path: path.join(SCREENSHOTS, `heads-${path.basename(file, '.html')}-${width}.png`), fullPage: true });
          await page.close();
        }
      });

      it(`at ${width} px: no paragraph of the body or the end block ends with one character (and its marks) alone on its last line`, async () => {
        let wrapped = 0;
        for (const key of ['sample', 'mixed'] as const) {
          const { page } = await open(files[key].web, width);
          const paragraphs = await linesOf(page, 'main p, footer .endText');
          for (const p of paragraphs) {
            if (p.lines.length < 2) continue;
            wrapped++;
            const last = p.lines[p.lines.length - 1]!.text;
            expect(
              [...last].filter((c) => WORDY.test(c)).length,
              `${key}: …${p.lines.at(-2)!.text.slice(-12)} / ${last}`,
            ).toBeGreaterThanOrEqual(2);
          }
          // The end block's lists of units break between words only (…各设区市 / 教育局。), as heads do.
          for (const p of await linesOf(page, 'footer .endText')) {
            const text = p.lines.map((l) => l.text).join('');
            const bounds = new Set([...segmenter.segment(text)].map((x) => x.index));
            let at = 0;
            for (const l of p.lines.slice(0, -1)) {
              at += l.text.length;
              if (WORDY.test(text[at - 1]!) && WORDY.test(text[at]!))
                expect(bounds.has(at), p.lines.map((x) => x.text).join(' / ')).toBe(true);
            }
            // Broken between words, a line is not stretched over the room a moved word left: its
            // characters stand as close as those of the last line (full-width text, one em each).
            const advance = (l: { text: string; left: number; right: number }): number => (l.right - l.left) / [...l.text].length;
            const last = p.lines.at(-1)!;
            for (const l of p.lines.slice(0, -1)) expect(advance(l), `${l.text} / ${last.text}`).toBeLessThan(advance(last) * 1.1);
          }
          await page.close();
        }
        expect(wrapped).toBeGreaterThan(width === 360 ? 20 : 8);
      });

      it(`at ${width} px: the 印发 date stays whole at the right edge, also on a line of its own`, async () => {
        const { page } = await open(files.sample.web, width);
        const [print] = await linesOf(page, 'footer .endPrint');
        const date = print!.lines.filter((l) => /印发$/.test(l.text));
        expect(date, JSON.stringify(print)).toHaveLength(1);
        expect(date[0]!.text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日印发$/);
        expect(Math.abs(date[0]!.right - print!.box.right), JSON.stringify(print)).toBeLessThan(2);
        await page.close();
      });
    }
  });

  for (const key of ['sample', 'mixed'] as const) {
    it(`${key}: the WeChat variant has no <style> and no class, and looks the same element for element`, async () => {
      const raw = fs.readFileSync(files[key].wechat, 'utf8');
      expect(raw).not.toMatch(/<style|\sclass=/i);
      // What is shown: the web edition's paper line breaks in heads are hidden at 360 px, and
      // the WeChat variant, read on phones, has none.
      const probe = (): Array<Record<string, string>> =>
        Array.from(document.body.querySelectorAll('*'))
          .filter((e) => getComputedStyle(e).display !== 'none')
          .map((e) => {
            const cs = getComputedStyle(e);
            return {
              tag: e.tagName,
              text: (e.textContent ?? '').slice(0, 20),
              ...Object.fromEntries(
                [
                  'font-family',
                  'font-size',
                  'font-weight',
                  'color',
                  'text-align',
                  'text-indent',
                  'line-height',
                  'margin-top',
                  'margin-bottom',
                  'border-top-width',
                  'border-bottom-width',
                  'display',
                  'line-break',
                  'padding-left',
                ].map((p) => [
                  p,
                  // rem and px round differently in the last digits: compare lengths to 0.1 px.
                  cs.getPropertyValue(p).replace(/(\d+\.\d+)px/g, (_, n: string) => `${Number(n).toFixed(1)}px`),
                ]),
              ),
            };
          });
      const web = await open(files[key].web, 360);
      const wechat = await open(files[key].wechat, 360);
      const a = await web.page.evaluate(probe);
      const w = await wechat.page.evaluate(probe);
      expect(w.length).toBe(a.length);
      expect(w).toEqual(a);
      await wechat.page.screenshot({ path: path.join(SCREENSHOTS, `${key}-wechat-360.png`), fullPage: true });
      await web.page.close();
      await wechat.page.close();
    });
  }
});
