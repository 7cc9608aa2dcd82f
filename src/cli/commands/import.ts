import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { readRecord } from '../../archive/record.js';
import { Diagnostics, UserError } from '../../diagnostics.js';
import { IMPORT_LOCK } from '../../import/import-log.js';
import { withLock } from '../../output/file-lock.js';
import { ImportError, readSubmission } from '../../import/read-submission.js';
import { planImport } from '../../import/plan-import.js';
import { earlierImport, writeImport } from '../../import/write-import.js';
import { oneLine } from '../../output/escape.js';
import { issueLabel } from '../../numbering/label.js';
import { relPath } from '../../paths.js';
import { loadIssue, openSeries } from '../../pipeline.js';
import { resolveIssue } from '../../sources/find.js';
import { untouchedStub } from '../../sources/stub-files.js';
import { checkText, frontMatterLines, proseLines } from '../../check/text-rules.js';
import { issueRef, toolCommand } from '../command-hints.js';
import { printDiagnostics, summary, type Output, type RunStatus } from '../report.js';

interface ImportOptions {
  issue?: string;
  section?: string;
  unit?: string;
}

const IMPORTABLE = /\.(docx|docm|doc|wps|rtf|odt|txt|md|markdown)$/i;

export function registerImport(program: Command, io: Output, status: RunStatus): Command {
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
      // An issued issue is a record of what was sent out (build and archive follow issued.json):
      // a new item in it would silently change neither, or change a re-issue.
      const issued = readRecord(ctx.series.root, cfg)?.record.issued ?? cfg.issued;
      if (issued !== undefined) {
        const label = issueLabel(ctx.series, { number: cfg.number, year: cfg.date.year, special: cfg.special });
        const line = cfg.lineOf(['issued']);
        const at =
          line !== undefined
            ? { file: relPath(process.cwd(), path.join(ctx.series.root, cfg.file)), line, column: 1 }
            : { file: `${issueRel}/issued.json` };
        throw new UserError(
          `${label}（${issueRel}）已于 ${issued} 印发，不能再往里导入来稿，没有导入。来稿要编入新的一期：先运行 bulletin new 新建下一期再导入，或用 --issue 指定一期还没有印发的。` +
            `确实要改已印发的这一期：把稿件导入到一期草稿里，再把生成的稿件文件移到 ${issueRel}，然后运行 bulletin archive --reissue ${cfg.number}`,
          [{ severity: 'error', rule: 'import-issued', ...at, message: `${label}已于 ${issued} 印发，不再接受导入` }],
        );
      }
      const { inputs, emptyFolders } = expand(files);
      if (!inputs.length) {
        const where = emptyFolders.length ? `文件夹 ${emptyFolders.map((f) => relPath(process.cwd(), path.resolve(f))).join('、')} 里` : '';
        throw new UserError(`${where}没有找到可以导入的文件（.docx .doc .wps .rtf .odt .txt .md）`);
      }
      let failed = 0;
      const newFiles: string[] = [];
      const seen = new Map<string, string>();
      for (const input of inputs) {
        // The sender chose the name: a newline or an escape sequence in it stays visible, on its line.
        const shown = oneLine(path.basename(input));
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
          // The slow part (conversion) is done; the check and the writes are one step against
          // other imports into this issue running at the same time.
          const record = await withLock(path.join(cfg.dir, IMPORT_LOCK), `导入 ${shown}`, () => {
            const again = earlierImport(cfg.dir, sub.sha256);
            if (again)
              throw new ImportError(
                `${shown} 已经导入过本期（刚刚由同时运行的另一个 bulletin import 导入，生成了 ${again.items.join('、') || '稿件'}），没有重复导入`,
              );
            return writeImport(cfg.dir, plan);
          });
          newFiles.push(...record.items.map((f) => path.join(cfg.dir, f)));
          const what =
            plan.section === ctx.series.sections.find((s) => s.kind === 'articles' && s.name === plan.section)?.name
              ? '1 篇文章'
              : `${plan.count} 条动态`;
          io.out(
            `已导入 ${shown} → ${record.items.map((f) => `${issueRel}/${f}`).join('、')}（${plan.section}，${what}${plan.images.length ? `，${plan.images.length} 张图片` : ''}）`,
          );
          for (const n of plan.notes) io.out(`  ${oneLine(n)}`);
          if (plan.dropped.length) {
            io.out('  没有印出的内容（原文照录，请核对）：');
            for (const d of plan.dropped) io.out(`    “${oneLine(d.text)}”：${d.reason}`);
          }
          // The imported item takes the place of the section's draft while nobody has written in it.
          const stub = untouchedStub(ctx.series, cfg.dir, plan.section);
          if (stub && !record.items.includes(path.basename(stub))) {
            fs.rmSync(stub);
            io.out(`  ${issueRel}/${path.basename(stub)} 是没有写过的模板，已由导入的稿件代替（已删去）`);
          }
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
          failed++;
          io.err(`错误：${oneLine(e.message)}`);
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
      io.out(
        `导入 ${inputs.length - failed} 个文件${failed ? `，${failed} 个没有导入` : ''}。${newFiles.length ? `检查新稿件：${summary(diags.list)}` : ''}`,
      );
      if (diags.list.some((d) => d.rule.startsWith('punct') || d.rule.startsWith('quotes') || d.rule === 'date-leading-zero')) {
        io.out(
          `标点和日期的问题可以自动改正：${toolCommand(ctx.series.root)} check ${issueRef(ctx.series.numbering, { number: cfg.number, year: cfg.date.year, special: cfg.special }, issueRel)} --fix`,
        );
      }
      status.code = failed || diags.hasErrors() ? 1 : 0;
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
      const re = new RegExp(
        `^${path
          .basename(a)
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
        'i',
      );
      if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir).sort()) if (re.test(f) && IMPORTABLE.test(f)) out.push(path.join(dir, f));
    } else if (fs.existsSync(a) && fs.statSync(a).isDirectory()) {
      const found = fs
        .readdirSync(a)
        .sort()
        .filter((f) => IMPORTABLE.test(f) && !f.startsWith('~$'));
      if (!found.length) emptyFolders.push(a);
      out.push(...found.map((f) => path.join(a, f)));
    } else {
      out.push(a);
    }
  }
  return { inputs: out, emptyFolders };
}
