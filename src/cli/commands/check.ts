import { Command } from 'commander';
import { checkIssue, checkNumbering } from '../../check/check-series.js';
import { Diagnostics, UserError } from '../../diagnostics.js';
import { describeFix, fixesFor } from '../../check/fix-text.js';
import { unfixableReason, writeFixed } from '../../check/fix-files.js';
import { MAX_SOURCE_BYTES } from '../../sources/read-text.js';
import { readUserFile } from '../../sources/user-file.js';
import { loadIssueSources } from '../../sources/load.js';
import { openSeries } from '../../pipeline.js';
import { resolveIssue } from '../../sources/find.js';
import { printDiagnostics, summary, type Output, type RunStatus } from '../report.js';

export function registerCheck(program: Command, io: Output, status: RunStatus): Command {
  return program
    .command('check')
    .description('检查稿件：格式、栏目、标题、日期、期号和标点，列出全部问题')
    .argument('[期]', '期号（如 9）或该期文件夹；不写则检查最新一期')
    .option('-a, --all', '检查全部各期')
    .option('--fix', '自动改正标点和日期：中文里的半角 , ; : ? ! ( )、英文引号、带“0”的日期')
    .option('--dry-run', '和 --fix 一起用：只列出要改的地方，不写文件')
    .action((issueArg: string | undefined, opts: { all?: boolean; fix?: boolean; dryRun?: boolean }) => {
      if (opts.dryRun && !opts.fix) throw new UserError('--dry-run 要和 --fix 一起用：bulletin check --fix --dry-run');
      if (opts.fix) fixIssues(issueArg, opts, io);
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
      status.code = diags.hasErrors() ? 1 : 0;
    });
}

/** Applies (or with --dry-run lists) the safe fixes; the check that follows shows what is left. */
function fixIssues(issueArg: string | undefined, opts: { all?: boolean; dryRun?: boolean }, io: Output): void {
  const ctx = openSeries(process.cwd());
  const chosen = opts.all ? ctx.issues : [resolveIssue(ctx.series, ctx.issues, issueArg)];
  let total = 0;
  let files = 0;
  for (const cfg of chosen) {
    for (const src of loadIssueSources(cfg.dir, ctx.series.root, new Diagnostics())) {
      const fixes = fixesFor(src);
      if (!fixes.length) continue;
      // A file whose bytes would not survive the rewrite is left whole (the check below shows why).
      const why = unfixableReason(readUserFile(src.abs, { shown: src.rel, maxBytes: MAX_SOURCE_BYTES }));
      if (why) {
        io.out(`${src.rel}  ${why}`);
        continue;
      }
      for (const f of fixes) io.out(`${src.rel}:${f.line}:${f.column}  ${describeFix(src.text, f)}`);
      if (opts.dryRun) {
        total += fixes.length;
        files++;
        continue;
      }
      const r = writeFixed(src.abs, src.rel, src.text, fixes);
      if (!r.written) {
        io.out(`${src.rel}  ${r.reason}`);
        continue;
      }
      total += fixes.length;
      files++;
      if (r.reencodedFrom) io.out(`${src.rel}  原为 ${r.reencodedFrom} 编码，已改存为 UTF-8（带 BOM，记事本和 WPS 都能正常打开）`);
    }
  }
  io.out(
    total
      ? `${opts.dryRun ? '将改正' : '已改正'} ${files} 个文件中的 ${total} 处。${opts.dryRun ? '（--dry-run：没有写文件）' : ''}`
      : '没有可以自动改正的标点或日期。',
  );
  io.out('');
}
