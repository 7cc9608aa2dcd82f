/**
 * The sentences around the table, the same in the terminal and the 通报: which issues were
 * counted, whose unit was inferred, which items have none, which units reported nothing.
 */
import { formatDiagnostic } from '../diagnostics.js';
import type { Contribution } from './collect.js';
import type { Stats } from './count.js';

const KIND_WORD = { news: '动态', article: '文章', note: '编者按' } as const;

function where(c: Contribution): string {
  return `${c.at.file}:${c.at.line}`;
}

function issues(stats: Stats): string {
  const list = stats.collected.issues;
  if (!list.length) return '统计期间内没有出版的期次。';
  return `共 ${list.length} 期：${list.map((i) => `${i.label}（${i.date}）`).join('、')}。`;
}

/** 江西省教育厅、南昌市教育局 …: the units to remind (催报). */
function silentNames(stats: Stats): string {
  return stats.silent.map((r) => r.name).join('、');
}

interface Listing {
  title: string;
  lines: string[];
}

function lists(stats: Stats): Listing[] {
  const out: Listing[] = [];
  if (stats.inferred.length) {
    out.push({
      title: `以下 ${stats.inferred.length} 条没有写 unit:，单位由标题中的名称推断，请核对（不对时在稿件前言区写 unit:）：`,
      lines: stats.inferred.map(
        (c) => `${where(c)}  ${c.units.join('、')}（推断，标题中有“${c.inferredFrom!.join('”“')}”）  ${KIND_WORD[c.kind]}：${c.label}`,
      ),
    });
  }
  if (stats.unassigned.length) {
    out.push({
      title: `以下 ${stats.unassigned.length} 条找不到供稿单位，没有计入任何单位（请在稿件前言区写 unit:）：`,
      lines: stats.unassigned.map((c) => `${where(c)}  ${KIND_WORD[c.kind]}：${c.label}`),
    });
  }
  if (stats.receivedWithoutUnit) {
    out.push({ title: `另有 ${stats.receivedWithoutUnit} 份来稿的导入记录没有单位，没有计入收稿数。`, lines: [] });
  }
  const warned = stats.collected.warnings.list;
  if (warned.length) out.push({ title: '提醒：', lines: warned.map(formatDiagnostic) });
  if (stats.silent.length) {
    out.push({ title: `本期间没有报送信息的单位（${stats.silent.length} 个，请催报）：`, lines: [silentNames(stats)] });
  }
  return out;
}

export const describe = { issues, lists, silentNames };
