/**
 * The command line: commander wiring, Chinese help, and the one place where failures become
 * exit codes — 0 done, 1 a problem in the user's input or environment, 2 a bug of ours.
 */
import { Command, CommanderError, Help } from 'commander';
import { UserError } from '../diagnostics.js';
import { fsErrorMessage, isFsError } from '../output/fs-errors.js';
import { nearest } from '../config/suggest.js';
import { CHINESE_HELP } from './help-zh.js';
import { printDiagnostics, stdio, type Output, type RunStatus } from './report.js';
import { VERSION } from '../version.js';

/** Commander prints "[options]"; the clerks read Chinese. */
function localiseUsage(cmd: Command): void {
  cmd.usage(cmd.usage().replace('[options]', '[选项]').replace('[command]', '[命令]'));
}

function subcommandTerm(cmd: Command): string {
  const args = cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`));
  return [cmd.name(), cmd.options.length ? '[选项]' : '', ...args].filter(Boolean).join(' ');
}

type Register = (program: Command, io: Output, status: RunStatus) => Command;

/**
 * Every command, in the order help lists them, each loaded only when it runs: a build never
 * loads the preview server (node:http alone costs some 35 ms, it pulls in undici), import's
 * Word reader, stats' spreadsheet writer or the archive's workers.
 */
const COMMANDS: ReadonlyArray<[string, () => Promise<Register>]> = [
  ['init', async () => (await import('./commands/init.js')).registerInit],
  ['new', async () => (await import('./commands/new.js')).registerNew],
  ['import', async () => (await import('./commands/import.js')).registerImport],
  ['list', async () => (await import('./commands/list.js')).registerList],
  ['check', async () => (await import('./commands/check.js')).registerCheck],
  ['build', async () => (await import('./commands/build.js')).registerBuild],
  ['preview', async () => (await import('./commands/preview.js')).registerPreview],
  ['issue', async () => (await import('./commands/issue.js')).registerIssue],
  ['archive', async () => (await import('./commands/archive.js')).registerArchive],
  ['volume', async () => (await import('./commands/volume.js')).registerVolume],
  ['stats', async () => (await import('./commands/stats.js')).registerStats],
];

/**
 * The commands `args` (argv without node and the script) can run: the one it names, or all of
 * them when it names none or an unknown one (help, the version, a typo to be answered).
 * The program has no options of its own that take a value, so the first word not starting
 * with - is the command.
 */
function commandsFor(args: readonly string[]): ReadonlyArray<[string, () => Promise<Register>]> {
  const word = args.find((a) => !a.startsWith('-'));
  const named = COMMANDS.filter(([name]) => name === word);
  return named.length ? named : COMMANDS;
}

export async function createProgram(io: Output = stdio, args: readonly string[] = [], status: RunStatus = { code: 0 }): Promise<Command> {
  const program = new Command('bulletin');
  program
    .description('工作动态简报排版工具：用 Markdown 写稿，生成符合公文格式的 PDF 与 Word 文件')
    .version(VERSION, '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .configureHelp({ ...CHINESE_HELP, subcommandTerm } as Partial<Help>)
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: () => undefined });
  program.addHelpText(
    'after',
    `
常用流程：
  bulletin new          新建下一期
  bulletin import 来稿   导入各单位的 Word 来稿
  bulletin check        检查稿件
  bulletin build        生成 PDF 和 Word 文件
  bulletin preview      在浏览器中预览，保存后自动刷新
  bulletin issue 9      印发后标记第9期，存档从此不再改动它
  bulletin volume 2024  把2024年的各期合成合订本（封面、目录、书签）

每个命令的详细说明：bulletin help <命令>`,
  );
  for (const [, load] of commandsFor(args)) {
    const cmd = (await load())(program, io, status);
    cmd.helpOption('-h, --help', '显示帮助').configureHelp(CHINESE_HELP);
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: () => undefined });
    localiseUsage(cmd);
  }
  localiseUsage(program);
  return program;
}

/** The terminal, for bin/bulletin.js's word on an interrupted run. */
export { stdio };

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[], io: Output = stdio): Promise<number> {
  const status: RunStatus = { code: 0 };
  const program = await createProgram(io, argv.slice(2), status);
  // Bare `bulletin`: commander would print its help through writeErr, which is silenced (its
  // English errors are translated below), so the clerk saw nothing at all.
  if (argv.length <= 2) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv);
    return status.code;
  } catch (e) {
    return handleError(e, io, program, argv.slice(2));
  }
}

function handleError(e: unknown, io: Output, program: Command, args: string[]): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    io.err(`错误：${commanderMessage(e)}${suggestion(e, program, args)}`);
    io.err('用 bulletin --help 查看用法。');
    return 1;
  }
  if (e instanceof UserError) {
    printDiagnostics(e.diagnostics, io);
    // A fatal diagnostic is the message, said at its place; anything else gets its summary line.
    if (!e.diagnostics.some((d) => d.fatal && e.message.endsWith(d.message))) io.err(`错误：${e.message}`);
    return 1;
  }
  // Whatever the file system refuses (a locked DOCX, a read-only disk, a name too long) is a
  // problem of the user's files or disk, said in Chinese with the path.
  if (isFsError(e)) {
    io.err(`错误：${fsErrorMessage(e)}`);
    return 1;
  }
  io.err('内部错误：这是 bulletin 的缺陷，不是您的操作问题。请把下面的信息发给维护人员：');
  io.err(String((e as Error)?.stack ?? e));
  return 2;
}

/**
 * 是不是想用 build？ for a mistyped command or option. Commander's own suggestion is English and
 * switched off (showSuggestionAfterError(false)); the candidates are the commands, or the
 * options of the command that was typed.
 */
function suggestion(e: CommanderError, program: Command, args: string[]): string {
  const typed = /'([^']+)'/.exec(e.message)?.[1];
  if (!typed) return '';
  if (e.code === 'commander.unknownCommand') {
    const guess = nearest(
      typed,
      program.commands.map((c) => c.name()),
    );
    return guess ? `。是不是想用 ${guess}？` : '';
  }
  if (e.code === 'commander.unknownOption' && typed.startsWith('--')) {
    const cmd = program.commands.find((c) => args.includes(c.name()));
    const longs = [...(cmd?.options ?? []), ...program.options].map((o) => o.long).filter((l): l is string => Boolean(l));
    const name = typed.split('=')[0]!;
    const guess = nearest(
      name.slice(2),
      longs.map((l) => l.slice(2)),
    );
    return guess ? `。是不是想写 --${guess}？` : '';
  }
  return '';
}

function commanderMessage(e: CommanderError): string {
  const m = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'commander.unknownOption':
      return `不认识的选项 ${m}`;
    case 'commander.unknownCommand':
      return `没有 ${m} 这个命令`;
    case 'commander.missingArgument':
      return `缺少参数 ${m}`;
    case 'commander.optionMissingArgument':
      return `选项 ${m} 后面需要一个值`;
    case 'commander.excessArguments':
      return '参数太多';
    case 'commander.invalidArgument':
      return e.message.replace(/^error: /, '');
    default:
      return e.message.replace(/^error: /, '');
  }
}
