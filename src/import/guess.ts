/**
 * Who sent a submission and where it goes, when the clerk did not say: the unit from the
 * registry names found in the file name, then the document's title lines, then its opening
 * text; the section from the unit's kind. Each guess carries the reason, which is printed and
 * written into the item so the clerk can check it.
 */
import type { Series } from '../config/series.js';
import type { Unit } from '../units/registry.js';

export interface Guess<T> {
  value: T;
  /** Why, in Chinese, for the terminal and the front matter comment; undefined when given. */
  reason?: string;
}

export function guessUnit(series: Series, given: string | undefined, places: Array<{ where: string; text: string }>): Guess<Unit | string> | undefined {
  if (given !== undefined) return { value: series.units.resolve(given) ?? given.trim() };
  for (const p of places) {
    const m = series.units.findIn(p.text)[0];
    if (m) return { value: m.unit, reason: `${p.where}中有“${m.text}”` };
  }
  return undefined;
}

const SECTION_BY_KIND: Record<string, string> = { 高校: '高校动态', 设区市: '市县动态', 县区: '市县动态', 省直: '省级动态' };

export function guessSection(series: Series, given: string | undefined, unit: Unit | string | undefined, isArticle: boolean): Guess<string> | { error: string } {
  const names = series.sections.map((s) => s.name);
  if (given !== undefined) {
    if (!names.includes(given.trim())) return { error: `没有“${given}”这个栏目。bulletin.yaml 里的栏目有：${names.join('、')}` };
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
  // A unit given (or found) by a name the registry lacks has no kind to go by: say which.
  const why = kind
    ? `单位类别“${kind}”没有对应的栏目`
    : typeof unit === 'string'
      ? `供稿单位“${unit}”不在 bulletin.yaml 的名录中，不知道它属于哪一类`
      : '不知道供稿单位';
  return { error: `无法判断栏目（${why}）。请用 --section 指定，如 --section ${news[0]?.name ?? names[0]}` };
}
