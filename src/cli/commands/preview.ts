import { Command } from 'commander';
import { UserError } from '../../diagnostics.js';
import { openSeries } from '../../pipeline.js';
import { openBrowser } from '../../preview/open-browser.js';
import { startPreview } from '../../preview/server.js';
import { resolveIssue } from '../../sources/find.js';
import type { Output } from '../report.js';

interface PreviewOptions {
  open: boolean;
  port?: string;
}

export function registerPreview(program: Command, io: Output): Command {
  return program
    .command('preview')
    .description('预览：在浏览器中显示网页版，保存稿件后自动刷新；按 Ctrl-C 结束')
    .argument('[期]', '期号（如 9）或该期文件夹；不写则为最新一期')
    .option('--no-open', '不自动打开浏览器')
    .option('-p, --port <端口>', '使用指定端口（默认自动选一个空闲端口）')
    .action(async (issueArg: string | undefined, opts: PreviewOptions) => {
      const port = opts.port === undefined ? 0 : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port 应当是 0–65535 的整数，而不是“${opts.port}”`);
      const ctx = openSeries(process.cwd());
      const cfg = resolveIssue(ctx.series, ctx.issues, issueArg);
      const preview = await startPreview({
        root: ctx.series.root,
        issueDir: cfg.dir,
        port,
        onRebuilt: (p) => {
          const errors = p.problems.filter((d) => d.severity === 'error').length;
          if (errors) io.out(`${time()} 稿件有 ${errors} 个错误，页面上列出了位置`);
          else if (p.failure) io.out(`${time()} 没有更新：${p.failure}`);
          // The first build is announced by the address that follows it.
          else if (p.generation > 1) io.out(`${time()} 已更新`);
        },
      }).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EADDRINUSE')
          throw new UserError(`端口 ${port} 已被占用（可能另一个预览还开着），请换一个端口，或不写 --port 让程序自动选择`);
        if (e.code === 'EACCES') throw new UserError(`没有权限使用端口 ${port}，请换一个 1024 以上的端口，或不写 --port 让程序自动选择`);
        throw e;
      });
      io.out(`预览地址：${preview.url}`);
      io.out('保存稿件、issue.yaml 或 bulletin.yaml 后页面会自动刷新。按 Ctrl-C 结束预览。');
      if (opts.open) openBrowser(preview.url);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void preview.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      io.out('预览已结束。');
    });
}

function time(): string {
  return new Date().toTimeString().slice(0, 8);
}
