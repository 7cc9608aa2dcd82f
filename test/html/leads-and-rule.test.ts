/**
 * The web edition in chromium: the run-in lead 一是……。 is bold in the body's 仿宋 stack, the
 * 一、 head before it regular in 黑体, and the masthead's red rule as thick as on paper
 * (MASTHEAD.ruleWidthPt in CSS pixels of 0.75 pt). Without chromium the test skips on a
 * developer's machine and fails under CI (test/helpers/clients.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { needs, why } from '../helpers/clients.js';
import { MASTHEAD } from '../../src/layout/spec.js';
import { renderHtmlString } from '../helpers/render-format.js';
import { launchBrowser, type LaunchedBrowser } from '../helpers/browser.js';
import { SERIES, issueOf } from '../helpers/docx-build.js';
import { cleanupTemp, tempDir } from '../helpers/series.js';

const browser = needs('chromium');

browser.describe(`leads and the red rule in chromium${why(browser)}`, () => {
  let b: LaunchedBrowser;
  const files: Record<'web' | 'wechat', string> = { web: '', wechat: '' };

  beforeAll(async () => {
    const dir = tempDir('bulletin-html-leads-');
    const issue = issueOf(SERIES.sample);
    for (const v of ['web', 'wechat'] as const) {
      files[v] = path.join(dir, `${v}.html`);
      fs.writeFileSync(files[v], renderHtmlString(issue, v));
    }
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    cleanupTemp();
  });

  for (const v of ['web', 'wechat'] as const) {
    it(`${v}: 一是 leads bold in 仿宋, the 一、 head regular in 黑体, the red rule ${MASTHEAD.ruleWidthPt} pt`, async () => {
      const page = await b.context.newPage();
      await page.goto(pathToFileURL(files[v]).href, { waitUntil: 'load' });
      const found = await page.evaluate(() => {
        const look = (start: string) => {
          const el = Array.from(document.querySelectorAll('p span, p'))
            .reverse()
            .find((e) => e.textContent?.startsWith(start) && e.children.length === 0);
          if (!el) return undefined;
          const cs = getComputedStyle(el);
          return { weight: Number(cs.fontWeight), family: cs.fontFamily };
        };
        const body = getComputedStyle(document.querySelector('p')!).fontFamily;
        const hr = document.querySelector('hr');
        return {
          lead: look('一是部门担纲'),
          head: look('一、围绕重点任务'),
          body,
          rule: hr ? { width: parseFloat(getComputedStyle(hr).borderTopWidth), color: getComputedStyle(hr).borderTopColor } : undefined,
        };
      });
      expect(found.lead?.weight).toBeGreaterThanOrEqual(700);
      expect(found.lead?.family).toMatch(/仿宋/);
      expect(found.head?.weight).toBeLessThan(700);
      expect(found.head?.family).toMatch(/黑体/);
      expect(found.rule?.width).toBeCloseTo(MASTHEAD.ruleWidthPt / 0.75, 5);
      expect(found.rule?.color).toBe('rgb(255, 0, 0)');
      await page.close();
    });
  }
});
