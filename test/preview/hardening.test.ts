/**
 * The preview as a clerk runs it (`bulletin preview --no-open`, the built CLI), against what
 * ended or stalled it before (issue 19, item 8): an item nested past the stack saved while it
 * runs; the PDF link of an issue whose PNG is malformed; a --port that is taken; a slow
 * rebuild; a file too large to read whole; pages and pictures of the series that carry script.
 * Each time the server keeps answering, and says in Chinese what happened.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { needs, why } from '../helpers/clients.js';
import { launchBrowser } from '../helpers/browser.js';
import { startPreview } from '../../src/preview/server.js';
import { BIN, assertCliBuilt, cleanupTemp, issueYaml, makeSeries, newsItem } from '../helpers/series.js';

interface RunningPreview {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

async function runPreview(dir: string, args: string[] = []): Promise<RunningPreview> {
  assertCliBuilt();
  const child = spawn(process.execPath, [BIN, 'preview', '--no-open', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no address printed:\n${out}`)), 60_000);
    const look = (): void => {
      const m = /预览地址：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.on('exit', (code) => reject(new Error(`preview ended (${code}) before printing its address:\n${out}`)));
  });
  return {
    url,
    child,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.on('exit', (c) => resolve(c));
        child.kill('SIGINT');
      }),
  };
}

async function get(url: string): Promise<{ status: number; text: string; ms: number; headers: Headers }> {
  const t0 = performance.now();
  const r = await fetch(url);
  const text = await r.text();
  return { status: r.status, text, ms: performance.now() - t0, headers: r.headers };
}

async function until(what: string, ms: number, test: () => Promise<boolean>): Promise<void> {
  const t0 = Date.now();
  while (!(await test())) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const issue1 = (extra: Record<string, string | Uint8Array> = {}): string =>
  makeSeries({
    'issues/001/issue.yaml': issueYaml(1, '2024-05-06'),
    'issues/001/10-省级.md': newsItem('省级动态', '省教育厅召开推进会。', '会议部署了初始文字甲的各项任务。'),
    ...extra,
  });

/** A PNG whose chunks and checksums are sound but whose interlaced pixel data is garbage. */
function malformedInterlacedPng(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(40, 0);
  ihdr.writeUInt32BE(30, 4);
  ihdr.set([8, 2, 0, 0, 1], 8); // 8-bit RGB, Adam7 interlace
  const pixels = Buffer.alloc(50, 5); // filter type 5 does not exist, and far too few bytes
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('the preview keeps running, and says why, whatever a build does', { timeout: 120_000 }, () => {
  afterAll(cleanupTemp);

  it('an item nested past the stack, saved while the preview runs: a message on the page, the last good page kept, the fix shown', async () => {
    const dir = issue1();
    const item = path.join(dir, 'issues', '001', '10-省级.md');
    const p = await runPreview(dir);
    try {
      fs.writeFileSync(item, `---\nsection: 省级动态\n---\n\n## 深层引用。\n\n${'>'.repeat(10_000)} 文字\n`);
      await until('the page shows a problem', 30_000, async () => (await get(p.url)).text.includes('id="bulletin-preview-problems"'));
      expect(p.child.exitCode, p.output()).toBeNull();
      const page = (await get(p.url)).text;
      expect(page).toContain('初始文字甲');
      expect(page).not.toMatch(/\bat [\w.]+ \(/); // no stack trace
      fs.writeFileSync(item, newsItem('省级动态', '省教育厅召开推进会。', '会议部署了改好以后文字乙的各项任务。'));
      await until('the fixed item is served', 30_000, async () => (await get(p.url)).text.includes('改好以后文字乙'));
    } finally {
      expect(await p.stop(), p.output()).toBe(0);
    }
  });

  it('the PDF link of an issue with a malformed interlaced PNG: a Chinese message, and the preview still serves', async () => {
    const dir = issue1({
      'issues/001/坏图.png': malformedInterlacedPng(),
      'issues/001/10-省级.md': `${newsItem('省级动态', '省教育厅召开推进会。', '会议部署了初始文字甲的各项任务。')}\n![现场](坏图.png)\n`,
    });
    const p = await runPreview(dir);
    try {
      const page = (await get(p.url)).text;
      const href = /href="(\/[^"]+\.pdf)"/.exec(page)?.[1];
      if (href) {
        const pdf = await get(new URL(href, p.url).href);
        expect(pdf.status).toBe(500);
        expect(pdf.text).toMatch(/生成 PDF ?时出错/);
        expect(pdf.text).toContain('网页版预览不受影响');
      } else {
        // Once check refuses such a picture itself, the page says so at the file.
        expect(page).toContain('坏图.png');
      }
      expect(p.child.exitCode, p.output()).toBeNull();
      expect((await get(p.url)).status).toBe(200);
    } finally {
      expect(await p.stop(), p.output()).toBe(0);
    }
  });

  it('a --port that is taken ends the command with exit 1 and a Chinese message', async () => {
    assertCliBuilt();
    const dir = issue1();
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const child = spawn(process.execPath, [BIN, 'preview', '--no-open', '--port', String(port)], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          resolve(-1);
        }, 20_000);
        child.on('exit', (c) => {
          clearTimeout(t);
          resolve(c);
        });
      });
      expect(code, `${out}\n(-1: still running after 20 s)`).toBe(1);
      expect(out).toContain(`端口 ${port} 已被占用`);
      expect(out).not.toMatch(/EADDRINUSE|Error:/);
    } finally {
      blocker.close();
    }
  });

  it('answers at once with the last good page while a long item is rebuilt', async () => {
    const dir = issue1();
    const item = path.join(dir, 'issues', '001', '10-省级.md');
    const p = await runPreview(dir);
    try {
      // About 3.5 MB of text: seconds of work for the build, none for the server.
      const para = '会议部署了下一阶段的各项任务，要求各地各校抓好落实，确保协同提质行动取得实效。'.repeat(4);
      fs.writeFileSync(
        item,
        `---\nsection: 省级动态\n---\n\n## 长稿。\n\n长稿开头标记，${Array.from({ length: 7400 }, () => para).join('\n\n')}\n`,
      );
      const times: number[] = [];
      let oldPages = 0;
      await until('the long item is served', 90_000, async () => {
        const r = await get(p.url);
        times.push(r.ms);
        if (r.text.includes('长稿开头标记')) return true;
        if (r.text.includes('初始文字甲')) oldPages++;
        return false;
      });
      // The server answered, with the page it had, many times while the build ran.
      expect(oldPages, `answers before the new page: ${times.map((t) => t.toFixed(0)).join(' ')}`).toBeGreaterThanOrEqual(5);
      const before = times.slice(0, -1);
      expect(Math.max(...before), before.map((t) => t.toFixed(0)).join(' ')).toBeLessThan(500);
    } finally {
      expect(await p.stop(), p.output()).toBe(0);
    }
  });

  /** Six items of about 3.4 MB each: some twenty seconds of work for a build, on purpose. */
  const writeLongItems = (issueDir: string): string[] => {
    const para = '会议部署了下一阶段的各项任务，要求各地各校抓好落实，确保协同提质行动取得实效。'.repeat(4);
    const body = Array.from({ length: 7200 }, () => para).join('\n\n');
    return Array.from({ length: 6 }, (_, i) => {
      const f = path.join(issueDir, `5${i}-长稿.md`);
      fs.writeFileSync(f, `---\nsection: 省级动态\n---\n\n## 长稿${i}。\n\n${body}\n`);
      return f;
    });
  };

  it('a build past the time limit is stopped and said, naming the files just saved; the next save builds again', async () => {
    const dir = issue1();
    const issueDir = path.join(dir, 'issues', '001');
    // One second: the six long items take several on any machine (3.4 s on an idle one here),
    // the small issue a fraction of one once the worker has loaded.
    const preview = await startPreview({ root: dir, issueDir, rebuildLimitMs: 1000 });
    try {
      await until('the first build is served', 60_000, async () => (await get(preview.url)).text.includes('初始文字甲'));
      const long = writeLongItems(issueDir);
      await until('the time limit is reported', 60_000, async () => (await get(preview.url)).text.includes('秒还没有完成'));
      const page = (await get(preview.url)).text;
      expect(page).toContain('生成网页版用了 1 秒还没有完成，已停止');
      expect(page).toContain('issues/001/50-长稿.md');
      expect(page).toContain('初始文字甲');
      for (const f of long) fs.rmSync(f);
      await until('the page is built again', 30_000, async () => (await get(preview.url)).text.includes('已是最新'));
    } finally {
      await preview.close();
    }
  });

  it('a save during a slow build stops it and builds the newer sources at once', async () => {
    const dir = issue1();
    const issueDir = path.join(dir, 'issues', '001');
    const preview = await startPreview({ root: dir, issueDir });
    try {
      const long = writeLongItems(issueDir);
      await new Promise((r) => setTimeout(r, 3000));
      for (const f of long) fs.rmSync(f);
      fs.writeFileSync(
        path.join(issueDir, '10-省级.md'),
        newsItem('省级动态', '省教育厅召开推进会。', '会议部署了撤回长稿后文字丙的各项任务。'),
      );
      const t0 = Date.now();
      await until('the newer sources are served', 60_000, async () => (await get(preview.url)).text.includes('撤回长稿后文字丙'));
      // The six long items alone take some twenty seconds to build.
      expect(Date.now() - t0).toBeLessThan(10_000);
    } finally {
      await preview.close();
    }
  });

  it('streams files of the series and refuses one too large to serve, in Chinese', async () => {
    const dir = issue1();
    const big = path.join(dir, 'issues', '001', '大文件.bin');
    fs.writeFileSync(big, Buffer.alloc(70 * 2 ** 20, 1));
    const mid = Buffer.alloc(5 * 2 ** 20, 7);
    fs.writeFileSync(path.join(dir, 'issues', '001', '照片.png'), mid);
    const p = await runPreview(dir);
    try {
      const refused = await get(new URL('/issues/001/%E5%A4%A7%E6%96%87%E4%BB%B6.bin', p.url).href);
      expect(refused.status).toBe(413);
      expect(refused.text).toContain('预览只提供 64 MB 以内的文件');
      const r = await fetch(new URL('/issues/001/%E7%85%A7%E7%89%87.png', p.url));
      expect(r.status).toBe(200);
      expect(r.headers.get('content-length')).toBe(String(mid.length));
      expect(Buffer.from(await r.arrayBuffer()).equals(mid)).toBe(true);
    } finally {
      expect(await p.stop(), p.output()).toBe(0);
    }
  });

  const browser = needs('chromium');
  browser.it(`a page or picture of the series never runs its script in the preview's origin, in chromium${why(browser)}`, async () => {
    const script = "console.log('SERIES-SCRIPT-RAN')";
    const dir = issue1({
      'issues/001/页面.html': `<!DOCTYPE html><html><body><script>${script}</script>页面</body></html>`,
      'issues/001/图.svg': `<svg xmlns="http://www.w3.org/2000/svg"><script>${script}</script><rect width="10" height="10"/></svg>`,
    });
    const p = await runPreview(dir);
    const b = await launchBrowser();
    try {
      for (const name of ['页面.html', '图.svg']) {
        const url = new URL(`/issues/001/${encodeURIComponent(name)}`, p.url).href;
        const r = await fetch(url);
        expect(r.headers.get('x-content-type-options'), name).toBe('nosniff');
        expect(r.headers.get('content-security-policy'), name).toMatch(/\bsandbox\b/);
        expect(r.headers.get('content-disposition'), name).toMatch(/^attachment/);
        const tab = await b.context.newPage();
        const logs: string[] = [];
        tab.on('console', (m) => logs.push(m.text()));
        await tab.goto(url).catch(() => undefined); // a download ends the navigation
        await tab.waitForTimeout(500);
        expect(logs, name).not.toContain('SERIES-SCRIPT-RAN');
        await tab.close();
      }
    } finally {
      await b.close();
      expect(await p.stop(), p.output()).toBe(0);
    }
  });
});
