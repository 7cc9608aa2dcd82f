import { Command } from 'commander';
import { editedSources, readRecord } from '../../archive/record.js';
import { formatChineseDate } from '../../dates.js';
import { Diagnostics, formatDiagnostic, UserError } from '../../diagnostics.js';
import { loadIssue, openSeries } from '../../pipeline.js';
import { relPath } from '../../paths.js';
import { issueLabel } from '../../numbering/label.js';
import { byDateThenNumber } from '../../sources/find.js';
import { issueRef, toolCommand } from '../command-hints.js';
import type { Output, RunStatus } from '../report.js';

export function registerList(program: Command, io: Output, status: RunStatus): Command {
  let damagedRecord = false;
  return program
    .command('list')
    .description('列出各期：期号、日期、各栏目条数')
    .action(() => {
      damagedRecord = false;
      const ctx = openSeries(process.cwd());
      const sorted = [...ctx.issues].sort(byDateThenNumber);
      if (sorted.length === 0 && ctx.broken.length === 0) {
        io.out(`${ctx.series.issuesDir}/ 下还没有任何一期。用 bulletin new 新建第一期。`);
        return;
      }
      io.out(`《${ctx.series.name}》共 ${sorted.length + ctx.broken.length} 期：`);
      for (const cfg of sorted) {
        const diags = new Diagnostics();
        const { issue } = loadIssue(ctx, cfg, diags);
        const label = issueLabel(ctx.series, { number: cfg.number, year: cfg.date.year, special: cfg.special });
        const dates = `${formatChineseDate(cfg.date)}${cfg.printDate !== cfg.date && formatChineseDate(cfg.printDate) !== formatChineseDate(cfg.date) ? `（${formatChineseDate(cfg.printDate)}印发）` : ''}`;
        const counts = issue
          ? [issue.note ? '编者按' : '', ...issue.sections.map((s) => `${s.name} ${s.entries.length}`)].filter(Boolean).join('，')
          : // A bare number never finds a 增刊 and is ambiguous across years in a yearly series.
            `有 ${diags.errors.length} 个错误，运行 ${toolCommand(ctx.series.root)} check ${issueRef(ctx.series.numbering, { number: cfg.number, year: cfg.date.year, special: cfg.special }, relPath(process.cwd(), cfg.dir))} 查看`;
        io.out(
          `  ${label.padEnd(8, '　')} ${dates.padEnd(12, '　')}  ${relPath(ctx.series.root, cfg.dir)}  ${counts || '（还没有稿件）'}${issuedNote(ctx.series.root, cfg)}`,
        );
      }
      // Broken folders are listed too, with where their problem is: an issue never vanishes.
      for (const b of ctx.broken) {
        const first = b.diagnostics[0];
        const label = b.number !== undefined ? `第${b.number}期` : '期号不明';
        const where = first ? formatDiagnostic(first) : b.file;
        io.out(`  ${label.padEnd(8, '　')} ${'日期不明'.padEnd(12, '　')}  ${relPath(ctx.series.root, b.dir)}  有错误：${where}`);
      }
      if (ctx.broken.length || damagedRecord) status.code = 1;
    });

  /** An issued issue is a record: the clerk sees which are closed, and which were edited since. */
  function issuedNote(root: string, cfg: Parameters<typeof readRecord>[1]): string {
    try {
      const r = readRecord(root, cfg);
      if (!r) return '';
      const edited = editedSources(root, cfg, r.record).length;
      return `（已于 ${r.record.issued} 印发${edited ? `，之后改动了 ${edited} 个文件，运行 bulletin check ${relPath(process.cwd(), cfg.dir)} 查看` : ''}）`;
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      damagedRecord = true;
      return `  有错误：${e.message}`;
    }
  }
}
