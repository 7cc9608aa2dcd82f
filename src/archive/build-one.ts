/**
 * Builds one issue into the archive layout <out>/<year>/<stem>/<content id>/<stem>.<ext>.
 * The folder is named by the content of the files it holds, so a rebuild never writes over a
 * file the current manifest points to: the manifest switches to the new folder in one atomic
 * rename, and the old folder is removed only after that.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../diagnostics.js';
import { writeFileAtomic } from '../output/write-atomic.js';
import { relPath } from '../paths.js';
import { openSeries, type SeriesContext } from '../pipeline.js';
import { DEFAULT_FORMATS } from '../render/formats.js';
import { renderIssue } from '../render-issue.js';
import { issueContents } from './contents.js';
import { manifestItems } from './items.js';
import type { BuildInfo, ManifestFile, ManifestIssue } from './manifest.js';
import { sha256 } from './inputs.js';
import { hashUserFile } from '../sources/user-file.js';
import { asIssued, type IssueRecord } from './record.js';
import { assertPlainPath } from './tree-guard.js';

export interface BuildTask {
  seriesRoot: string;
  /** The issue folder, absolute. */
  issueDir: string;
  outDir: string;
  inputHash: string;
  build: BuildInfo;
  /** An issued issue is built from its record's settings, not from today's bulletin.yaml. */
  frozen?: { record: IssueRecord; sha256: string };
}

const opened = new Map<string, SeriesContext>();

function series(root: string): SeriesContext {
  let ctx = opened.get(root);
  if (!ctx) {
    ctx = openSeries(root);
    opened.set(root, ctx);
  }
  return ctx;
}

/** Short content id of a set of files: same bytes, same folder. */
export function contentId(files: Array<{ format: string; sha256: string }>): string {
  return sha256(new TextEncoder().encode(files.map((f) => `${f.format}:${f.sha256}`).join('\n'))).slice(0, 12);
}

function sameBytes(file: string, hash: string): boolean {
  try {
    return hashUserFile(file, { shown: file, maxBytes: Infinity }) === hash;
  } catch {
    return false;
  }
}

/** One issue rendered, not yet written: its manifest entry and each file's bytes, in the entry's order. */
export interface RenderedTask {
  entry: ManifestIssue;
  bytes: Uint8Array[];
}

/** Renders and hashes one issue, on the main thread or in a build worker; writes nothing. */
export async function renderTask(task: BuildTask): Promise<RenderedTask> {
  const current = series(task.seriesRoot);
  const found = current.issues.find((i) => path.resolve(i.dir) === path.resolve(task.issueDir));
  if (!found) throw new Error(`issue folder vanished: ${task.issueDir}`);
  const { ctx, cfg } = task.frozen ? asIssued(current, found, task.frozen.record) : { ctx: current, cfg: found };
  const { issue, files, paged } = await renderIssue(ctx, cfg, DEFAULT_FORMATS);
  const pdfPages = files.find((f) => f.format.id === 'pdf')?.pages ?? 0;
  const hashed = files.map((f) => ({ ...f, sha256: sha256(f.bytes) }));
  const dir = `${issue.meta.year}/${issue.meta.fileStem}/${contentId(hashed.map((f) => ({ format: f.format.id, sha256: f.sha256 })))}`;
  const out: ManifestFile[] = hashed.map(({ format, bytes, pages, sha256: hash }) => {
    const counted = pages !== undefined ? { pages } : { pages: pdfPages, pagesFrom: 'pdf' as const };
    return { path: `${dir}/${issue.meta.fileStem}${format.ext}`, format: format.id, size: bytes.length, sha256: hash, ...counted };
  });
  const m = issue.masthead;
  const entry: ManifestIssue = {
    number: issue.meta.number,
    label: m.label,
    ...(m.totalLabel ? { totalLabel: m.totalLabel } : {}),
    ...(issue.meta.special ? { special: issue.meta.special } : {}),
    date: issue.meta.isoDate,
    printDate: issue.meta.isoPrintDate,
    source: issue.meta.dir,
    inputHash: task.inputHash,
    ...(task.frozen ? { issued: task.frozen.record.issued, record: task.frozen.sha256 } : {}),
    build: task.build,
    sections: issue.sections.map((s) => ({ name: s.name, items: s.entries.length })),
    ...(issue.note ? { note: issue.note.title } : {}),
    articles: issue.sections.flatMap((s) => s.entries.flatMap((e) => (e.kind === 'article' ? [e.title] : []))),
    items: manifestItems(issue),
    ...(paged ? { contents: issueContents(issue, paged) } : {}),
    files: out,
  };
  return { entry, bytes: hashed.map((f) => f.bytes) };
}

/**
 * Writes a rendered issue's files into the archive folder. Runs on the main thread only, so
 * that Ctrl-C (handled there, between two writes) never stops a write half-way.
 */
export function placeFiles(outDir: string, { entry, bytes }: RenderedTask): ManifestIssue {
  entry.files.forEach((f, i) => {
    const abs = path.join(outDir, f.path);
    assertPlainPath(outDir, f.path);
    if (sameBytes(abs, f.sha256)) return;
    // The folder is named by these very bytes: a different file there was put by someone else.
    if (fs.existsSync(abs)) {
      throw new UserError('存档文件夹里有不是 bulletin 写的文件，这一期没有写入（见上）', [
        {
          severity: 'error',
          rule: 'archive-not-ours',
          file: relPath(process.cwd(), abs),
          message: '这个文件不是 bulletin 写的（内容与它所在的内容编号不符），为避免覆盖，没有改动它。请把它移出存档文件夹后重试',
        },
      ]);
    }
    writeFileAtomic(abs, bytes[i]!);
  });
  return entry;
}
