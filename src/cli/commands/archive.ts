import path from 'node:path';
import { Command } from 'commander';
import { archiveSeries, failureDiagnostics, verifyArchive } from '../../archive/archive.js';
import { defaultJobs } from '../../archive/pool.js';
import { makeProgress } from '../progress.js';
import { UserError } from '../../diagnostics.js';
import { relPath } from '../../paths.js';
import { openSeries, requireNoBroken } from '../../pipeline.js';
import { resolveIssue } from '../../sources/find.js';
import { printDiagnostics, type Output } from '../report.js';

interface ArchiveOptions {
  out?: string;
  verify?: boolean;
  jobs?: string;
  reissue?: string[];
}

export function registerArchive(program: Command, io: Output): Command {
  return program
    .command('archive')
    .description(
      '存档：生成全部各期的 PDF、DOCX 和网页版，写清单 manifest.json 和目录 index.html；已印发的各期不再重新生成；--verify 核对存档',
    )
    .option('-o, --out <文件夹>', '存档文件夹（默认为系列下的 archive/）')
    .option('--verify', '重新生成全部各期并与清单逐一核对，不改动存档')
    .option(
      '--reissue <期号>',
      '重新印发：按现在的设置和稿件重新生成已印发的这一期，替换存档中的文件，并更新印发记录（可写多次）',
      (v: string, list: string[]) => [...list, v],
      [] as string[],
    )
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
        if (opts.reissue?.length) throw new UserError('--verify 只核对、不改动存档，不能和 --reissue 一起用');
        const { findings, failed, checked } = await verifyArchive(ctx, outDir, jobs, makeProgress(io, tty, '核对'));
        const located = findings.map(({ inArchive, ...d }) => (inArchive ? { ...d, file: `${shown}/${d.file}` } : d));
        printDiagnostics([...failureDiagnostics(failed).list, ...located], io);
        const errors = findings.filter((f) => f.severity === 'error');
        if (errors.length || failed.length) {
          throw new UserError(`存档核对未通过：${errors.length} 处不符${failed.length ? `，${failed.length} 期无法生成` : ''}`);
        }
        const warnings = findings.filter((f) => f.severity === 'warning').length;
        io.out(`存档核对通过：${checked} 个文件与清单一致${warnings ? `；${warnings} 条警告，见上` : ''}。`);
        return;
      }
      const reissue = (opts.reissue ?? []).map((arg) => resolveIssue(ctx.series, ctx.issues, arg));
      const r = await archiveSeries(ctx, outDir, jobs, makeProgress(io, tty, '存档'), reissue);
      printDiagnostics(failureDiagnostics(r.failed, r.problems).list, io);
      const frozen = r.skipped.filter((i) => i.issued).length;
      const kept = r.problems.filter((p) => p.severity === 'error').length;
      io.out(
        `已存档到 ${shown}/：生成 ${r.built.length} 期，跳过 ${r.skipped.length} 期（没有变化${frozen ? `，其中 ${frozen} 期已印发` : ''}）${kept ? `，${kept} 期保留原来的文件（有问题，见上）` : ''}${r.failed.length ? `，${r.failed.length} 期失败` : ''}。`,
      );
      io.out(`清单 ${shown}/manifest.json，目录 ${shown}/index.html`);
      // A build that failed is about the sources; a kept issue says its own reason above.
      if (r.failed.length)
        throw new UserError(`${r.failed.length + kept} 期有问题，存档中保留了原来的文件（见上）；请用 bulletin check --all 查看稿件`);
      if (kept) throw new UserError(`${kept} 期有问题，存档中保留了原来的文件；办法见上面每一条`);
    });
}
