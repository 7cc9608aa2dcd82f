/**
 * The record of an issued (印发) issue, kept beside its sources as issued.json: the effective
 * series settings, its 总第N期, the hashes of its sources, and the tool and fonts of the day.
 * With it the archive rebuilds the issue as it was sent out, whatever bulletin.yaml says later,
 * and --verify can tell which sources were edited after issue.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { IssueConfig } from '../config/issue-file.js';
import { loadSeries, SERIES_FILE, type Series } from '../config/series.js';
import { Diagnostics, UserError, type Diagnostic } from '../diagnostics.js';
import { MAX_SOURCE_BYTES, readSourceText } from '../sources/read-text.js';
import { FileRefused, readUserFile, readUserText } from '../sources/user-file.js';
import { totalFor } from '../numbering/sequence.js';
import { relPath } from '../paths.js';
import type { SeriesContext } from '../pipeline.js';
import { VERSION } from '../version.js';
import { feedIssueFile, listFiles, sha256 } from './inputs.js';
import { byCodeUnits } from '../text-order.js';

export const RECORD_FILE = 'issued.json';
const RECORD_FORMAT = 'bulletin-issue-record/1';

/** bulletin.yaml as resolved for one issue (defaults applied); paths stay relative to the series. */
export type SeriesSettings = Omit<Series, 'root' | 'file' | 'lineOf'>;

export interface IssueRecord {
  format: typeof RECORD_FORMAT;
  issued: string;
  /** Dates of explicit re-issues (archive --reissue), oldest first. */
  reissued?: string[];
  tool: { version: string; hash: string };
  fontHash: string;
  total?: number;
  /** bulletin.yaml as it was: what a rebuild loads, so the record follows the loader's evolution. */
  bulletinYaml: string;
  /** The same settings resolved (defaults applied), for people reading the record. */
  settings: SeriesSettings;
  /** Every file of the issue folder except this record: path (forward slashes) → SHA-256. */
  sources: Record<string, string>;
}

export function recordPath(cfg: Pick<IssueConfig, 'dir'>): string {
  return path.join(cfg.dir, RECORD_FILE);
}

export function settingsOf(series: Series): SeriesSettings {
  const { root: _root, file: _file, lineOf: _lineOf, ...settings } = series;
  return JSON.parse(JSON.stringify(settings)) as SeriesSettings;
}

/** Every file of the issue folder (but the record) by its SHA-256; a file that cannot be hashed is a FileRefused. */
export function sourceHashes(issueDir: string, seriesRoot: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of listFiles(issueDir)) {
    const rel = relPath(issueDir, f);
    if (rel === RECORD_FILE) continue;
    const h = crypto.createHash('sha256');
    feedIssueFile(h, seriesRoot, f);
    out[rel] = h.digest('hex');
  }
  return out;
}

export function makeRecord(
  ctx: SeriesContext,
  cfg: IssueConfig,
  issued: string,
  shared: { tool: string; fonts: string },
  previous?: IssueRecord,
  reissuedOn?: string,
): IssueRecord {
  const total = cfg.total ?? totalFor(ctx.series.numbering, ctx.series.totalOffset, ctx.issues, cfg);
  return {
    format: RECORD_FORMAT,
    issued: previous?.issued ?? issued,
    ...(reissuedOn ? { reissued: [...(previous?.reissued ?? []), reissuedOn] } : {}),
    tool: { version: VERSION, hash: shared.tool },
    fontHash: shared.fonts,
    ...(total !== undefined ? { total } : {}),
    bulletinYaml: seriesText(ctx.series),
    settings: settingsOf(ctx.series),
    sources: sourceHashes(cfg.dir, ctx.series.root),
  };
}

function seriesText(series: Series): string {
  const diags = new Diagnostics();
  const text = readSourceText(series.file, SERIES_FILE, diags);
  if (text === undefined) throw new UserError(`无法读取 ${SERIES_FILE}`, diags.list);
  return text;
}

export function recordJson(r: IssueRecord): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function recordProblem(v: unknown): string | undefined {
  if (!isObj(v)) return '内容不是一个 JSON 对象';
  if (v.format !== RECORD_FORMAT) return `“format”应当是 ${RECORD_FORMAT}`;
  if (typeof v.issued !== 'string') return '缺少“issued”（印发日期）';
  if (!isObj(v.tool) || typeof v.tool.version !== 'string' || typeof v.tool.hash !== 'string') return '缺少“tool”';
  if (typeof v.fontHash !== 'string') return '缺少“fontHash”';
  if (typeof v.bulletinYaml !== 'string') return '缺少“bulletinYaml”（印发时的系列设置）';
  if (v.total !== undefined && !Number.isInteger(v.total)) return '“total”不是整数';
  if (!isObj(v.settings)) return '缺少“settings”';
  if (!isObj(v.sources) || !Object.values(v.sources).every((h) => typeof h === 'string')) return '“sources”格式不对';
  return undefined;
}

/** The record of an issue, undefined for a draft; a damaged record stops with the file named. */
export function readRecord(seriesRoot: string, cfg: Pick<IssueConfig, 'dir'>): { record: IssueRecord; sha256: string } | undefined {
  const file = recordPath(cfg);
  const shown = relPath(seriesRoot, file);
  let bytes: Buffer;
  try {
    bytes = readUserFile(file, { shown, maxBytes: MAX_SOURCE_BYTES, what: '印发记录' });
  } catch (e) {
    if (e instanceof FileRefused && e.reason === 'missing') return undefined;
    throw e;
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw UserError.at(shown, `不是有效的 JSON（${(e as Error).message}）。这是 bulletin issue 写下的印发记录，请从版本库或备份恢复它`);
  }
  const problem = recordProblem(value);
  if (problem) throw UserError.at(shown, `格式不对：${problem}。这是 bulletin issue 写下的印发记录，请从版本库或备份恢复它`);
  return { record: value as IssueRecord, sha256: sha256(bytes) };
}

/** The series as it was when the issue was issued, at today's folder. */
export function recordedSeries(record: IssueRecord, current: Series, issueDir: string): Series {
  const diags = new Diagnostics();
  const series = loadSeries(current.root, diags, record.bulletinYaml);
  if (!series || diags.hasErrors()) {
    const where = relPath(current.root, path.join(issueDir, RECORD_FILE));
    // The problems are in the text the record keeps, not in today's bulletin.yaml: they are
    // placed at the record's bulletinYaml line, with the line inside that text in the message.
    const at = bulletinYamlLine(path.join(issueDir, RECORD_FILE), where);
    const located = diags.list.map((d) => ({
      ...d,
      file: where,
      line: at,
      column: undefined,
      message: `印发记录里记下的 ${SERIES_FILE}${d.line !== undefined ? ` 第 ${d.line} 行${d.column !== undefined ? `第 ${d.column} 列` : ''}` : ''}：${d.message}`,
    }));
    throw new UserError(
      `${where} 中记下的 ${SERIES_FILE} 不能被这个版本的 bulletin 读取。请用记录时的 bulletin 版本，或确要改动时运行 bulletin archive --reissue`,
      located,
    );
  }
  return series;
}

/** Line of the `"bulletinYaml"` key in a record file, when it can be read. */
function bulletinYamlLine(file: string, shown: string): number | undefined {
  try {
    const lines = readUserText(file, { shown, maxBytes: MAX_SOURCE_BYTES }).split('\n');
    const i = lines.findIndex((l) => /^\s*"bulletinYaml"\s*:/.test(l));
    return i >= 0 ? i + 1 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The series and issue as they were issued: the recorded bulletin.yaml and 总第N期, so `build`
 * and the archive make an issued issue the way it was sent out, whatever bulletin.yaml says now.
 */
export function asIssued<C extends { series: Series }, I extends Pick<IssueConfig, 'dir' | 'total'>>(
  ctx: C,
  cfg: I,
  record: IssueRecord,
): { ctx: C; cfg: I } {
  return {
    ctx: { ...ctx, series: recordedSeries(record, ctx.series, cfg.dir) },
    cfg: record.total !== undefined ? { ...cfg, total: record.total } : cfg,
  };
}

/** Sources changed, added or removed since issue, as paths relative to the series root. */
export function editedSources(
  seriesRoot: string,
  cfg: Pick<IssueConfig, 'dir'>,
  record: IssueRecord,
): Array<{ file: string; how: 'changed' | 'added' | 'removed' }> {
  const now = sourceHashes(cfg.dir, seriesRoot);
  const out: Array<{ file: string; how: 'changed' | 'added' | 'removed' }> = [];
  const at = (rel: string): string => relPath(seriesRoot, path.join(cfg.dir, rel));
  for (const [rel, h] of Object.entries(record.sources)) {
    if (!(rel in now)) out.push({ file: at(rel), how: 'removed' });
    else if (now[rel] !== h) out.push({ file: at(rel), how: 'changed' });
  }
  for (const rel of Object.keys(now)) if (!(rel in record.sources)) out.push({ file: at(rel), how: 'added' });
  return out.sort((a, b) => byCodeUnits(a.file, b.file));
}

const HOW = { changed: '改动', added: '添加', removed: '删除' } as const;

/**
 * Drift: each source of an issued issue changed, added or removed since it was issued, as a
 * warning at that file (the record keeps only hashes, so no line can be named). The archive
 * keeps the issued files; the warning says the sources no longer match them.
 */
export function driftDiagnostics(
  seriesRoot: string,
  cfg: Pick<IssueConfig, 'dir' | 'number'>,
  record: IssueRecord,
  label: string,
): Diagnostic[] {
  return editedSources(seriesRoot, cfg, record).map((e) => ({
    severity: 'warning',
    rule: 'archive-drift',
    file: e.file,
    message: `${label}印发（${record.issued}）之后${HOW[e.how]}了这个文件，与印发的不再一致（存档中仍是印发时的样子）。确要改发请运行 bulletin archive --reissue ${cfg.number}；否则请把它改回印发时的样子`,
  }));
}
