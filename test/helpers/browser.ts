/**
 * A real browser for the web edition: Debian's chromium driven by playwright-core (which
 * downloads no browser of its own), headless, no sandbox, no background traffic, a fresh
 * profile per launch. Without chromium the browser tests skip on a developer's machine but
 * FAIL under CI=true, so a missing package can never pass for a green run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { FONTCONFIG_FILE } from './libreoffice.js';

export function chromiumPath(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  const p = r.stdout.trim().split('\n')[0];
  return r.status === 0 && p ? p : undefined;
}

export const CHROMIUM = chromiumPath();
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * What to do about a missing chromium: undefined when it is there. Under CI the returned
 * function registers a failing test, so the suite goes red instead of silently skipping.
 */
export function browserMissing(): string | undefined {
  if (CHROMIUM) return undefined;
  const why = '未安装 chromium：浏览器测试无法运行（scripts/install-test-deps.sh 会安装 Debian 的 chromium）';
  if (IN_CI) test('chromium is installed (required under CI)', () => { throw new Error(why); });
  return why;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<LaunchedBrowser> {
  if (!CHROMIUM) throw new Error('chromium not found');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-chromium-'));
  // A persistent context is how playwright takes --user-data-dir; the folder is new each time.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // The official font names map to the shipped faces (as for LibreOffice), so screenshots
    // show the bulletin's faces on a machine without the proprietary fonts.
    env: { ...process.env, FONTCONFIG_FILE } as Record<string, string>,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Git-ignored folder where screenshots land for a person to look at. */
export const SCREENSHOTS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'test-output', 'screenshots');
