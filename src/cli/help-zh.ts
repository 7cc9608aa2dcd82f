/**
 * Commander's help in Chinese: section titles, and the notes it adds after a description
 * (default, choices, preset, environment variable), which it otherwise writes in English.
 * Configured through commander's own Help hooks (configureHelp), never by editing its output.
 */
import type { Argument, Help, Option } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

/** A default as a clerk would type it; nothing for an empty list or a plain on/off switch. */
function shownDefault(value: unknown, description: string | undefined): string | undefined {
  if (description) return description;
  if (Array.isArray(value)) return value.length ? value.join('、') : undefined;
  if (typeof value === 'string') return value || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function withNotes(description: string, notes: Array<string | undefined>): string {
  const kept = notes.filter((n): n is string => Boolean(n));
  return kept.length ? `${description}（${kept.join('；')}）` : description;
}

function optionDescription(option: Option): string {
  const takesValue = option.required || option.optional;
  const def = takesValue ? shownDefault(option.defaultValue, option.defaultValueDescription) : undefined;
  return withNotes(option.description, [
    option.argChoices ? `可选：${option.argChoices.join('、')}` : undefined,
    def !== undefined ? `默认：${def}` : undefined,
    option.presetArg !== undefined && option.optional ? `只写选项不写值时为 ${String(option.presetArg)}` : undefined,
    option.envVar !== undefined ? `也可用环境变量 ${option.envVar} 设置` : undefined,
  ]);
}

function argumentDescription(argument: Argument): string {
  const def = shownDefault(argument.defaultValue, argument.defaultValueDescription);
  return withNotes(argument.description, [
    argument.argChoices ? `可选：${argument.argChoices.join('、')}` : undefined,
    def !== undefined ? `默认：${def}` : undefined,
  ]);
}

export const CHINESE_HELP: Partial<Help> = {
  styleTitle: (t: string) => TITLES[t] ?? t,
  optionDescription,
  argumentDescription,
};
