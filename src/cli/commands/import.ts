import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { Diagnostics, UserError } from '../../diagnostics.js';
import { ImportError, readSubmission } from '../../import/read-submission.js';
import { planImport } from '../../import/plan-import.js';
import { earlierImport, writeImport } from '../../import/write-import.js';
import { relPath } from '../../paths.js';
import { loadIssue, openSeries } from '../../pipeline.js';
import { resolveIssue } from '../../sources/find.js';
import { checkText, frontMatterLines, proseLines } from '../../check/text-rules.js';
import { printDiagnostics, summary, type Output } from '../report.js';

interface ImportOptions {
  issue?: string;
  section?: string;
  unit?: string;
}

const IMPORTABLE = /\.(docx|docm|doc|wps|rtf|odt|txt|md|markdown)$/i;

export function registerImport(program: Command, io: Output): Command {
  return program
    .command('import')
    .description('导入来稿：把各单位的 Word/WPS/文本文件变成本期的稿件文件，并检查')
    .argument('<文件...>', '来稿文件（.docx .doc .wps .rtf .odt .txt .md），可写多个，也可写一个文件夹')
    .option('-i, --issue <期>', '导入到哪一期（期号或文件夹）；不写则为最新一期')
    .option('-s, --section <栏目>', '栏目；不写则按供稿单位的类别推断')
    .option('-u, --unit <单位>', '供稿单位；不写则从文件名、标题和开头几段中找名录里的单位')
    .action(async (files: string[], opts: ImportOptions) => {
      const ctx = openSeries(process.cwd());
      const cfg = resolveIssue(ctx.series, ctx.issues, opts.issue);
      const issueRel = relPath(process.cwd(), cfg.dir);
      const { inputs, emptyFolders } = expand(files);
      if (!inputs.length) {
        const where = emptyFolders.length ? `文件夹 ${emptyFolders.map((f) => relPath(process.cwd(), path.resolve(f))).join('、')} 里` : '';
        throw new UserError(`${where}没有找到可以导入的文件（.docx .doc .wps .rtf .odt .txt .md）`);
      }
      let failed = 0;
      const newFiles: string[] = [];
      const seen = new Map<string, string>();
      for (const input of inputs) {
        const shown = path.basename(input);
        try {
          const sub = readSubmission(input);
          const earlier = earlierImport(cfg.dir, sub.sha256);
          if (earlier) {
            throw new ImportError(
              `${shown} 已经导入过本期${earlier.date ? `（${earlier.date}，` : '（'}原文件名 ${earlier.file}，生成了 ${earlier.items.join('、') || '稿件'}），没有重复导入。要重新导入，请先删除那些稿件文件，并删去 ${issueRel}/imports.yaml 中对应的记录`,
            );
          }
          const twin = seen.get(sub.sha256);
          if (twin) throw new ImportError(`${shown} 和 ${twin} 内容完全相同，只导入了一次`);
          seen.set(sub.sha256, shown);
          const plan = await planImport(sub, ctx.series, opts);
          const record = writeImport(cfg.dir, plan);
          newFiles.push(...record.items.map((f) => path.join(cfg.dir, f)));
          const what = plan.section === ctx.series.sections.find((s) => s.kind === 'articles' && s.name === plan.section)?.name ? '1 篇文章' : `${plan.count} 条动态`;
          io.out(`已导入 ${shown} → ${record.items.map((f) => `${issueRel}/${f}`).join('、')}（${plan.section}，${what}${plan.images.length ? `，${plan.images.length} 张图片` : ''}）`);
          for (const n of plan.notes) io.out(`  ${n}`);
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
          failed++;
          io.err(`错误：${e.message}`);
        }
      }
      const diags = new Diagnostics();
      if (newFiles.length) {
        // The new items through check, as `bulletin check` would show them.
        const all = new Diagnostics();
        const { sources } = loadIssue(ctx, cfg, all);
        const mine = new Set(newFiles.map((f) => relPath(ctx.series.root, f)));
        for (const src of sources) if (mine.has(src.rel)) checkText(src.rel, [...frontMatterLines(src), ...proseLines(src)], all);
        for (const d of all.list) if (mine.has(d.file)) diags.add(d);
        printDiagnostics(diags.list, io);
      }
      io.out(`导入 ${inputs.length - failed} 个文件${failed ? `，${failed} 个没有导入` : ''}。${newFiles.length ? `检查新稿件：${summary(diags.list)}` : ''}`);
      if (diags.list.some((d) => d.rule.startsWith('punct') || d.rule.startsWith('quotes') || d.rule === 'date-leading-zero')) {
        io.out(`标点和日期的问题可以自动改正：bulletin check ${issueRel} --fix`);
      }
      process.exitCode = failed || diags.hasErrors() ? 1 : 0;
    });
}

/**
 * Folders stand for the importable files in them; `*` works even where the shell does not expand
 * it (Windows cmd). Whatever in a folder is named like a submission is tried, so a subfolder or
 * a FIFO named x.docx is refused at its name by readSubmission instead of left out unsaid;
 * a folder with nothing to import is named in the message.
 */
function expand(args: string[]): { inputs: string[]; emptyFolders: string[] } {
  const out: string[] = [];
  const emptyFolders: string[] = [];
  for (const a of args) {
    if (/[*?]/.test(path.basename(a))) {
      const dir = path.dirname(a);
      const re = new RegExp(`^${path.basename(a).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
      if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir).sort()) if (re.test(f) && IMPORTABLE.test(f)) out.push(path.join(dir, f));
    } else if (fs.existsSync(a) && fs.statSync(a).isDirectory()) {
      const found = fs.readdirSync(a).sort().filter((f) => IMPORTABLE.test(f) && !f.startsWith('~$'));
      if (!found.length) emptyFolders.push(a);
      out.push(...found.map((f) => path.join(a, f)));
    } else {
      out.push(a);
    }
  }
  return { inputs: out, emptyFolders };
}
