import path from 'node:path';
import { Command } from 'commander';
import { fontHash, toolHash } from '../../archive/inputs.js';
import { makeRecord, readRecord, recordJson, recordPath, sourceHashes } from '../../archive/record.js';
import { ISSUE_FILE } from '../../config/issue-file.js';
import { issuedIn, markIssued } from '../../output/mark-issued.js';
import { parseDateInput, parseIsoDate, toIso, today } from '../../dates.js';
import { Diagnostics, UserError } from '../../diagnostics.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { relPath } from '../../paths.js';
import { loadIssue, openSeries } from '../../pipeline.js';
import { resolveIssue } from '../../sources/find.js';
import { toolCommand } from '../command-hints.js';
import type { Output } from '../report.js';

export function registerIssue(program: Command, io: Output): Command {
  return program
    .command('issue')
    .description('印发：把一期标记为已印发，记下当时的系列设置；此后存档不再重新生成这一期的文件')
    .argument('<期号>', '期号（如 9）或文件夹（如 issues/009）')
    .option('-d, --date <日期>', '印发日期，如 2024-5-21 或 2024年5月21日；不写则为今天')
    .action((arg: string, opts: { date?: string }) => {
      const ctx = openSeries(process.cwd());
      const cfg = resolveIssue(ctx.series, ctx.issues, arg);
      const root = ctx.series.root;
      const existing = readRecord(root, cfg);
      if (existing) {
        throw new UserError(
          `${relPath(root, cfg.dir)} 已于 ${existing.record.issued} 印发（记录在 ${relPath(root, recordPath(cfg))}），没有做任何改动。若确要改动已印发的这一期，请改好稿件后运行 bulletin archive --reissue ${cfg.number}`,
        );
      }
      const diags = new Diagnostics();
      const { issue } = loadIssue(ctx, cfg, diags);
      if (!issue || diags.hasErrors()) {
        throw new UserError(`${relPath(root, cfg.dir)} 的稿件有错误，不能印发。请改正后重试（bulletin check 可列出全部问题）`, diags.list);
      }
      const yamlFile = path.join(cfg.dir, ISSUE_FILE);
      // A date the clerk already wrote by hand is kept, unless --date says otherwise.
      const written = issuedIn(yamlFile, cfg.file);
      const chosen = opts.date ?? written;
      const parsed = opts.date !== undefined ? parseDateInput(opts.date) : chosen !== undefined ? parseIsoDate(chosen) : today();
      if ('error' in parsed) {
        if (opts.date !== undefined) throw new UserError(`--date：${parsed.error}`);
        throw UserError.at(cfg.file, `issued：${parsed.error}`, { line: cfg.lineOf(['issued']), column: 1, rule: 'issued-date' });
      }
      const date = toIso(parsed);
      // Every file of the folder must hash before anything is written: a FIFO or a 3 GB file
      // found only after issue.yaml was marked would leave it marked without a record.
      sourceHashes(cfg.dir, root);
      // issue.yaml first, then the record that hashes it: a run cut in between is finished by
      // running the command again (the date is then read back from issue.yaml).
      if (written !== date) markIssued(yamlFile, cfg.file, date);
      const record = makeRecord(ctx, cfg, date, { tool: toolHash(), fonts: fontHash(ctx.series) });
      writeFileAtomic(recordPath(cfg), recordJson(record));
      io.out(`${issue.masthead.label}已标记为印发（${date}）：`);
      io.out(`  ${cfg.file}    写入 issued: ${date}`);
      io.out(`  ${relPath(root, recordPath(cfg))}    印发时的系列设置、总期号、稿件的 SHA-256`);
      io.out('');
      const tool = toolCommand(root);
      io.out(`下一步：${tool} archive 把它存档。此后改动 bulletin.yaml、字体或更新工具，存档中的这一期都保持原样；`);
      io.out(`确要改动时，改好稿件后运行 ${tool} archive --reissue ${cfg.number}。`);
    });
}
