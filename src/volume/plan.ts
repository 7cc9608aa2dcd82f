/**
 * Where each issue of a bound volume comes from, decided and checked before anything slow is
 * done: an issued issue from its archived PDF, exactly as issued; an issued issue the archive
 * does not hold yet from its record (issued.json), as `build` makes it; a draft from its
 * sources. The archive is untrusted input (it is published and comes back from git or a Pages
 * artifact): the folder must hold no links (tree-guard.ts), the manifest must have the shape
 * archive writes (manifest.ts), and the PDF must be the very bytes the manifest lists. Every
 * damaged record is named, with how to restore it, before the command stops.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import type { ContentsEntry } from '../archive/contents.js';
import { sha256 } from '../archive/inputs.js';
import { readManifest, type Manifest, type ManifestFile, type ManifestIssue } from '../archive/manifest.js';
import { driftDiagnostics, readRecord, RECORD_FILE, type IssueRecord } from '../archive/record.js';
import { checkArchiveTree, unsafePart } from '../archive/tree-guard.js';
import type { IssueConfig } from '../config/issue-file.js';
import type { Diagnostic } from '../diagnostics.js';
import { issueLabel } from '../numbering/label.js';
import { relPath } from '../paths.js';
import type { SeriesContext } from '../pipeline.js';
import { FileRefused, readUserFile } from '../sources/user-file.js';
import { outlineContents } from './pdf-outline.js';

export type IssuePlan =
  | { cfg: IssueConfig; origin: 'archive'; entry: ManifestIssue; doc: PDFDocument; contents: ContentsEntry[]; sha256: string }
  | { cfg: IssueConfig; origin: 'record'; record: IssueRecord }
  | { cfg: IssueConfig; origin: 'sources' };

export interface VolumePlan {
  plans: IssuePlan[];
  /** What the terminal should say about issues not taken from the archive. */
  notes: string[];
  /** Sources edited after issue (warnings), and damaged records (errors). */
  problems: Diagnostic[];
}

/** Far more than an issue's PDF with its pictures weighs: an archive that lists a larger one was not written by us. */
const MAX_PDF_BYTES = 512 * 2 ** 20;

const RESTORE = '请从备份或 git 历史（存档分支）恢复它，bulletin archive --verify 可以核对整个存档';

/** Reads and checks one archived PDF against its manifest entry; a problem is returned located at the file. */
async function archivedPdf(
  archiveDir: string,
  shownDir: string,
  entry: ManifestIssue,
): Promise<{ doc: PDFDocument; contents: ContentsEntry[]; sha256: string } | Diagnostic> {
  const f: ManifestFile | undefined = entry.files.find((x) => x.format === 'pdf' && x.path.endsWith('.pdf'));
  const at = (file: string, message: string): Diagnostic => ({ severity: 'error', rule: 'volume-archive', file, message });
  if (!f)
    return at(
      `${shownDir}/manifest.json`,
      `清单中${entry.label}（${entry.source}）没有 PDF。存档清单只应由 bulletin archive 写出：${RESTORE}`,
    );
  const shown = `${shownDir}/${f.path}`;
  const link = unsafePart(archiveDir, f.path);
  if (link) return link;
  const abs = path.join(archiveDir, f.path);
  const altered = (): Diagnostic => at(shown, `已印发（${entry.issued}）的存档文件被改动过：与清单中的 SHA-256 不符。${RESTORE}`);
  let size: number;
  try {
    size = fs.statSync(abs).size;
  } catch {
    return at(shown, `存档文件不见了（清单中${entry.label}印发的 PDF）。${RESTORE}；也可以运行 bulletin archive，按印发记录重新生成它`);
  }
  // Read only what the manifest says is there, and never more than an issue's PDF can weigh.
  if (size !== f.size) return altered();
  if (size > MAX_PDF_BYTES) return at(shown, `有 ${Math.round(size / 2 ** 20)} MB，不是 bulletin 存档时写出的一期 PDF。${RESTORE}`);
  // Through the one reader of the user's files: a regular file only, never past the manifest's size.
  let bytes: Buffer;
  try {
    bytes = readUserFile(abs, { shown, maxBytes: f.size });
  } catch (e) {
    if (e instanceof FileRefused) return at(shown, `${e.detail}。${RESTORE}`);
    throw e;
  }
  const hash = sha256(bytes);
  if (hash !== f.sha256) return altered();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true, parseSpeed: ParseSpeeds.Fastest });
  } catch (e) {
    return at(shown, `无法作为 PDF 读取（${(e as Error).message}），与清单相符，但不是 bulletin 写出的文件。${RESTORE}`);
  }
  if (doc.isEncrypted || doc.getPageCount() !== f.pages) {
    return at(
      shown,
      `${doc.isEncrypted ? '是加密的 PDF' : `有 ${doc.getPageCount()} 页，清单中记的是 ${f.pages} 页`}，不是 bulletin 存档时写出的文件。${RESTORE}`,
    );
  }
  // The record made at archive time; older manifests have none, and the PDF's own bookmarks say it.
  const contents = entry.contents ?? outlineContents(doc, entry);
  if (!contents) return at(shown, `没有书签，读不出各条从第几页开始，不是 bulletin 写出的 PDF。${RESTORE}`);
  const outside = contents.find((c) => c.page > f.pages);
  if (outside)
    return at(
      `${shownDir}/manifest.json`,
      `清单中${entry.label}的“${outside.text}”在第 ${outside.page} 页，而 PDF 只有 ${f.pages} 页。存档清单只应由 bulletin archive 写出：${RESTORE}`,
    );
  return { doc, contents, sha256: hash };
}

export async function planVolume(ctx: SeriesContext, issues: IssueConfig[], archiveDir: string): Promise<VolumePlan> {
  const root = ctx.series.root;
  const shownDir = relPath(process.cwd(), archiveDir);
  // Before anything in it is read: no links, no devices.
  checkArchiveTree(archiveDir);
  const manifest: Manifest | undefined = readManifest(archiveDir);
  const bySource = new Map((manifest?.issues ?? []).map((i) => [i.source, i]));
  const out: VolumePlan = { plans: [], notes: [], problems: [] };
  for (const cfg of issues) {
    const source = relPath(root, cfg.dir);
    const label = issueLabel(ctx.series, { number: cfg.number, year: cfg.date.year, special: cfg.special });
    const recordFile = relPath(root, path.join(cfg.dir, RECORD_FILE));
    const error = (file: string, message: string): void =>
      void out.problems.push({ severity: 'error', rule: 'volume-archive', file, message });
    const rec = readRecord(root, cfg);
    const entry = bySource.get(source);
    if (!rec) {
      if (entry?.issued) error(recordFile, `${entry.label}已于 ${entry.issued} 印发，但印发记录不见了。请从版本库或备份恢复这个文件`);
      else if (cfg.issued !== undefined)
        error(cfg.file, `issue.yaml 写了 issued，但没有印发记录 ${RECORD_FILE}。请运行 bulletin issue ${cfg.number}，它会记下印发时的设置`);
      else {
        out.notes.push(`${label}（${source}）还没有印发，按现在的稿件生成。`);
        out.plans.push({ cfg, origin: 'sources' });
      }
      continue;
    }
    out.problems.push(...driftDiagnostics(root, cfg, rec.record, entry?.label ?? label));
    if (!entry?.issued) {
      out.notes.push(
        `${label}（${source}）已于 ${rec.record.issued} 印发，但存档（${shownDir}/）中还没有印发的文件，按印发记录生成，与 bulletin build 相同。运行 bulletin archive 之后，合订本用存档中的文件。`,
      );
      out.plans.push({ cfg, origin: 'record', record: rec.record });
      continue;
    }
    if (entry.record !== rec.sha256) {
      error(
        recordFile,
        `印发记录与存档时不同，不知道存档中的${entry.label}是否还是印发的样子。请从版本库或备份恢复这个文件；确要改动已印发的这一期，运行 bulletin archive --reissue ${cfg.number}`,
      );
      continue;
    }
    const pdf = await archivedPdf(archiveDir, shownDir, entry);
    if ('severity' in pdf) out.problems.push(pdf);
    else out.plans.push({ cfg, origin: 'archive', entry, ...pdf });
  }
  return out;
}
