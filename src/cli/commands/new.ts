import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { ISSUE_FILE } from '../../config/issue-file.js';
import { unsafeNameReason } from '../../config/safe-name.js';
import { parseDateInput, toIso, today, type CalendarDate } from '../../dates.js';
import { UserError } from '../../diagnostics.js';
import { issueFolderName, issueLabel } from '../../numbering/label.js';
import {
  countKey,
  nextNumber,
  numberedIssues,
  numberingDiagnostic,
  numberingProblems,
  type NumberedIssue,
} from '../../numbering/sequence.js';
import { ensureDir } from '../../output/ensure-dir.js';
import { writeFileExclusive } from '../../output/write-atomic.js';
import { relPath, SCHEMA_DIR } from '../../paths.js';
import { openSeries, requireNoBroken } from '../../pipeline.js';
import { issuesRoot } from '../../sources/find.js';
import { issueStubs } from '../../sources/stub-files.js';
import { issueRef, toolCommand } from '../command-hints.js';
import { printDiagnostics, type Output } from '../report.js';

interface NewOptions {
  date?: string;
  number?: string;
  special?: string;
}

export function registerNew(program: Command, io: Output): Command {
  return program
    .command('new')
    .description('新建下一期：自动编号，建好文件夹、issue.yaml 和各栏目的稿件模板')
    .option('-d, --date <日期>', '本期日期，如 2024-5-20、2024/5/20 或 2024年5月20日；不写则为今天')
    .option('-n, --number <期号>', '指定期号；不写则自动取下一期')
    .option('-s, --special <名称>', '特别期，如 增刊、专刊（单独编号）')
    .action((opts: NewOptions) => {
      const ctx = openSeries(process.cwd());
      // A broken issue.yaml hides its number: the next number could repeat it.
      requireNoBroken(ctx, '看不出它的期号，新建的一期可能与它重号，所以没有新建');
      const { series } = ctx;
      const date = parseDateOption(opts.date);
      const special = opts.special?.trim() || undefined;
      const unsafe = special !== undefined ? unsafeNameReason(special) : undefined;
      if (unsafe) throw new UserError(`--special“${special}”${unsafe}：它会用作文件夹名。请写成“增刊”“专刊”这样的名称`);
      const numbered: NumberedIssue[] = numberedIssues(ctx.issues);
      const number = opts.number !== undefined ? parseNumberOption(opts.number) : nextNumber(series.numbering, numbered, { date, special });
      const label = issueLabel(series, { number, year: date.year, special });

      const key = countKey(series.numbering, { date, special });
      const clash = ctx.issues.find((i) => i.number === number && countKey(series.numbering, i) === key);
      if (clash) {
        throw UserError.at(clash.file, `${label}已经存在。不写 --number 会自动取下一期；要修改已有的一期，请直接编辑它的文件`);
      }
      const dir = path.join(issuesRoot(series), issueFolderName(series.numbering, { number, year: date.year, special }));
      if (fs.existsSync(dir)) {
        throw UserError.at(relPath(series.root, dir), '这个文件夹已经存在，为避免覆盖，没有做任何改动。请检查它是不是已有的一期');
      }

      // Report what the new number puts out of order (a gap it opens, a date out of step), at
      // the number: line of the issue.yaml about to be written, before writing anything.
      const yamlText = issueYaml(series.root, dir, { number, date, special });
      const numberLine = yamlText.split('\n').findIndex((l) => l.startsWith('number:')) + 1;
      const after = [...numbered, { number, date, special, file: relPath(series.root, path.join(dir, ISSUE_FILE)), line: numberLine }];
      const known = new Set(numberingProblems(series.numbering, numbered).map((p) => `${p.file}\n${p.message}`));
      const opened = numberingProblems(series.numbering, after).filter((p) => !known.has(`${p.file}\n${p.message}`));
      printDiagnostics(opened.map(numberingDiagnostic), io);

      ensureDir(path.dirname(dir));
      try {
        // Not recursive: of two `new` at once, only one gets the folder; the other stops here.
        fs.mkdirSync(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        throw UserError.at(
          relPath(series.root, dir),
          '这个文件夹刚刚被建好（可能同时运行了两次 bulletin new），为避免覆盖，没有做任何改动。请用 bulletin list 查看',
        );
      }
      writeFileExclusive(path.join(dir, ISSUE_FILE), yamlText);
      const written = [ISSUE_FILE];
      for (const { name, text } of issueStubs(series)) {
        writeFileExclusive(path.join(dir, name), text);
        written.push(name);
      }
      const rel = relPath(process.cwd(), dir);
      io.out(`已新建《${series.name}》${label}（${toIso(date)}）：${rel}/`);
      for (const w of written) io.out(`  ${rel}/${w}`);
      io.out('');
      const tool = toolCommand(series.root);
      const ref = issueRef(series.numbering, { number, year: date.year, special }, rel);
      io.out('下一步：');
      io.out(`  1. 在 ${rel}/ 的各栏目文件中写稿（每条动态以 ## 标题开头）；不用的栏目文件可以删除`);
      io.out(`     各单位的 Word 来稿可以直接导入：${tool} import 来稿文件夹/ --issue ${ref}，再用 ${tool} check ${ref} --fix 改正标点`);
      io.out(`  2. ${tool} check ${ref}    检查稿件`);
      io.out(`  3. ${tool} build ${ref}    生成 PDF 和 Word 文件`);
    });
}

function parseDateOption(text: string | undefined): CalendarDate {
  if (text === undefined) return today();
  const d = parseDateInput(text);
  if ('error' in d) throw new UserError(`--date：${d.error}`);
  return d;
}

/** The largest issue number issue.schema.json accepts: what `new` writes, `check` must read. */
const MAX_NUMBER = 99999;

function parseNumberOption(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new UserError(`--number 应当是正整数，而不是“${text}”`);
  if (Number(text) > MAX_NUMBER) throw new UserError(`--number ${text.trim()} 太大了，期号不能大于 ${MAX_NUMBER}`);
  return Number(text);
}

function issueYaml(root: string, dir: string, v: { number: number; date: CalendarDate; special?: string }): string {
  const local = path.join(root, 'issue.schema.json');
  const schema = fs.existsSync(local) ? local : path.join(SCHEMA_DIR, 'issue.schema.json');
  // A schema outside the series folder (the tool's own copy) would break when the folder moves.
  const inside = !path.relative(root, schema).startsWith('..');
  const schemaRef = path.relative(dir, schema).split(path.sep).join('/');
  return [
    ...(inside ? [`# yaml-language-server: $schema=${schemaRef}`] : []),
    '# 本期设置。日期写成 2024-04-24；版记印发日期不同时加 printDate。',
    `number: ${v.number}`,
    `date: ${toIso(v.date)}`,
    ...(v.special ? [`special: ${v.special}`] : []),
    // Hints stand on lines of their own: an editor who uncomments a setting must not get the
    // hint as part of its value (and then printed in the end block).
    '# 印发日期与本期日期不同时：',
    '# printDate: 2024-04-25',
    '# 共印份数：',
    '# copies: 200',
    '# 本期分送范围与系列设置不同时填写，只写要改的项：',
    '# distribution:',
    '#   本期增发: 某某单位',
    '',
  ].join('\n');
}
