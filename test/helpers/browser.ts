/**
 * A real browser for the web edition: Debian's chromium driven by playwright-core (which
 * downloads no browser of its own), headless, no sandbox, no background traffic, a fresh
 * profile per launch. Whether chromium is there is test/helpers/clients.ts's business (the one
 * skip policy).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { clientPath } from './clients.js';
import { FONTCONFIG_FILE } from './libreoffice.js';

/** Found once (test/helpers/clients.ts); the tests that need it declare `needs('chromium')`. */
export const CHROMIUM = clientPath('chromium');

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
