import path from 'node:path';
import { Command } from 'commander';
import { archiveSeries, failureDiagnostics, verifyArchive } from '../../archive/archive.js';
import { defaultJobs } from '../../archive/pool.js';
import { makeProgress } from '../../archive/progress.js';
import { UserError } from '../../diagnostics.js';
import { relPath } from '../../paths.js';
import { openSeries, requireNoBroken } from '../../pipeline.js';
import { printDiagnostics, type Output } from '../report.js';

interface ArchiveOptions {
  out?: string;
  verify?: boolean;
  jobs?: string;
}

export function registerArchive(program: Command, io: Output): Command {
  return program
    .command('archive')
    .description('存档：生成全部各期的 PDF、DOCX 和网页版，写清单 manifest.json 和目录 index.html；--verify 核对存档')
    .option('-o, --out <文件夹>', '存档文件夹（默认为系列下的 archive/）')
    .option('--verify', '重新生成全部各期并与清单逐一核对，不改动存档')
    .option('-j, --jobs <数量>', '同时生成的期数（默认为 CPU 核数；整个存档不超过 250 MB 内存时才另开线程）')
    .action(async (opts: ArchiveOptions) => {
      const ctx = openSeries(process.cwd());
      requireNoBroken(ctx, '存档要包括每一期，所以没有存档');
      const outDir = opts.out !== undefined ? path.resolve(opts.out) : path.join(ctx.series.root, 'archive');
      const jobs = opts.jobs !== undefined ? Number(opts.jobs) : defaultJobs();
      if (!Number.isInteger(jobs) || jobs < 1) throw new UserError(`--jobs 应当是正整数，而不是“${opts.jobs}”`);
      const tty = Boolean(process.stderr.isTTY) && !process.env.CI;
      const shown = relPath(process.cwd(), outDir);
      if (opts.verify) {
        const { drift, failed, checked } = await verifyArchive(ctx, outDir, jobs, makeProgress(io, tty, '核对'));
        printDiagnostics(failureDiagnostics(failed).list, io);
        for (const d of drift) io.err(`${shown}/${d.path}  ${d.message}`);
        if (drift.length || failed.length) {
          throw new UserError(`存档核对未通过：${drift.length} 个文件不符${failed.length ? `，${failed.length} 期无法生成` : ''}`);
        }
        io.out(`存档核对通过：${checked} 个文件与清单一致。`);
        return;
      }
      const r = await archiveSeries(ctx, outDir, jobs, makeProgress(io, tty, '存档'));
      printDiagnostics(failureDiagnostics(r.failed).list, io);
      io.out(`已存档到 ${shown}/：生成 ${r.built.length} 期，跳过 ${r.skipped.length} 期（没有变化）${r.failed.length ? `，${r.failed.length} 期失败` : ''}。`);
      io.out(`清单 ${shown}/manifest.json，目录 ${shown}/index.html`);
      if (r.failed.length) throw new UserError(`${r.failed.length} 期有错误，没有存档；请用 bulletin check --all 查看`);
    });
}
