/**
 * `bulletin archive`: every issue built into a stable layout, unchanged drafts skipped by their
 * input hash, issued issues never rebuilt. New files go to folders named by their content, the
 * manifest (then the index) is written last and atomically, and only then are the files the
 * old manifest listed removed: an interrupted run leaves the previous archive whole.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IssueConfig } from '../config/issue-file.js';
import { toIso, today } from '../dates.js';
import { Diagnostics, sortDiagnostics, UserError, type Diagnostic } from '../diagnostics.js';
import { writeFileAtomic } from '../output/write-atomic.js';
import { relPath } from '../paths.js';
import { FileRefused, hashUserFile, readUserFile } from '../sources/user-file.js';
import type { SeriesContext } from '../pipeline.js';
import { VERSION } from '../version.js';
import { removeUnlisted } from './cleanup.js';
import { indexHtml } from './index-html.js';
import { fontHash, sha256, toolHash } from './inputs.js';
import { INDEX_FILE, MANIFEST_FILE, manifestJson, readManifest, sortIssues, type Manifest, type ManifestIssue } from './manifest.js';
import { planArchive } from './plan.js';
import { checkArchiveTree } from './tree-guard.js';
import { runTasks, type TaskResult } from './pool.js';
import { editedSources, recordJson } from './record.js';

export interface ArchiveProgress {
  start(total: number, skipped: number): void;
  done(r: TaskResult, label: string): void;
  stop(): void;
}

export interface ArchiveResult {
  built: ManifestIssue[];
  skipped: ManifestIssue[];
  failed: TaskResult[];
  /** Issues kept as archived, and other problems found while planning. */
  problems: Diagnostic[];
  manifest: Manifest;
}

/** index.html lists every issue's items; a larger file in its place is not ours. */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;

/**
 * index.html is replaced only when it is the one we wrote last time: a clerk's own page in the
 * folder given to --out is never lost.
 */
function checkIndexIsOurs(outDir: string, previous: Manifest | undefined): void {
  const file = path.join(outDir, INDEX_FILE);
  let bytes: Buffer;
  try {
    bytes = readUserFile(file, { shown: file, maxBytes: MAX_INDEX_BYTES, what: '存档目录' });
  } catch (e) {
    if (e instanceof FileRefused && e.reason === 'missing') return;
    throw e;
  }
  const ours =
    previous && (previous.index !== undefined ? previous.index === sha256(bytes) : bytes.toString('utf8').includes('见 manifest.json'));
  if (!ours) {
    throw UserError.at(
      file,
      `不是 bulletin 上次存档时写的（或之后被改过），为避免覆盖，没有做任何改动。请换一个存档文件夹（--out），或把这个文件移走后重试`,
    );
  }
}

export async function archiveSeries(
  ctx: SeriesContext,
  outDir: string,
  jobs: number,
  progress: ArchiveProgress,
  reissue: IssueConfig[] = [],
): Promise<ArchiveResult> {
  checkArchiveTree(outDir);
  const previous = readManifest(outDir);
  checkIndexIsOurs(outDir, previous);
  const shared = { tool: toolHash(), fonts: fontHash(ctx.series) };
  const plan = planArchive(ctx, outDir, previous, shared, reissue, toIso(today()));

  progress.start(plan.tasks.length, plan.skipped.length);
  const labels = new Map(ctx.issues.map((c) => [c.dir, c.file]));
  const results = await runTasks(plan.tasks, jobs, (r) =>
    progress.done(r, 'entry' in r ? r.entry.label : (labels.get(r.task.issueDir) ?? '')),
  );
  progress.stop();
  const built = results.flatMap((r) => ('entry' in r ? [r.entry] : []));
  const failed = results.filter((r) => 'error' in r);
  // A failed issue keeps its previous archived entry, so the archive never loses a good issue.
  const prevBySource = new Map((previous?.issues ?? []).map((i) => [i.source, i]));
  const keptOnFailure = failed.flatMap((r) => {
    const prev = prevBySource.get(relPath(ctx.series.root, r.task.issueDir));
    return prev ? [prev] : [];
  });
  const html = indexHtml({
    series: ctx.series.seriesLine,
    name: ctx.series.name,
    publisher: ctx.series.publisher,
    tool: { name: 'bulletin', version: VERSION },
    issues: sortIssues([...plan.skipped, ...built, ...plan.kept, ...keptOnFailure]),
  });
  const manifest: Manifest = {
    series: ctx.series.seriesLine,
    name: ctx.series.name,
    publisher: ctx.series.publisher,
    tool: { name: 'bulletin', version: VERSION },
    index: sha256(new TextEncoder().encode(html)),
    issues: sortIssues([...plan.skipped, ...built, ...plan.kept, ...keptOnFailure]),
  };
  const reported = sortDiagnostics(failureDiagnostics(failed, plan.problems).list);
  if (reported.length) manifest.diagnostics = reported;
  writeFileAtomic(path.join(outDir, MANIFEST_FILE), manifestJson(manifest));
  writeFileAtomic(path.join(outDir, INDEX_FILE), html);
  // The record of a re-issued issue follows the manifest that already lists its new files; a
  // run cut short here is caught by the next one (record and archive disagree) and repeated.
  const reissued = new Set(built.map((b) => b.source));
  for (const r of plan.records)
    if (reissued.has(relPath(ctx.series.root, path.dirname(r.file)))) writeFileAtomic(r.file, recordJson(r.record));
  removeUnlisted(outDir, previous, manifest);
  return { built, skipped: plan.skipped, failed, problems: plan.problems, manifest };
}

/** A problem --verify found; its `file` is relative to the archive folder when `inArchive`, else to the series root. */
export type Finding = Diagnostic & { inArchive: boolean };

function finding(severity: Finding['severity'], file: string, inArchive: boolean, message: string): Finding {
  return { severity, rule: 'archive-verify', file, inArchive, message };
}

/**
 * Rebuilds every issue into a temporary folder and compares with the manifest; also checks that
 * the archived files themselves still match it. Drafts are rebuilt with today's settings, issued
 * issues from their record, so a difference is explained: an altered archived file (error),
 * sources edited after issue (warning), or only a newer tool or other fonts (note).
 */
export async function verifyArchive(
  ctx: SeriesContext,
  outDir: string,
  jobs: number,
  progress: ArchiveProgress,
): Promise<{ findings: Finding[]; failed: TaskResult[]; checked: number }> {
  checkArchiveTree(outDir);
  const manifest = readManifest(outDir);
  const findings: Finding[] = [];
  if (!manifest) {
    findings.push(finding('error', MANIFEST_FILE, true, `${outDir} 中没有 ${MANIFEST_FILE}，请先运行 bulletin archive`));
    return { findings, failed: [], checked: 0 };
  }
  for (const i of manifest.issues) {
    for (const f of i.files) {
      const p = path.join(outDir, f.path);
      if (!fs.existsSync(p)) findings.push(finding('error', f.path, true, '存档文件不见了'));
      else if (hashUserFile(p, { shown: f.path, maxBytes: Infinity }) !== f.sha256) {
        findings.push(
          finding(
            'error',
            f.path,
            true,
            i.issued
              ? `已印发（${i.issued}）的存档文件被改动过：与清单中的 SHA-256 不符`
              : '存档文件与清单中的 SHA-256 不符（文件被改动过）',
          ),
        );
      }
    }
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-verify-'));
  try {
    const shared = { tool: toolHash(), fonts: fontHash(ctx.series) };
    // The plan of a run into an empty folder: every issue built, issued ones from their record.
    const plan = planArchive(ctx, tmp, undefined, shared, [], toIso(today()));
    // The plan's problems come located (drift: at each source edited since issue).
    for (const p of plan.problems) findings.push({ ...p, inArchive: false });
    progress.start(plan.tasks.length, 0);
    const labels = new Map(ctx.issues.map((c) => [c.dir, c.file]));
    const results = await runTasks(plan.tasks, jobs, (r) =>
      progress.done(r, 'entry' in r ? r.entry.label : (labels.get(r.task.issueDir) ?? '')),
    );
    progress.stop();
    const rebuilt = new Map<string, { entry: ManifestIssue; task: (typeof plan.tasks)[number] }>();
    for (const r of results) if ('entry' in r) rebuilt.set(r.entry.source, { entry: r.entry, task: r.task });
    let checked = 0;
    for (const archived of manifest.issues) {
      const now = rebuilt.get(archived.source);
      if (!now) {
        for (const f of archived.files)
          findings.push(finding('error', f.path, true, '按现在的稿件无法重新生成这个文件（该期已删除或有错误）'));
        continue;
      }
      rebuilt.delete(archived.source);
      const frozen = now.task.frozen;
      if (archived.issued && !frozen) continue; // reported by the plan: the record is missing
      if (frozen && !archived.issued) {
        findings.push(finding('error', archived.source, false, `${archived.label}已经印发，但存档中还是草稿，请运行 bulletin archive`));
        continue;
      }
      if (frozen && archived.record !== frozen.sha256) {
        findings.push(
          finding(
            'error',
            relPath(ctx.series.root, path.join(now.task.issueDir, 'issued.json')),
            false,
            `印发记录与存档时不同。若确要改动已印发的这一期，请运行 bulletin archive --reissue ${archived.number}`,
          ),
        );
        continue;
      }
      const edited = frozen ? editedSources(ctx.series.root, { dir: now.task.issueDir }, frozen.record) : [];
      const differs = archived.files.filter((f) => now.entry.files.find((g) => g.format === f.format)?.sha256 !== f.sha256);
      checked += archived.files.length - differs.length;
      if (!differs.length) continue;
      if (frozen && edited.length) continue; // explained by the warnings above
      const b = archived.build;
      const toolChanged = b !== undefined && b.toolHash !== now.task.build.toolHash;
      const fontsChanged = b !== undefined && b.fontHash !== now.task.build.fontHash;
      for (const f of differs) {
        if (frozen && (toolChanged || fontsChanged)) {
          const why = [toolChanged ? `工具（存档时 ${b!.tool}，现在 ${now.task.build.tool}）` : '', fontsChanged ? '字体' : '']
            .filter(Boolean)
            .join('和');
          findings.push(
            finding('note', f.path, true, `按印发记录重新生成的文件与存档不同，只因${why}变了；稿件和印发记录都没有变，存档文件保持原样`),
          );
        } else if (frozen) {
          findings.push(finding('error', f.path, true, '按印发记录重新生成的文件与存档不同，而稿件、工具和字体都没有变'));
        } else {
          findings.push(
            finding(
              'error',
              f.path,
              true,
              '按现在的稿件重新生成的文件与存档不同（稿件、设置、字体或工具版本有变化），请运行 bulletin archive',
            ),
          );
        }
      }
    }
    for (const [source, r] of rebuilt)
      findings.push(finding('error', source, false, `${r.entry.label}还没有存档，请运行 bulletin archive`));
    return { findings, failed: results.filter((r) => 'error' in r), checked };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function failureDiagnostics(failed: TaskResult[], problems: Diagnostic[] = []): Diagnostics {
  const d = new Diagnostics();
  d.list.push(...problems);
  for (const r of failed) if ('error' in r) d.list.push(...r.error.diagnostics);
  return d;
}
