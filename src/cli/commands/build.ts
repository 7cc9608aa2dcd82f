import path from 'node:path';
import { Command } from 'commander';
import { asIssued, driftDiagnostics, readRecord, RECORD_FILE } from '../../archive/record.js';
import { issueLabel } from '../../numbering/label.js';
import { UserError } from '../../diagnostics.js';
import { missingDirs } from '../../output/ensure-dir.js';
import { checkOutputNames, outputName, PREPRINTED_SUFFIX } from '../../output/output-names.js';
import { writeOutputSet } from '../../output/write-set.js';
import { relPath } from '../../paths.js';
import { openSeries } from '../../pipeline.js';
import { DEFAULT_FORMATS, FORMATS, formatById, type OutputFormat } from '../../render/formats.js';
import { renderIssue } from '../../render-issue.js';
import { resolveIssue } from '../../sources/find.js';
import { printDiagnostics, printKept, progressText, type Output } from '../report.js';

interface BuildOptions {
  out?: string;
  format: string;
  /** --preprinted / --no-preprinted; undefined: bulletin.yaml's `preprinted`. */
  preprinted?: boolean;
}

export function registerBuild(program: Command, io: Output): Command {
  return program
    .command('build')
    .description('生成一期的 PDF（印刷用）、DOCX（可在 Word/WPS 中修改）和网页版 HTML')
    .argument('[期]', '期号（如 9）或该期文件夹；不写则为最新一期')
    .option('-o, --out <文件夹>', '输出文件夹（默认为系列下的 dist/）')
    .option(
      '-f, --format <格式>',
      `输出格式，逗号分隔，可写 ${FORMATS.map((f) => f.id).join(',')}，其中 wechat 为公众号版网页`,
      DEFAULT_FORMATS.map((f) => f.id).join(','),
    )
    .option(
      '--preprinted',
      '套打：印在已印好红色报头的纸上，PDF 和 DOCX 不印红色系列名、简报名称和红线，其余位置不变（文件名加“（套打）”）',
    )
    .option('--no-preprinted', 'bulletin.yaml 设为套打时，这一次照常生成完整的报头')
    .action(async (issueArg: string | undefined, opts: BuildOptions, command: Command) => {
      let formats = parseFormats(opts.format);
      const ctx = openSeries(process.cwd());
      // The office's paper, from the current bulletin.yaml even for an issued issue.
      const preprinted = opts.preprinted ?? ctx.series.preprinted;
      // Preprinted paper is for the paper formats: without --format only they are made.
      if (preprinted && command.getOptionValueSource('format') === 'default') formats = formats.filter((f) => f.paper);
      const nameOf = (stem: string, f: OutputFormat): string => outputName(stem, f.ext, preprinted && Boolean(f.paper));
      const cfg = resolveIssue(ctx.series, ctx.issues, issueArg, ctx.broken);
      checkOutputNames(
        ctx.series,
        cfg,
        ctx.issues,
        formats.map((f) => nameOf('', f)),
      );
      const outDir = opts.out !== undefined ? path.resolve(opts.out) : path.join(ctx.series.root, 'dist');
      // A file where the folder should be (--out report.pdf, /dev/null) is said before the slow part.
      missingDirs(outDir);
      const issued = readRecord(ctx.series.root, cfg);
      const as = issued ? asIssued(ctx, cfg, issued.record) : { ctx, cfg };
      if (issued)
        io.err(
          `提示：${relPath(process.cwd(), cfg.dir)} 已于 ${issued.record.issued} 印发，按印发时记下的系列设置（${RECORD_FILE}）生成。`,
        );
      // Sources edited since issue: the same warnings, at each file, that check and archive give.
      const drift = issued
        ? driftDiagnostics(
            ctx.series.root,
            cfg,
            issued.record,
            issueLabel(as.ctx.series, { number: cfg.number, year: cfg.date.year, total: issued.record.total, special: cfg.special }),
          )
        : [];
      if (preprinted) {
        const paper = formats.filter((f) => f.paper).map((f) => f.id.toUpperCase());
        const screen = formats.filter((f) => !f.paper).map((f) => (f.id === 'wechat' ? '公众号版' : '网页版'));
        if (paper.length)
          io.err(
            `套打：${paper.join(' 和 ')} 不印红色系列名、简报名称和报头红线（纸上已印好），其余文字的位置不变；文件名加“${PREPRINTED_SUFFIX}”。`,
          );
        if (screen.length) io.err(`提示：${screen.join('、')}不在纸上印，没有套打之分，照常生成完整的报头。`);
      }
      const { issue, files, warnings } = await renderIssue(as.ctx, as.cfg, formats, (p) => io.err(progressText(p)), { preprinted });
      printDiagnostics([...drift, ...warnings.list], io);
      const named = files.map(({ format: f, bytes }) => ({ name: nameOf(issue.meta.fileStem, f), bytes }));
      const { kept } = writeOutputSet(outDir, named);
      printKept(outDir, kept, io);
      for (const { name, bytes } of named) {
        io.out(`已生成 ${relPath(process.cwd(), path.join(outDir, name))}（${Math.max(1, Math.round(bytes.length / 1024))} KB）`);
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
