import path from 'node:path';
import { Command } from 'commander';
import { Diagnostics, UserError } from '../../diagnostics.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { relPath } from '../../paths.js';
import { loadIssue, openSeries } from '../../pipeline.js';
import { FORMATS, formatById, type OutputFormat } from '../../render/formats.js';
import { resolveIssue } from '../../sources/find.js';
import { printDiagnostics, type Output } from '../report.js';

interface BuildOptions {
  out?: string;
  format: string;
}

export function registerBuild(program: Command, io: Output): Command {
  return program
    .command('build')
    .description('生成一期的 PDF（印刷用）和 DOCX（可在 Word/WPS 中修改）')
    .argument('[期]', '期号（如 9）或该期文件夹；不写则为最新一期')
    .option('-o, --out <文件夹>', '输出文件夹（默认为系列下的 dist/）')
    .option('-f, --format <格式>', `输出格式，逗号分隔：${FORMATS.map((f) => f.id).join(',')}`, FORMATS.map((f) => f.id).join(','))
    .action(async (issueArg: string | undefined, opts: BuildOptions) => {
      const formats = parseFormats(opts.format);
      const ctx = openSeries(process.cwd());
      const cfg = resolveIssue(ctx.series, ctx.issues, issueArg);
      const diags = new Diagnostics();
      diags.merge(ctx.diags);
      const { issue } = loadIssue(ctx, cfg, diags);
      if (!issue || diags.hasErrors()) {
        throw new UserError(`${relPath(ctx.series.root, cfg.dir)} 的稿件有错误，没有生成文件。请改正后重试（bulletin check 可列出全部问题）`, diags.list);
      }
      printDiagnostics(diags.warnings, io);
      const outDir = opts.out !== undefined ? path.resolve(opts.out) : path.join(ctx.series.root, 'dist');
      // Render everything first: a failure in one format leaves no file of this build behind.
      const rendered: Array<[OutputFormat, Uint8Array]> = [];
      for (const f of formats) rendered.push([f, await f.render(issue, { log: (m) => io.err(m) })]);
      for (const [f, bytes] of rendered) {
        const target = path.join(outDir, `${issue.meta.fileStem}${f.ext}`);
        writeFileAtomic(target, bytes);
        io.out(`已生成 ${relPath(process.cwd(), target)}（${Math.max(1, Math.round(bytes.length / 1024))} KB）`);
      }
    });
}

function parseFormats(text: string): OutputFormat[] {
  const ids = text.split(/[,，\s]+/).filter(Boolean);
  const out: OutputFormat[] = [];
  for (const id of ids) {
    const f = formatById(id.toLowerCase());
    if (!f) throw new UserError(`不认识的输出格式“${id}”，可用的有：${FORMATS.map((x) => x.id).join('、')}`);
    if (!out.includes(f)) out.push(f);
  }
  if (out.length === 0) throw new UserError('--format 至少要写一种格式');
  return out;
}
