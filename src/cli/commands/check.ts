import { Command } from 'commander';
import { checkIssue, checkNumbering } from '../../check/check-series.js';
import { Diagnostics, UserError } from '../../diagnostics.js';
import { openSeries } from '../../pipeline.js';
import { resolveIssue } from '../../sources/find.js';
import { printDiagnostics, summary, type Output } from '../report.js';

export function registerCheck(program: Command, io: Output): Command {
  return program
    .command('check')
    .description('检查稿件：格式、栏目、标题、日期、期号和标点，列出全部问题')
    .argument('[期]', '期号（如 9）或该期文件夹；不写则检查最新一期')
    .option('-a, --all', '检查全部各期')
    .action((issueArg: string | undefined, opts: { all?: boolean }) => {
      const ctx = openSeries(process.cwd());
      const diags = new Diagnostics();
      diags.merge(ctx.diags);
      // A broken issue asked for (or the latest one) is reported with the rest, not thrown away.
      let chosen: typeof ctx.issues = [];
      if (opts.all) chosen = ctx.issues;
      else if (ctx.issues.length || ctx.broken.length || issueArg) {
        try {
          chosen = [resolveIssue(ctx.series, ctx.issues, issueArg, ctx.broken)];
        } catch (e) {
          if (!(e instanceof UserError) || e.diagnostics.length === 0) throw e;
          const shown = new Set(diags.list);
          for (const d of e.diagnostics) if (!shown.has(d)) diags.add(d);
        }
      }
      checkNumbering(ctx, opts.all ? undefined : chosen, diags);
      for (const cfg of chosen) checkIssue(ctx, cfg, diags);
      printDiagnostics(diags.list, io);
      io.out(`已检查 ${chosen.length} 期。${summary(diags.list)}`);
      process.exitCode = diags.hasErrors() ? 1 : 0;
    });
}
