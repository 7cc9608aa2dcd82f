/**
 * The archive's manifest: what each archived file is, so that it can be verified years later.
 * It is read back from disk — from a published folder anyone may have changed — so it is
 * untrusted input: its shape is checked, and every path must be one that `archive` itself
 * writes (year/name/content id/name.ext) before anything is read, linked to or removed.
 */
import path from 'node:path';
import { contentsProblem, type ContentsEntry } from './contents.js';
import type { ManifestItem } from './items.js';
import { UserError, type Diagnostic } from '../diagnostics.js';
import { FORMATS } from '../render/formats.js';
import { FileRefused, readUserText } from '../sources/user-file.js';
import { unsafePart } from './tree-guard.js';
import { byCodeUnits } from '../text-order.js';

export interface ManifestFile {
  /** Path relative to the archive folder, forward slashes. */
  path: string;
  format: string;
  size: number;
  sha256: string;
  /** Pages as this file's renderer laid it out, or, with pagesFrom, as the named format did. */
  pages: number;
  /**
   * Set when the file's own client paginates (the DOCX: Word/WPS break its pages at the
   * reader's end): the count is the PDF's, which LibreOffice's rendering of the DOCX matches
   * (test/docx/parity.test.ts); Word may differ with other fonts installed.
   */
  pagesFrom?: 'pdf';
}

/** What made an entry's files: kept so that --verify can tell a tool or font change from drift. */
export interface BuildInfo {
  tool: string;
  toolHash: string;
  fontHash: string;
}

export interface ManifestIssue {
  number: number;
  label: string;
  totalLabel?: string;
  special?: string;
  date: string;
  printDate: string;
  /** Issue folder relative to the series root. */
  source: string;
  inputHash: string;
  /** Date of issue (印发); present when the issue is frozen. */
  issued?: string;
  /** SHA-256 of the issue's record (issued.json) the frozen files were built from. */
  record?: string;
  build?: BuildInfo;
  sections: Array<{ name: string; items: number }>;
  note?: string;
  articles: string[];
  /** Every item with headline, unit and text, for the index and its search (absent in older manifests). */
  items?: ManifestItem[];
  /** Where the note, each column head and each item begin in the PDF (absent in older manifests). */
  contents?: ContentsEntry[];
  files: ManifestFile[];
}

export interface Manifest {
  series: string;
  name: string;
  publisher: string;
  tool: { name: 'bulletin'; version: string };
  /** SHA-256 of the index.html this run wrote, so that a user's own index.html is never replaced. */
  index?: string;
  issues: ManifestIssue[];
  /**
   * What the run that wrote this manifest reported (sources edited after issue, issues kept or
   * failed), files relative to the series root: the archive keeps its warnings, not only the
   * terminal that printed them. Absent when there were none.
   */
  diagnostics?: Diagnostic[];
}

export const MANIFEST_FILE = 'manifest.json';
export const INDEX_FILE = 'index.html';

/**
 * A manifest path is ours only if it is relative, forward-slashed, without `..`, `.` or empty
 * parts, and not a drive or UNC path: then joining it to the archive folder cannot leave it.
 */
export function safeArchivePath(p: unknown): p is string {
  if (typeof p !== 'string' || p.length === 0 || p.length > 1024) return false;
  if (p.includes('\\') || p.includes('\0') || p.startsWith('/') || /^[A-Za-z]:/.test(p)) return false;
  return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

const CONTENT_ID = /^[0-9a-f]{12}$/;

/**
 * Whether a (safe) manifest path has the shape of a file `archive` writes:
 * <year>/<stem>/<content id>/<stem><ext>. Nothing else is ever linked from the index or
 * removed: not index.html, not a clerk's note, not a script URL such as javascript:….
 */
export function archiveLayoutPath(p: string): boolean {
  const parts = p.split('/');
  if (parts.length !== 4) return false;
  const [year, stem, id, name] = parts as [string, string, string, string];
  return /^\d{1,6}$/.test(year) && CONTENT_ID.test(id) && FORMATS.some((f) => name === `${stem}${f.ext}`);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNat = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const optStr = (v: unknown): boolean => v === undefined || isStr(v);
const isHex = (v: unknown): boolean => isStr(v) && /^[0-9a-f]{64}$/.test(v);

/** The first thing wrong with a manifest, in Chinese, or undefined when its shape is right. */
export function manifestProblem(v: unknown): string | undefined {
  if (!isObj(v)) return '内容不是一个 JSON 对象';
  for (const k of ['series', 'name', 'publisher'] as const) if (!isStr(v[k])) return `缺少“${k}”或它不是文字`;
  if (!isObj(v.tool) || !isStr(v.tool.version)) return '缺少“tool.version”';
  if (v.index !== undefined && !isHex(v.index)) return '“index”不是 SHA-256';
  if (!Array.isArray(v.issues)) return '缺少“issues”列表';
  if (v.diagnostics !== undefined) {
    if (!Array.isArray(v.diagnostics)) return '“diagnostics”不是列表';
    for (const [k, d] of v.diagnostics.entries()) {
      const ok =
        isObj(d) && ['error', 'warning', 'note'].includes(d.severity as string) && isStr(d.file) && isStr(d.rule) && isStr(d.message);
      if (!ok || (d.line !== undefined && !isNat(d.line)) || (d.column !== undefined && !isNat(d.column)))
        return `diagnostics[${k}] 格式不对`;
    }
  }
  for (const [k, i] of v.issues.entries()) {
    const at = `issues[${k}]`;
    if (!isObj(i)) return `${at} 不是对象`;
    if (!isNat(i.number)) return `${at}.number 不是整数`;
    for (const f of ['label', 'date', 'printDate', 'source', 'inputHash'] as const) if (!isStr(i[f])) return `${at}.${f} 缺少或不是文字`;
    for (const f of ['totalLabel', 'special', 'issued', 'note', 'record'] as const) if (!optStr(i[f])) return `${at}.${f} 不是文字`;
    if (i.build !== undefined && !(isObj(i.build) && isStr(i.build.tool) && isStr(i.build.toolHash) && isStr(i.build.fontHash)))
      return `${at}.build 格式不对`;
    if (!Array.isArray(i.sections) || !i.sections.every((s) => isObj(s) && isStr(s.name) && isNat(s.items)))
      return `${at}.sections 格式不对`;
    if (!Array.isArray(i.articles) || !i.articles.every(isStr)) return `${at}.articles 格式不对`;
    if (i.contents !== undefined) {
      const wrong = contentsProblem(i.contents);
      if (wrong) return `${at}.contents${wrong.startsWith('[') ? '' : ' '}${wrong}`;
    }
    if (!Array.isArray(i.files)) return `${at}.files 不是列表`;
    for (const [n, f] of i.files.entries()) {
      const fat = `${at}.files[${n}]`;
      if (!isObj(f)) return `${fat} 不是对象`;
      if (!safeArchivePath(f.path)) return `${fat}.path“${String(f.path)}”不是存档文件夹内的相对路径（不能含 ..、不能是绝对路径）`;
      if (!archiveLayoutPath(f.path))
        return `${fat}.path“${f.path}”不是 bulletin 存档的文件路径（应为 年份/文件名/内容编号/文件名.扩展名）`;
      if (!isStr(f.format) || !isNat(f.size) || !isNat(f.pages) || !isHex(f.sha256))
        return `${fat} 的 format、size、pages 或 sha256 格式不对`;
    }
  }
  return undefined;
}

/**
 * The manifest in `dir`, or undefined when there is none. One that cannot be read or has the
 * wrong shape stops the command: guessing would risk deleting or trusting the wrong files.
 */
export function readManifest(dir: string): Manifest | undefined {
  const file = path.join(dir, MANIFEST_FILE);
  // A link would make us read (and trust) a file from anywhere.
  const link = unsafePart(dir, MANIFEST_FILE);
  if (link) throw new UserError(`${file} 不是普通文件，没有读取`, [link]);
  let text: string;
  try {
    text = readUserText(file, { shown: file, maxBytes: 256 * 1024 * 1024, what: '存档清单' });
  } catch (e) {
    if (e instanceof FileRefused && e.reason === 'missing') return undefined;
    throw e;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw UserError.at(
      file,
      `不是有效的 JSON（${(e as Error).message}）。存档清单只应由 bulletin archive 写出：请从备份恢复它，或把它移走后重新运行 bulletin archive`,
    );
  }
  const problem = manifestProblem(value);
  if (problem) {
    throw UserError.at(
      file,
      `格式不对：${problem}。存档清单只应由 bulletin archive 写出：请从备份恢复它，或把它移走后重新运行 bulletin archive`,
    );
  }
  return value as Manifest;
}

export function sortIssues(list: ManifestIssue[]): ManifestIssue[] {
  return [...list].sort((a, b) => byCodeUnits(a.date, b.date) || byCodeUnits(a.special ?? '', b.special ?? '') || a.number - b.number);
}

export function manifestJson(m: Manifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}
