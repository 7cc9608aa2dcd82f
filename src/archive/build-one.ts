/** Builds one issue into the archive layout: <out>/<year>/<file stem>.<ext>. */
import path from 'node:path';
import { writeFileAtomic } from '../output/write-atomic.js';
import { openSeries, type SeriesContext } from '../pipeline.js';
import { DEFAULT_FORMATS } from '../render/formats.js';
import { renderIssue } from '../render/render-issue.js';
import { manifestItems } from './items.js';
import type { ManifestFile, ManifestIssue } from './manifest.js';
import { sha256 } from './inputs.js';

export interface BuildTask {
  seriesRoot: string;
  /** The issue folder, absolute. */
  issueDir: string;
  outDir: string;
  inputHash: string;
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

export async function buildOne(task: BuildTask): Promise<ManifestIssue> {
  const ctx = series(task.seriesRoot);
  const cfg = ctx.issues.find((i) => path.resolve(i.dir) === path.resolve(task.issueDir));
  if (!cfg) throw new Error(`issue folder vanished: ${task.issueDir}`);
  const { issue, files } = await renderIssue(ctx, cfg, DEFAULT_FORMATS, { log: () => undefined });
  const out: ManifestFile[] = [];
  const pdfPages = files.find((f) => f.format.id === 'pdf')?.pages ?? 0;
  for (const { format, bytes, pages } of files) {
    const rel = `${issue.meta.year}/${issue.meta.fileStem}${format.ext}`;
    writeFileAtomic(path.join(task.outDir, rel), bytes);
    const counted = pages !== undefined ? { pages } : { pages: pdfPages, pagesFrom: 'pdf' as const };
    out.push({ path: rel, format: format.id, size: bytes.length, sha256: sha256(bytes), ...counted });
  }
  const m = issue.masthead;
  return {
    number: issue.meta.number,
    label: m.label,
    ...(m.totalLabel ? { totalLabel: m.totalLabel } : {}),
    ...(issue.meta.special ? { special: issue.meta.special } : {}),
    date: issue.meta.isoDate,
    printDate: issue.meta.isoPrintDate,
    source: issue.meta.dir,
    inputHash: task.inputHash,
    sections: issue.sections.map((s) => ({ name: s.name, items: s.entries.length })),
    ...(issue.note ? { note: issue.note.title } : {}),
    articles: issue.sections.flatMap((s) => s.entries.flatMap((e) => (e.kind === 'article' ? [e.title] : []))),
    items: manifestItems(issue),
    files: out,
  };
}
