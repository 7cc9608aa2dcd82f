/**
 * Who sent a submission and where it goes, when the clerk did not say: the unit from the
 * registry names found in the file name, then the document's title lines, then its opening
 * text; the section from the unit's kind. Each guess carries the reason, which is printed and
 * written into the item so the clerk can check it.
 */
import type { Series } from '../config/series.js';
import { nearest } from '../config/suggest.js';
import type { Unit } from '../units/registry.js';

export interface Guess<T> {
  value: T;
  /** Why, in Chinese, for the terminal and the front matter comment; undefined when given. */
  reason?: string;
}

export function guessUnit(
  series: Series,
  given: string | undefined,
  places: Array<{ where: string; text: string }>,
): Guess<Unit | string> | undefined {
  if (given !== undefined) return { value: series.units.resolve(given) ?? given.trim() };
  for (const p of places) {
    const m = series.units.findIn(p.text)[0];
    if (m) return { value: m.unit, reason: `${p.where}中有“${m.text}”` };
  }
  return undefined;
}

const SECTION_BY_KIND: Record<string, string> = { 高校: '高校动态', 设区市: '市县动态', 县区: '市县动态', 省直: '省级动态' };

/** Where import looked for a registered unit, for the messages that say none was found. */
export const UNIT_NOT_FOUND = '文件名、标题和开头几段里都没有 units 名录中的单位';

/**
 * A name in the submission that looks like a unit (…大学, …学院, …教育局) when none of the
 * register's was found: most often a unit the register does not have yet.
 */
export function unitLikeName(texts: string[]): string | undefined {
  for (const text of texts) {
    const m = /[\u4e00-\u9fff]{2,12}?(?:大学|学院|学校|教育局|教育厅|教育体育局|教体局)/u.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

/** `unseen`: a unit-like name found in the submission but not in the register. */
export function guessSection(
  series: Series,
  given: string | undefined,
  unit: Unit | string | undefined,
  isArticle: boolean,
  unseen?: string,
): Guess<string> | { error: string } {
  const names = series.sections.map((s) => s.name);
  if (given !== undefined) {
    if (!names.includes(given.trim())) {
      const guess = nearest(given.trim(), names);
      return { error: `没有“${given}”这个栏目。${guess ? `是不是“${guess}”？` : ''}bulletin.yaml 里的栏目有：${names.join('、')}` };
    }
    return { value: given.trim() };
  }
  if (isArticle) {
    const articles = series.sections.find((s) => s.kind === 'articles');
    if (articles) return { value: articles.name, reason: '来稿是有标题和副题的长文' };
  }
  const kind = typeof unit === 'object' ? unit.kind : undefined;
  const byKind = kind ? SECTION_BY_KIND[kind] : undefined;
  if (byKind && names.includes(byKind)) return { value: byKind, reason: `供稿单位是${kind}` };
  const news = series.sections.filter((s) => s.kind === 'news');
  if (news.length === 1) return { value: news[0]!.name, reason: '系列只有这一个动态栏目' };
  const example = `--section ${news[0]?.name ?? names[0]}`;
  const addUnit = '新的供稿单位请加进 bulletin.yaml 的 units（写 name 和 kind，栏目按 kind 推断），或用 --section 指定，如';
  if (kind) return { error: `无法判断栏目（单位类别“${kind}”没有对应的栏目）。请用 --section 指定，如 ${example}` };
  // A unit given (or found) by a name the registry lacks has no kind to go by: say which.
  if (typeof unit === 'string') {
    return {
      error: `无法判断栏目（供稿单位“${unit}”不在 bulletin.yaml 的名录中，不知道它属于哪一类）。请用 --section 指定，如 ${example}；常来稿的单位请加进 bulletin.yaml 的 units（写 name 和 kind，栏目按 kind 推断）`,
    };
  }
  return {
    error: `无法判断栏目：不知道供稿单位，${UNIT_NOT_FOUND}${unseen ? `，来稿里的“${unseen}”不在名录中` : ''}。${addUnit} ${example}`,
  };
}
