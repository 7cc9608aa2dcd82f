import path from 'node:path';
import { Command } from 'commander';
import type { CalendarDate } from '../../dates.js';
import { UserError } from '../../diagnostics.js';
import { writeOutputSet } from '../../output/write-set.js';
import { relPath } from '../../paths.js';
import { openSeries } from '../../pipeline.js';
import { byDateThenNumber } from '../../sources/find.js';
import { collect } from '../../stats/collect.js';
import { countStats } from '../../stats/count.js';
import { describe } from '../../stats/describe.js';
import { STATS_FORMATS, statsFormatByExt, statsFormatById, type StatsFormat } from '../../stats/formats/index.js';
import { resolvePeriod, type PeriodOptions } from '../../stats/period.js';
import { printKept, type Output } from '../report.js';

interface StatsOptions extends PeriodOptions {
  format?: string;
  out?: string;
}

export function registerStats(program: Command, io: Output): Command {
  return program
    .command('stats')
    .description('信息报送统计：各单位在一个季度（或年度、日期段）内被刊用的动态、文章、编者按条数，收稿与采用率，以及没有报送的单位')
    .option('-y, --year <年份>', '统计年份，如 2024；不写则为最新一期的年份')
    .option('-q, --quarter <季度>', '季度 1～4；只写 --year 则统计全年')
    .option('--from <日期>', '开始日期（含），如 2024-04-01')
    .option('--to <日期>', '结束日期（含），如 2024-06-30')
    .option('-f, --format <格式>', `输出格式：${STATS_FORMATS.map((f) => f.id).join('、')}（table 显示在屏幕上；其余写成文件）`)
    .option('-o, --out <文件>', '输出文件（默认为系列下的 dist/信息报送统计-<期间>.<扩展名>）')
    .addHelpText(
      'after',
      `
例：
  bulletin stats --year 2024 --quarter 2               在屏幕上显示第2季度的统计表
  bulletin stats --year 2024 --quarter 2 --format xlsx  生成 Excel 工作簿
  bulletin stats --year 2024 --quarter 2 --format docx  生成可修改的通报（Word）
  bulletin stats --from 2024-04-01 --to 2024-06-30 --format csv`,
    )
    .action(async (opts: StatsOptions) => {
      const format = chooseFormat(opts);
      const ctx = openSeries(process.cwd());
      const latest: CalendarDate | undefined = [...ctx.issues].sort(byDateThenNumber).at(-1)?.date;
      const period = resolvePeriod(opts, latest);
      if (period.assumed) io.err(period.assumed);
      const stats = countStats(ctx.series, collect(ctx, period));
      const bytes = await format.render(stats);
      if (format.toTerminal && opts.out === undefined) {
        io.out(new TextDecoder().decode(bytes).replace(/\n$/, ''));
        return;
      }
      const target =
        opts.out !== undefined
          ? path.resolve(opts.out)
          : path.join(ctx.series.root, 'dist', `信息报送统计-${period.fileLabel}${format.ext}`);
      // The same writer as build's: bulletin.yaml, an item or the clerk's own workbook given to
      // --out is never replaced; our own earlier output, edited since, is kept beside it.
      const { kept } = writeOutputSet(path.dirname(target), [{ name: path.basename(target), bytes }]);
      printKept(path.dirname(target), kept, io, '可能有人在 Excel、Word 或 WPS 里改了它', '');
      // What the table would say under the figures, so the clerk sees what to check.
      for (const l of describe.lists(stats)) io.err([l.title, ...l.lines.map((x) => `  ${x}`)].join('\n'));
      io.out(
        `已生成 ${relPath(process.cwd(), target)}（${stats.rows.length - stats.silent.length} 个单位有稿件，${stats.silent.length} 个单位没有报送）`,
      );
    });
}

function chooseFormat(opts: StatsOptions): StatsFormat {
  if (opts.format !== undefined) {
    const f = statsFormatById(opts.format.trim());
    if (!f) throw new UserError(`不认识的输出格式“${opts.format}”，可用的有：${STATS_FORMATS.map((x) => x.id).join('、')}`);
    return f;
  }
  // `--out 统计.xlsx` says the format by its extension.
  return (opts.out !== undefined ? statsFormatByExt(opts.out) : undefined) ?? STATS_FORMATS[0]!;
}
