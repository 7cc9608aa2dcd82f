/**
 * Stage 1 of `stats`: what the period's issues printed, one record per news item, article and
 * editor's note, each with the units it counts for — from `unit:`, or inferred from the
 * registry names in its lead — and the submissions the issues received through import.
 */
import { NOTE_SECTION } from '../config/series.js';
import { formatChineseDate, toIso } from '../dates.js';
import { Diagnostics, UserError } from '../diagnostics.js';
import type { SourcePos } from '../model/types.js';
import { issueLabel } from '../numbering/label.js';
import { loadIssue, type SeriesContext } from '../pipeline.js';
import { byDateThenNumber } from '../sources/find.js';
import type { SourceFile } from '../sources/load.js';
import type { UnitRegistry } from '../units/registry.js';
import { inPeriod, type Period } from './period.js';
import { importLog, type ReceivedSource, type Submission } from './received.js';

export type ItemKind = 'news' | 'article' | 'note';

export interface Contribution {
  kind: ItemKind;
  /** Section name; 编者按 for the note. */
  section: string;
  /** Lead of a news item, title of an article or note: how the clerk recognises it. */
  label: string;
  /** Canonical names (or, for a name the registry lacks, as written). */
  units: string[];
  /** True when the units were found in the lead rather than given by `unit:`. */
  inferred: boolean;
  /** The spellings the inference found, for "标题中有“赣州市”". */
  inferredFrom?: string[];
  /** SHA-256 of the submission the item came from (front matter `source:`). */
  sourceSha?: string;
  issue: string;
  at: SourcePos;
}

export interface CollectedIssue {
  label: string;
  isoDate: string;
  date: string;
  dir: string;
}

export interface Collected {
  period: Period;
  issues: CollectedIssue[];
  items: Contribution[];
  submissions: Submission[];
  /** Warnings worth showing (unknown units, unreadable import records). */
  warnings: Diagnostics;
}

/** Units named in a text, for items without `unit:`. */
function infer(registry: UnitRegistry, text: string): { units: string[]; spellings: string[] } {
  const found = registry.findIn(text);
  return { units: found.map((m) => m.unit.name), spellings: found.map((m) => m.text) };
}

function contribution(
  base: Omit<Contribution, 'units' | 'inferred' | 'inferredFrom'>,
  given: string[],
  lead: string,
  registry: UnitRegistry,
): Contribution {
  if (given.length) return { ...base, units: given, inferred: false };
  const { units, spellings } = infer(registry, lead);
  return units.length ? { ...base, units, inferred: true, inferredFrom: spellings } : { ...base, units: [], inferred: false };
}

export function collect(ctx: SeriesContext, period: Period, received: ReceivedSource = importLog): Collected {
  const registry = ctx.series.units;
  const warnings = new Diagnostics();
  const chosen = ctx.issues.filter((c) => inPeriod(period, c.date)).sort(byDateThenNumber);
  const issues: CollectedIssue[] = [];
  const items: Contribution[] = [];
  const submissions: Submission[] = [];
  const failed = new Diagnostics();

  for (const cfg of chosen) {
    const diags = new Diagnostics();
    const { issue, sources } = loadIssue(ctx, cfg, diags);
    if (!issue) {
      failed.merge(diags);
      continue;
    }
    warnings.list.push(...diags.warnings.filter((d) => d.rule === 'unit-unknown'));
    const label = issueLabel(ctx.series, { number: cfg.number, year: cfg.date.year, special: cfg.special });
    issues.push({ label, isoDate: toIso(cfg.date), date: formatChineseDate(cfg.date), dir: issue.meta.dir });
    const byFile = new Map<string, SourceFile>(sources.map((s) => [s.rel, s]));
    const shaOf = (file: string): string | undefined => byFile.get(file)?.front?.source?.sha256?.toLowerCase();

    if (issue.note) {
      const src = byFile.get(issue.note.at.file);
      const raw = src?.front?.unit;
      const given = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((n) => registry.canonical(n)).filter(Boolean);
      const title = issue.note.title === NOTE_SECTION ? '' : issue.note.title;
      items.push(
        contribution(
          {
            kind: 'note',
            section: NOTE_SECTION,
            label: issue.note.title,
            sourceSha: shaOf(issue.note.at.file),
            issue: label,
            at: issue.note.at,
          },
          given,
          title,
          registry,
        ),
      );
    }
    for (const section of issue.sections) {
      for (const e of section.entries) {
        const base = { section: section.name, sourceSha: shaOf(e.at.file), issue: label, at: e.at };
        items.push(
          e.kind === 'news'
            ? contribution({ ...base, kind: 'news', label: e.leadText }, e.units, e.leadText, registry)
            : contribution({ ...base, kind: 'article', label: e.title }, e.units, `${e.title}\n${e.subtitle ?? ''}`, registry),
        );
      }
    }
    submissions.push(...received.read(cfg.dir, ctx.series.root, warnings));
  }
  if (failed.hasErrors()) {
    // Counting around a broken issue would quietly undercount the units whose items it holds.
    throw new UserError('统计期间内有的期次稿件有错误，统计会不准确。请先运行 bulletin check --all 改正', failed.errors);
  }
  return { period, issues, items, submissions, warnings };
}
