/**
 * Stage 2 of `stats`: the collected items counted per unit of the registry. One table model
 * that every output (terminal table, CSV, workbook, 通报) prints as it is, so the figures
 * agree across formats.
 */
import { NOTE_SECTION, type Series, type StatsWeights } from '../config/series.js';
import type { Collected, Contribution, ItemKind } from './collect.js';

export interface Column {
  /** Header as printed: the section name, 编者按. */
  title: string;
  kind: ItemKind;
}

export interface UnitRow {
  name: string;
  kind: string;
  /** False for a name that `unit:` gave but the registry lacks (already warned by check). */
  registered: boolean;
  /** Count per column, same order as Stats.columns. */
  counts: number[];
  /** Weighted sum of the counts. */
  total: number;
  /** How many of the counted items had their unit inferred from the lead. */
  inferred: number;
  received: number;
  adopted: number;
  /** Position for ties: registry order, unregistered names after it in order of appearance. */
  order: number;
}

export interface Stats {
  seriesName: string;
  publisher: string;
  collected: Collected;
  columns: Column[];
  weights: StatsWeights;
  /** Every unit, by total desc, then registry order. */
  rows: UnitRow[];
  /** Units with nothing printed and nothing received in the period (催报), registry order. */
  silent: UnitRow[];
  /** Items no unit could be found for, in issue order. */
  unassigned: Contribution[];
  /** Items whose unit was inferred, for the clerk to confirm. */
  inferred: Contribution[];
  /** Whether any issue of the period has import records: only then are 收稿/采用 shown. */
  hasImports: boolean;
  /** Submissions received that name no unit and whose items name none either. */
  receivedWithoutUnit: number;
  kinds: string[];
  totals: { counts: number[]; total: number; received: number; adopted: number };
}

/** Columns: every section of the series in print order, then 编者按. */
function columnsOf(series: Series): Column[] {
  return [
    ...series.sections.map((s): Column => ({ title: s.name, kind: s.kind === 'articles' ? 'article' : 'news' })),
    { title: NOTE_SECTION, kind: 'note' },
  ];
}

export function countStats(series: Series, collected: Collected): Stats {
  const registry = series.units;
  const weights = series.statsWeights;
  const columns = columnsOf(series);
  const rows = new Map<string, UnitRow>();
  const blank = (name: string, kind: string, registered: boolean, order: number): UnitRow => ({
    name,
    kind,
    registered,
    counts: columns.map(() => 0),
    total: 0,
    inferred: 0,
    received: 0,
    adopted: 0,
    order,
  });
  for (const u of registry.units) rows.set(u.name, blank(u.name, u.kind, true, u.index));
  const rowFor = (name: string): UnitRow => {
    const canonical = registry.canonical(name);
    let row = rows.get(canonical);
    if (!row) {
      row = blank(canonical, '名录外', false, registry.units.length + rows.size);
      rows.set(canonical, row);
    }
    return row;
  };

  const unassigned: Contribution[] = [];
  for (const item of collected.items) {
    if (!item.units.length) {
      unassigned.push(item);
      continue;
    }
    const col = columns.findIndex((c) => (item.kind === 'note' ? c.kind === 'note' : c.title === item.section));
    // An item naming several units counts once for each of them.
    for (const name of new Set(item.units.map((n) => registry.canonical(n)))) {
      const row = rowFor(name);
      row.counts[col]! += 1;
      row.total += weights[item.kind];
      if (item.inferred) row.inferred += 1;
    }
  }

  // Received: one per import record; adopted when an item printed in the period came from it.
  const printedShas = new Set(collected.items.map((i) => i.sourceSha).filter((s): s is string => !!s));
  let receivedWithoutUnit = 0;
  const seen = new Set<string>();
  for (const sub of collected.submissions) {
    if (seen.has(sub.sha256)) continue;
    seen.add(sub.sha256);
    let units = sub.unit ? [sub.unit] : [];
    if (!units.length) units = [...new Set(collected.items.filter((i) => i.sourceSha === sub.sha256).flatMap((i) => i.units))];
    if (!units.length) {
      receivedWithoutUnit += 1;
      continue;
    }
    for (const name of units) {
      const row = rowFor(name);
      row.received += 1;
      if (printedShas.has(sub.sha256)) row.adopted += 1;
    }
  }

  // Stable: equal totals keep registry order.
  const ordered = [...rows.values()].sort((a, b) => b.total - a.total || a.order - b.order);
  const silent = ordered
    .filter((r) => r.total === 0 && r.received === 0 && r.counts.every((c) => c === 0))
    .sort((a, b) => a.order - b.order);
  const totals = {
    counts: columns.map((_, k) => ordered.reduce((s, r) => s + r.counts[k]!, 0)),
    total: ordered.reduce((s, r) => s + r.total, 0),
    received: ordered.reduce((s, r) => s + r.received, 0),
    adopted: ordered.reduce((s, r) => s + r.adopted, 0),
  };
  const kinds = [...registry.kinds];
  for (const r of ordered) if (!kinds.includes(r.kind)) kinds.push(r.kind);
  return {
    seriesName: series.name,
    publisher: series.publisher,
    collected,
    columns,
    weights,
    rows: ordered,
    silent,
    unassigned,
    inferred: collected.items.filter((i) => i.inferred),
    hasImports: collected.submissions.length > 0,
    receivedWithoutUnit,
    kinds,
    totals,
  };
}

/** Rows that reported something: what the table and the 通报 list. */
export function activeRows(stats: Stats): UnitRow[] {
  const silent = new Set(stats.silent);
  return stats.rows.filter((r) => !silent.has(r));
}

/** 采用率 as printed: 67%, or — when nothing was received. */
export function rateText(row: { received: number; adopted: number }): string {
  return row.received ? `${Math.round((row.adopted / row.received) * 100)}%` : '—';
}

/** Weighted totals may be fractional (0.5 per note); integers print without decimals. */
export function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** The header and body cells of the main table, shared by table, CSV and workbook. */
export function tableCells(stats: Stats, rows: UnitRow[]): { header: string[]; body: string[][]; totals: string[] } {
  const header = ['序号', '单位', '类别', ...stats.columns.map((c) => c.title), '合计'];
  if (stats.hasImports) header.push('收稿', '采用', '采用率');
  const line = (r: UnitRow): string[] => {
    const cells = [r.name, r.kind, ...r.counts.map(String), numberText(r.total)];
    if (stats.hasImports) cells.push(String(r.received), String(r.adopted), rateText(r));
    return cells;
  };
  const body = rows.map((r, i) => [String(i + 1), ...line(r)]);
  const totals = ['', '合计', '', ...stats.totals.counts.map(String), numberText(stats.totals.total)];
  if (stats.hasImports) totals.push(String(stats.totals.received), String(stats.totals.adopted), rateText(stats.totals));
  return { header, body, totals };
}

/** The title of every output, e.g. 工作动态信息报送情况统计（2024年第2季度）. */
export function statsTitle(stats: Stats): string {
  return `《${stats.seriesName}》信息报送情况（${stats.collected.period.label}）`;
}

/** The note under the table on what weights the total uses, when they are not all 1. */
export function weightsNote(w: StatsWeights): string | undefined {
  if (w.news === 1 && w.article === 1 && w.note === 1) return undefined;
  return `合计按每条动态 ${numberText(w.news)} 分、每篇文章 ${numberText(w.article)} 分、每篇编者按 ${numberText(w.note)} 分折算。`;
}
