/** The series (bulletin.yaml): what every issue of one bulletin shares. */
import fs from 'node:fs';
import path from 'node:path';
import { Diagnostics, UserError } from '../diagnostics.js';
import type { ContentsSetting, DistributionKey, FontRole, SectionKind } from '../model/types.js';
import { readSourceText } from '../sources/read-text.js';
import { DEFAULT_UNIT_KINDS, UnitRegistry, type Unit } from '../units/registry.js';
import { isInside, unsafeNameReason } from './safe-name.js';
import { nearest } from './suggest.js';
import { loadYaml } from './yaml-load.js';

export const SERIES_FILE = 'bulletin.yaml';
/** The reserved section name of the editor's note. */
export const NOTE_SECTION = '编者按';

export type Recipients = string | string[];

export interface SeriesFile {
  series: string;
  name: string;
  publisher: string;
  numbering?: 'continuous' | 'yearly';
  label?: string;
  totalLabel?: string;
  totalOffset?: number;
  specialLabel?: string;
  issuesDir?: string;
  sections: Array<string | { name: string; kind?: SectionKind }>;
  distribution?: Partial<Record<DistributionKey, Recipients>>;
  copies?: number;
  classification?: string;
  endBlockOnEvenPage?: boolean;
  contents?: ContentsSetting;
  preprinted?: boolean;
  fonts?: Partial<Record<FontRole, string | string[]>>;
  units?: Array<{ name: string; kind: string; aliases?: string[] }>;
  unitKinds?: string[];
  statsWeights?: Partial<StatsWeights>;
}

/** How much one printed item of each kind weighs in the total of `bulletin stats`. */
export interface StatsWeights {
  news: number;
  article: number;
  note: number;
}

export const DEFAULT_STATS_WEIGHTS: StatsWeights = { news: 1, article: 1, note: 1 };

/** bulletin.yaml with defaults applied. */
export interface Series {
  root: string;
  file: string;
  seriesLine: string;
  name: string;
  publisher: string;
  numbering: 'continuous' | 'yearly';
  label: string;
  totalLabel?: string;
  totalOffset: number;
  specialLabel: string;
  issuesDir: string;
  sections: Array<{ name: string; kind: SectionKind }>;
  distribution: Partial<Record<DistributionKey, Recipients>>;
  copies?: number;
  classification?: string;
  endBlockOnEvenPage: boolean;
  /** Whether page 1 prints the contents box (本期要目); an issue may say otherwise. */
  contents: ContentsSetting;
  /**
   * The office prints on paper whose red masthead is already printed: `build` leaves those
   * parts out of the PDF and DOCX. A fact of the office's paper, not of an issue: `build`
   * reads it from the current bulletin.yaml even for an issued issue, and the archive ignores it.
   */
  preprinted: boolean;
  fonts: Partial<Record<FontRole, string[]>>;
  /** The register of reporting units; empty when bulletin.yaml has no `units:`. */
  units: UnitRegistry;
  statsWeights: StatsWeights;
  /** Line of each top-level key, for messages about values that pass the schema but not sense. */
  lineOf(pathParts: Array<string | number>): number | undefined;
}

/** The series folder: the nearest folder at or above `start` with a bulletin.yaml. */
export function findSeriesRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, SERIES_FILE))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function requireSeriesRoot(start: string): string {
  const root = findSeriesRoot(start);
  if (!root) {
    throw new UserError(
      `在 ${path.resolve(start)} 及其上级文件夹中找不到 ${SERIES_FILE}。请在简报系列的文件夹中运行，或先用 bulletin init 新建一个系列`,
    );
  }
  return root;
}

/** `recorded`: the text of bulletin.yaml as an issued issue's record kept it, instead of the file. */
export function loadSeries(root: string, diags: Diagnostics, recorded?: string): Series | undefined {
  const file = path.join(root, SERIES_FILE);
  const text = recorded ?? readSourceText(file, SERIES_FILE, diags);
  if (text === undefined) return undefined;
  const loaded = loadYaml<SeriesFile>({ file: SERIES_FILE, text }, 'bulletin', diags);
  const v = loaded.value;
  if (!v) return undefined;
  const sections = v.sections.map((s) =>
    typeof s === 'string' ? { name: s, kind: defaultKind(s) } : { name: s.name, kind: s.kind ?? defaultKind(s.name) },
  );
  const seen = new Set<string>();
  sections.forEach((s, i) => {
    const clean = s.name.replace(/^【|】$/g, '');
    if (clean !== s.name) s.name = clean;
    const unsafe = unsafeNameReason(s.name);
    const at = loaded.lineOf(['sections', i]);
    if (unsafe) diags.error('series-section-name', SERIES_FILE, at, 1, `栏目名“${s.name}”${unsafe}：栏目名会用作稿件文件名。请改一个名字`);
    if (seen.has(s.name))
      diags.error('series-section-twice', SERIES_FILE, loaded.lineOf(['sections', i]), 1, `栏目“${s.name}”写了两次，请删去一个`);
    if (s.name === NOTE_SECTION)
      diags.error(
        'series-section-reserved',
        SERIES_FILE,
        loaded.lineOf(['sections', i]),
        1,
        `“${NOTE_SECTION}”不是栏目，编者按放在稿件前言区 section: ${NOTE_SECTION} 即可，请从 sections 中删去`,
      );
    seen.add(s.name);
  });
  const issuesDir = v.issuesDir ?? 'issues';
  if (!issuesDirInside(root, issuesDir)) {
    diags.error(
      'series-issues-dir',
      SERIES_FILE,
      loaded.lineOf(['issuesDir']),
      1,
      `issuesDir“${issuesDir}”在系列文件夹之外。各期文件夹必须放在 ${SERIES_FILE} 所在的文件夹里的一个子文件夹中，请写相对路径，如 issuesDir: issues`,
    );
  } else if (path.resolve(root, issuesDir) === path.resolve(root)) {
    // The series folder itself would make dist/, templates/ and every other folder an "issue".
    diags.error(
      'series-issues-dir',
      SERIES_FILE,
      loaded.lineOf(['issuesDir']),
      1,
      `issuesDir“${issuesDir}”是系列文件夹本身。各期文件夹要放在一个子文件夹里，请写子文件夹的名字，如 issuesDir: issues（不写则默认为 issues）`,
    );
  }
  const fonts: Partial<Record<FontRole, string[]>> = {};
  for (const [role, list] of Object.entries(v.fonts ?? {})) {
    fonts[role as FontRole] = typeof list === 'string' ? [list] : list;
  }
  return {
    root,
    file,
    seriesLine: v.series,
    name: v.name,
    publisher: v.publisher,
    numbering: v.numbering ?? 'continuous',
    label: v.label ?? '第{n}期',
    totalLabel: v.totalLabel,
    totalOffset: v.totalOffset ?? 0,
    specialLabel: v.specialLabel ?? '{special}第{n}期',
    issuesDir,
    sections,
    distribution: v.distribution ?? {},
    copies: v.copies,
    classification: v.classification,
    endBlockOnEvenPage: v.endBlockOnEvenPage ?? false,
    contents: v.contents ?? 'auto',
    preprinted: v.preprinted ?? false,
    fonts,
    units: unitRegistry(v, loaded.lineOf, diags),
    statsWeights: { ...DEFAULT_STATS_WEIGHTS, ...(v.statsWeights ?? {}) },
    lineOf: loaded.lineOf,
  };
}

/** The issues folder must be below the series folder, also once symlinks are followed. */
function issuesDirInside(root: string, dir: string): boolean {
  if (path.isAbsolute(dir) || /^[a-z]:/i.test(dir)) return false;
  const abs = path.resolve(root, dir);
  if (!isInside(root, abs)) return false;
  try {
    return isInside(fs.realpathSync(root), fs.realpathSync(abs));
  } catch {
    return true; // not there yet: `new` creates it, inside
  }
}

/** `units:` checked for names that would make two units one, and kinds nobody declared. */
function unitRegistry(v: SeriesFile, lineOf: Series['lineOf'], diags: Diagnostics): UnitRegistry {
  const kinds = v.unitKinds ?? [...DEFAULT_UNIT_KINDS];
  const owner = new Map<string, string>();
  const units: Unit[] = [];
  (v.units ?? []).forEach((u, i) => {
    const name = u.name.trim();
    if (!kinds.includes(u.kind)) {
      const guess = nearest(u.kind, kinds);
      diags.error(
        'unit-kind-unknown',
        SERIES_FILE,
        lineOf(['units', i, 'kind']),
        1,
        `单位“${name}”的类别“${u.kind}”不在 ${kinds.join('、')} 之中。${guess ? `是不是“${guess}”？` : ''}自定类别请写在 unitKinds 中`,
      );
    }
    const spellings = [name, ...(u.aliases ?? []).map((a) => a.trim())];
    spellings.forEach((s, k) => {
      const other = owner.get(s);
      if (other !== undefined) {
        const line = lineOf(k === 0 ? ['units', i, 'name'] : ['units', i, 'aliases', k - 1]);
        diags.error(
          'unit-name-twice',
          SERIES_FILE,
          line,
          1,
          other === name
            ? `单位“${name}”的名称“${s}”写了两次，请删去一个`
            : `“${s}”已经是单位“${other}”的名称或别名，不能再指单位“${name}”。请删去其中一处`,
        );
      } else owner.set(s, name);
    });
    units.push({ name, kind: u.kind, aliases: (u.aliases ?? []).map((a) => a.trim()), index: i });
  });
  return new UnitRegistry(units, kinds);
}

/** 经验交流-like columns hold articles; every other column holds news items. */
function defaultKind(name: string): SectionKind {
  return /交流|经验|做法|调研|思考|论坛/.test(name) ? 'articles' : 'news';
}

/** Loads or throws a UserError carrying the diagnostics. */
export function loadSeriesOrThrow(root: string): Series {
  const diags = new Diagnostics();
  const series = loadSeries(root, diags);
  if (!series || diags.hasErrors()) throw new UserError(`${SERIES_FILE} 有错误，请先改正`, diags.list);
  return series;
}
