/**
 * `bulletin archive`: every issue built into a stable layout, unchanged issues skipped by
 * their input hash, a manifest and an index written last (atomically), so an interrupted run
 * leaves the previous manifest describing files that are still there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Diagnostics } from '../diagnostics.js';
import { writeFileAtomic } from '../output/write-atomic.js';
import { relPath } from '../paths.js';
import type { SeriesContext } from '../pipeline.js';
import { VERSION } from '../version.js';
import { indexHtml } from './index-html.js';
import { fontHash, issueInputHash, sha256, toolHash } from './inputs.js';
import { MANIFEST_FILE, manifestJson, readManifest, sortIssues, type Manifest, type ManifestIssue } from './manifest.js';
import { runTasks, type TaskResult } from './pool.js';
import type { BuildTask } from './build-one.js';

export interface ArchiveProgress {
  start(total: number, skipped: number): void;
  done(r: TaskResult, label: string): void;
  stop(): void;
}

export interface ArchiveResult {
  built: ManifestIssue[];
  skipped: ManifestIssue[];
  failed: TaskResult[];
  manifest: Manifest;
}

function fileIntact(outDir: string, f: { path: string; size: number }): boolean {
  try {
    return fs.statSync(path.join(outDir, f.path)).size === f.size;
  } catch {
    return false;
  }
}

export async function archiveSeries(ctx: SeriesContext, outDir: string, jobs: number, progress: ArchiveProgress): Promise<ArchiveResult> {
  const previous = readManifest(outDir);
  const prevBySource = new Map((previous?.issues ?? []).map((i) => [i.source, i]));
  const shared = { tool: toolHash(), fonts: fontHash(ctx.series) };
  const tasks: BuildTask[] = [];
  const skipped: ManifestIssue[] = [];
  for (const cfg of ctx.issues) {
    const inputHash = issueInputHash(ctx.series, cfg, ctx.issues, shared);
    const source = relPath(ctx.series.root, cfg.dir);
    const prev = prevBySource.get(source);
    if (prev && prev.inputHash === inputHash && prev.files.every((f) => fileIntact(outDir, f))) {
      skipped.push(prev);
      continue;
    }
    tasks.push({ seriesRoot: ctx.series.root, issueDir: cfg.dir, outDir, inputHash });
  }
  progress.start(tasks.length, skipped.length);
  const labels = new Map(ctx.issues.map((c) => [c.dir, c.file]));
  const results = await runTasks(tasks, jobs, (r) => progress.done(r, 'entry' in r ? r.entry.label : (labels.get(r.task.issueDir) ?? '')));
  progress.stop();
  const built = results.flatMap((r) => ('entry' in r ? [r.entry] : []));
  const failed = results.filter((r) => 'error' in r);
  // A failed issue keeps its previous archived entry, so the archive never loses a good issue.
  const kept = failed.flatMap((r) => {
    const source = relPath(ctx.series.root, r.task.issueDir);
    const prev = prevBySource.get(source);
    return prev ? [prev] : [];
  });
  const manifest: Manifest = {
    series: ctx.series.seriesLine,
    name: ctx.series.name,
    publisher: ctx.series.publisher,
    tool: { name: 'bulletin', version: VERSION },
    issues: sortIssues([...skipped, ...built, ...kept]),
  };
  writeFileAtomic(path.join(outDir, MANIFEST_FILE), manifestJson(manifest));
  writeFileAtomic(path.join(outDir, 'index.html'), indexHtml(manifest));
  return { built, skipped, failed, manifest };
}

export interface Drift {
  path: string;
  problem: 'tampered' | 'missing' | 'rebuilt-differs' | 'not-rebuilt' | 'not-archived';
  message: string;
}

/**
 * Rebuilds every issue into a temporary folder and compares with the manifest; also checks that
 * the archived files themselves still match it. Builds are byte-identical, so any difference is
 * real drift.
 */
export async function verifyArchive(ctx: SeriesContext, outDir: string, jobs: number, progress: ArchiveProgress): Promise<{ drift: Drift[]; failed: TaskResult[]; checked: number }> {
  const manifest = readManifest(outDir);
  const drift: Drift[] = [];
  if (!manifest) {
    drift.push({ path: MANIFEST_FILE, problem: 'missing', message: `${outDir} 中没有 ${MANIFEST_FILE}，请先运行 bulletin archive` });
    return { drift, failed: [], checked: 0 };
  }
  for (const i of manifest.issues) {
    for (const f of i.files) {
      const p = path.join(outDir, f.path);
      if (!fs.existsSync(p)) drift.push({ path: f.path, problem: 'missing', message: '存档文件不见了' });
      else if (sha256(fs.readFileSync(p)) !== f.sha256) drift.push({ path: f.path, problem: 'tampered', message: '存档文件与清单中的 SHA-256 不符（文件被改动过）' });
    }
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-verify-'));
  try {
    const tasks = ctx.issues.map((cfg) => ({ seriesRoot: ctx.series.root, issueDir: cfg.dir, outDir: tmp, inputHash: '' }));
    progress.start(tasks.length, 0);
    const labels = new Map(ctx.issues.map((c) => [c.dir, c.file]));
    const results = await runTasks(tasks, jobs, (r) => progress.done(r, 'entry' in r ? r.entry.label : (labels.get(r.task.issueDir) ?? '')));
    progress.stop();
    const rebuilt = new Map<string, string>();
    for (const r of results) if ('entry' in r) for (const f of r.entry.files) rebuilt.set(f.path, f.sha256);
    const archived = new Set<string>();
    for (const i of manifest.issues) {
      for (const f of i.files) {
        archived.add(f.path);
        const h = rebuilt.get(f.path);
        if (h === undefined) drift.push({ path: f.path, problem: 'not-rebuilt', message: '按现在的稿件无法重新生成这个文件（该期已删除或有错误）' });
        else if (h !== f.sha256) drift.push({ path: f.path, problem: 'rebuilt-differs', message: '按现在的稿件重新生成的文件与存档不同（稿件、字体或工具版本有变化）' });
      }
    }
    for (const p of rebuilt.keys()) if (!archived.has(p)) drift.push({ path: p, problem: 'not-archived', message: '这一期还没有存档，请运行 bulletin archive' });
    return { drift, failed: results.filter((r) => 'error' in r), checked: rebuilt.size };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function failureDiagnostics(failed: TaskResult[]): Diagnostics {
  const d = new Diagnostics();
  for (const r of failed) if ('error' in r) d.list.push(...r.error.diagnostics);
  return d;
}
