import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { MANIFEST_FILE } from '../../archive/manifest.js';
import { stepProgress } from '../progress.js';
import { UserError } from '../../diagnostics.js';
import { missingDirs } from '../../output/ensure-dir.js';
import { writeOutputSet } from '../../output/write-set.js';
import { relPath } from '../../paths.js';
import { openSeries } from '../../pipeline.js';
import { resolveSpan } from '../../volume/span.js';
import { printDiagnostics, printKept, type Output } from '../report.js';

interface VolumeOptions {
  from?: string;
  to?: string;
  out?: string;
  archive?: string;
  allowGaps?: boolean;
}

/**
 * A folder named with --archive must be an archive: taken as an empty one, a mistyped name
 * would quietly rebuild every issued issue instead of binding the pages as issued.
 */
function typedArchive(typed: string, dir: string): void {
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) {
    throw new UserError(
      `--archive ${typed}：${stat ? '这不是文件夹' : '这个文件夹不存在'}。请写 bulletin archive 写出存档的文件夹（默认为系列下的 archive/）`,
    );
  }
  if (!fs.existsSync(path.join(dir, MANIFEST_FILE))) {
    throw new UserError(
      `--archive ${typed}：这个文件夹里没有存档清单 ${MANIFEST_FILE}，不是 bulletin archive 写出的存档。请写存档所在的文件夹（其中有 ${MANIFEST_FILE}）`,
    );
  }
}

export function registerVolume(program: Command, io: Output): Command {
  return program
    .command('volume')
    .description(
      '合订本：把一年（或一段时间）的各期按顺序合成一个 PDF，前面加封面和目录（目录另存一份 Word 文件）；已印发的各期用存档中的原文件',
    )
    .argument('[年份]', '装订哪一年的各期（按每期的日期），如 2024；不写则为最新一期的年份')
    .option('--from <期号或日期>', '从哪一期开始（含）：期号如 3、年份-期号如 2024-3、该期文件夹，或日期如 2024-04-01')
    .option('--to <期号或日期>', '到哪一期为止（含），写法同 --from')
    .option('-o, --out <文件夹>', '输出文件夹（默认为系列下的 dist/）')
    .option('--archive <文件夹>', '存档文件夹（默认为系列下的 archive/；存档时用了 --out 的，写同一个文件夹）')
    .option('--allow-gaps', '期号不连续时照样生成（确实没有编发的期号）；不写时，中间缺了哪一期会停下并说明')
    .addHelpText(
      'after',
      `
例：
  bulletin volume 2024                      2024年的全部各期
  bulletin volume --from 3 --to 8           第3期至第8期
  bulletin volume 2024 --from 3             2024年第3期及以后（每年重新编号的系列也这样写）
  bulletin volume --from 2024-01-01 --to 2024-06-30   上半年的各期

生成 dist/工作动态2024年合订本.pdf（封面、目录和各期的全部页面，带书签；
阅读器里显示的页码与目录一致）和 dist/工作动态2024年合订本目录.docx（可在 Word/WPS 中修改的目录）。
已印发的各期用存档（bulletin archive）中印发时的 PDF，页面内容不变；还没有印发的按现在的稿件生成，屏幕上会说明。`,
    )
    .action(async (year: string | undefined, opts: VolumeOptions) => {
      const ctx = openSeries(process.cwd());
      const span = resolveSpan(ctx, { year, from: opts.from, to: opts.to, allowGaps: opts.allowGaps });
      if (span.assumed) io.err(`提示：${span.assumed}`);
      const outDir = opts.out !== undefined ? path.resolve(opts.out) : path.join(ctx.series.root, 'dist');
      missingDirs(outDir);
      const archiveDir = opts.archive !== undefined ? path.resolve(opts.archive) : path.join(ctx.series.root, 'archive');
      if (opts.archive !== undefined) typedArchive(opts.archive, archiveDir);
      // pdf-lib is loaded only for this command: every other one starts without it.
      const { planVolume } = await import('../../volume/plan.js');
      const { makeVolume } = await import('../../volume/make-volume.js');
      const plan = await planVolume(ctx, span.issues, archiveDir);
      const errors = plan.problems.filter((p) => p.severity === 'error');
      if (errors.length) {
        throw new UserError(`有 ${errors.length} 处存档或印发记录有问题，没有生成合订本（见上）`, plan.problems);
      }
      printDiagnostics(plan.problems, io);
      for (const note of plan.notes) io.err(`提示：${note}`);
      const tty = Boolean(process.stderr.isTTY) && !process.env.CI;
      const progress = stepProgress(io, tty, '合订本');
      const made = await makeVolume(ctx, span, plan.plans, {
        start: (total) =>
          progress.start(total, `合订本：${total} 期，${plan.plans.filter((p) => p.origin === 'archive').length} 期取自存档。`),
        step: (label) => progress.step(label),
        stop: () => progress.stop(),
      });
      printDiagnostics(made.warnings, io);
      const files = [
        { name: `${made.fileStem}.pdf`, bytes: made.pdf },
        { name: `${made.fileStem}目录.docx`, bytes: made.docx },
      ];
      const { kept } = writeOutputSet(outDir, files);
      printKept(outDir, kept, io);
      const p = made.pages;
      const size = (b: Uint8Array): string =>
        b.length >= 1 << 20 ? `${(b.length / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(b.length / 1024))} KB`;
      io.out(
        `已生成 ${relPath(process.cwd(), path.join(outDir, files[0]!.name))}（${span.issues.length} 期；封面 ${p.cover} 页、目录 ${p.contents} 页、正文 ${p.issues} 页，共 ${p.cover + p.contents + p.issues} 页；${size(made.pdf)}）`,
      );
      io.out(`已生成 ${relPath(process.cwd(), path.join(outDir, files[1]!.name))}（目录，可在 Word/WPS 中修改）`);
    });
}
