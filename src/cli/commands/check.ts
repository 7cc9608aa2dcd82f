import { Command } from 'commander';
import { checkIssue, checkNumbering } from '../../check/check-series.js';
import { Diagnostics } from '../../diagnostics.js';
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
      const chosen = opts.all ? ctx.issues : ctx.issues.length || issueArg ? [resolveIssue(ctx.series, ctx.issues, issueArg)] : [];
      checkNumbering(ctx, opts.all ? undefined : chosen, diags);
      for (const cfg of chosen) checkIssue(ctx, cfg, diags);
      printDiagnostics(diags.list, io);
      io.out(`已检查 ${chosen.length} 期。${summary(diags.list)}`);
      process.exitCode = diags.hasErrors() ? 1 : 0;
    });
}
