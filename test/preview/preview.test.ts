/**
 * `bulletin preview` on a temporary series: the page is the web edition of the sources; a
 * saved change is served within a second; a broken item shows check's file:line:column message
 * with the last good version still below; nothing outside the series is ever served; the
 * command listens on loopback and ends cleanly on Ctrl-C.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs, why } from '../helpers/clients.js';
import { PreviewBuilds } from '../../src/preview/rebuild.js';
import { formatRenderers } from '../../src/preview/renderers.js';
import { readPdf } from '../helpers/pdf-text.js';
import { pdfText } from '../helpers/pdf-render.js';
import { formatDiagnostic, sortDiagnostics } from '../../src/diagnostics.js';
import { startPreview, type PreviewServer } from '../../src/preview/server.js';
import { launchBrowser } from '../helpers/browser.js';
import { BIN, assertCliBuilt, cleanupTemp, issueYaml, makeSeries, newsItem, tempDir } from '../helpers/series.js';

/** A GET with the path sent exactly as written (fetch would normalise `..` away). */
function rawGet(url: string, rawPath: string, host?: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path: rawPath, method: 'GET', headers: host ? { host } : undefined },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function page(url: string): Promise<string> {
  const r = await fetch(url);
  return r.text();
}

/** Polls until the served page contains `text`; returns the milliseconds it took. */
async function servedWithin(url: string, text: string, limitMs: number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if ((await page(url)).includes(text)) return performance.now() - t0;
    if (performance.now() - t0 > limitMs) throw new Error(`"${text}" not served within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const browser = needs('chromium');

describe('preview server', () => {
  let dir: string;
  let item: string;
  let preview: PreviewServer;

  beforeAll(async () => {
    dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-06'),
      'issues/001/10-省级.md': newsItem('省级动态', '省教育厅召开推进会。', '会议部署了初始文字甲的各项任务。'),
    });
    item = path.join(dir, 'issues', '001', '10-省级.md');
    preview = await startPreview({ root: dir, issueDir: path.join(dir, 'issues', '001') });
  });
  afterAll(async () => {
    await preview?.close();
    cleanupTemp();
  });

  it('serves the web edition on loopback, with a link to the PDF of the same sources', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await page(preview.url);
    expect(html).toContain('初始文字甲');
    expect(html).toContain('<h1');
    const pdfHref = /href="(\/[^"]+\.pdf)"/.exec(html)?.[1];
    expect(pdfHref).toBeDefined();
    const pdf = await fetch(new URL(pdfHref!, preview.url));
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it('serves a saved change within a second', async () => {
    fs.writeFileSync(item, newsItem('省级动态', '省教育厅召开推进会。', '会议部署了修改后文字乙的各项任务。'));
    const ms = await servedWithin(preview.url, '修改后文字乙', 1000);
    expect(ms).toBeLessThan(1000);
  });

  it('shows a broken item’s message as check prints it, the last good version below', async () => {
    fs.writeFileSync(item, '---\nsection: 不存在的栏目\n---\n\n## 标题。\n\n正文。\n');
    await servedWithin(preview.url, '不存在的栏目', 1000);
    const html = await page(preview.url);
    expect(html).toMatch(/issues\/001\/10-省级\.md:2:\d+ {2}错误：/);
    expect(html).toContain('上一次成功生成的版本');
    expect(html).toContain('修改后文字乙');
    // Fixed again: the message goes away.
    fs.writeFileSync(item, newsItem('省级动态', '省教育厅召开推进会。', '会议部署了修好后文字丙的各项任务。'));
    await servedWithin(preview.url, '修好后文字丙', 1000);
    expect(await page(preview.url)).not.toContain('错误：');
  });

  it('rebuilds when bulletin.yaml is saved', async () => {
    const yaml = fs.readFileSync(path.join(dir, 'bulletin.yaml'), 'utf8');
    fs.writeFileSync(
      path.join(dir, 'bulletin.yaml'),
      yaml.replace('publisher: 省协同提质行动工作领导小组办公室', 'publisher: 新的编印单位办公室'),
    );
    await servedWithin(preview.url, '新的编印单位办公室', 1000);
  });

  it('a deleted bulletin.yaml is reported, never looked for in a parent folder', async () => {
    const file = path.join(dir, 'bulletin.yaml');
    const yaml = fs.readFileSync(file, 'utf8');
    fs.rmSync(file);
    await servedWithin(preview.url, 'bulletin.yaml 不见了', 1000);
    fs.writeFileSync(file, yaml);
    await servedWithin(preview.url, '已是最新', 1000);
  });

  it('serves files of the series, and refuses every path that leads outside it', async () => {
    const outside = tempDir('bulletin-outside-');
    fs.writeFileSync(path.join(outside, 'secret.txt'), '机密内容');
    fs.symlinkSync(outside, path.join(dir, 'link-out'));
    fs.writeFileSync(path.join(dir, '..', `${path.basename(dir)}-sibling.txt`), '机密内容');
    expect((await rawGet(preview.url, '/issues/001/issue.yaml')).status).toBe(200);
    const attempts = [
      '/../etc/passwd',
      `/../${path.basename(dir)}-sibling.txt`,
      '/issues/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%252e%252e/etc/passwd',
      '/..%5c..%5cetc%5cpasswd',
      '//etc/passwd',
      '/C:/Windows/win.ini',
      '/link-out/secret.txt',
      '/.git/config',
      '/%00',
    ];
    for (const p of attempts) {
      const r = await rawGet(preview.url, p);
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      expect(r.body, p).not.toContain('机密内容');
      expect(r.body, p).not.toContain('root:');
    }
    fs.rmSync(path.join(dir, '..', `${path.basename(dir)}-sibling.txt`));
  });

  browser.it(`the open page reloads itself after a save, in chromium${why(browser)}`, async () => {
    const b = await launchBrowser();
    try {
      const tab = await b.context.newPage();
      await tab.goto(preview.url);
      await tab.waitForFunction(() => document.body.innerText.includes('会议部署了'));
      fs.writeFileSync(item, newsItem('省级动态', '省教育厅召开推进会。', '会议部署了浏览器自动刷新丁的各项任务。'));
      // No reload from here: the page's own event stream must bring the new text.
      await tab.waitForFunction(() => document.body.innerText.includes('浏览器自动刷新丁'), undefined, { timeout: 5000 });
      expect(await tab.locator('#bulletin-preview-bar a').getAttribute('href')).toMatch(/\.pdf$/);
    } finally {
      await b.close();
    }
  });

  it('the PDF link serves the PDF of the sources as they are after an edit', async () => {
    const pdfOf = async (): Promise<string> => {
      const href = /href="(\/[^"]+\.pdf)"/.exec(await page(preview.url))?.[1];
      expect(href).toBeDefined();
      const r = await fetch(new URL(href!, preview.url));
      expect(r.status).toBe(200);
      return pdfText(await readPdf(new Uint8Array(await r.arrayBuffer())));
    };
    fs.writeFileSync(item, newsItem('省级动态', '省教育厅召开推进会。', '会议部署了第一版戊的各项任务。'));
    await servedWithin(preview.url, '第一版戊', 1000);
    expect(await pdfOf()).toContain('第一版戊');
    fs.writeFileSync(item, newsItem('省级动态', '省教育厅召开推进会。', '会议部署了第二版己的各项任务。'));
    await servedWithin(preview.url, '第二版己', 1000);
    const text = await pdfOf();
    expect(text).toContain('第二版己');
    expect(text).not.toContain('第一版戊');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect((await rawGet(preview.url, '/', 'evil.example:80')).status).toBe(403);
  });
});

describe('preview rebuilds parse only the files that changed', () => {
  afterAll(cleanupTemp);

  it('gives the same page, warnings of untouched files included, as a fresh build of the same sources', async () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-06'),
      // A half-width comma in Chinese text: check warns about this file, which is never edited.
      'issues/001/10-省级.md': newsItem('省级动态', '省教育厅召开推进会。', '会议部署了各项任务,要求抓好落实。'),
      'issues/001/20-高校.md': newsItem('高校动态', '南昌大学开展调研。', '调研组走访了初始学校。'),
    });
    const issueDir = path.join(dir, 'issues', '001');
    const edited = path.join(issueDir, '20-高校.md');
    const kept = new PreviewBuilds(dir, issueDir, formatRenderers());
    await kept.rebuild();
    const steps = [
      newsItem('高校动态', '南昌大学开展调研。', '调研组走访了修改后学校。'),
      '---\nsection: 不存在的栏目\n---\n\n## 标题。\n\n正文。\n',
      newsItem('高校动态', '南昌大学开展调研。', '调研组走访了修好后学校（未闭合。'),
    ];
    for (const text of steps) {
      fs.writeFileSync(edited, text);
      await kept.rebuild();
      const fresh = new PreviewBuilds(dir, issueDir, formatRenderers());
      await fresh.rebuild();
      // The messages are those of a fresh build; so is the page whenever the sources build.
      const messages = (b: PreviewBuilds): string[] => sortDiagnostics(b.page().problems).map(formatDiagnostic);
      expect(messages(kept)).toEqual(messages(fresh));
      if (fresh.page().html) expect(kept.page().html).toEqual(fresh.page().html);
      expect(kept.page().problems.some((d) => d.file === 'issues/001/10-省级.md' && d.rule === 'punct-halfwidth')).toBe(true);
    }
    // A removed file is forgotten: its warning goes with it.
    fs.rmSync(path.join(issueDir, '10-省级.md'));
    await kept.rebuild();
    expect(kept.page().problems.some((d) => d.file === 'issues/001/10-省级.md')).toBe(false);
  });
});

describe('bulletin preview (the command)', () => {
  it('prints its address, serves the page, and ends cleanly on Ctrl-C', async () => {
    assertCliBuilt();
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-06'),
      'issues/001/10-省级.md': newsItem('省级动态', '省教育厅召开推进会。', '命令行预览的正文。'),
    });
    const child = spawn(process.execPath, [BIN, 'preview', '--no-open'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const url = await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no address printed:\n${out}`)), 30_000);
      child.stdout.on('data', () => {
        const m = /预览地址：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) {
          clearTimeout(t);
          resolve(m[1]!);
        }
      });
    });
    expect(await page(url)).toContain('命令行预览的正文');
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGINT');
    });
    expect(code, out).toBe(0);
    expect(out).toContain('预览已结束');
    cleanupTemp();
  });
});
