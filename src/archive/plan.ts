/**
 * What `archive` will do with each issue, decided before anything is written: skip it, build
 * it (a draft with today's settings, an issued issue from its record), or keep the archived
 * entry and report why. Two issues that would write the same file name stop the run here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IssueConfig } from '../config/issue-file.js';
import { UserError, type Diagnostic } from '../diagnostics.js';
import { fileStem, issueLabel } from '../numbering/label.js';
import { totalFor } from '../numbering/sequence.js';
import { relPath } from '../paths.js';
import { FileRefused, hashUserFile } from '../sources/user-file.js';
import type { SeriesContext } from '../pipeline.js';
import type { BuildTask } from './build-one.js';
import { fontHash, issueInputHash } from './inputs.js';
import type { BuildInfo, Manifest, ManifestIssue } from './manifest.js';
import { driftDiagnostics, makeRecord, readRecord, recordedSeries, recordJson, type IssueRecord } from './record.js';
import { sha256 } from './inputs.js';
import { VERSION } from '../version.js';

export interface Plan {
  tasks: BuildTask[];
  skipped: ManifestIssue[];
  /** Archived entries kept as they are, with the reason (an error unless noted). */
  kept: ManifestIssue[];
  problems: Diagnostic[];
  /** Records to write after the manifest, for issues re-issued on purpose. */
  records: Array<{ file: string; record: IssueRecord }>;
}

type FilesState = { state: 'intact' } | { state: 'missing' } | { state: 'altered'; path: string };

/**
 * Whether an entry's files are there as the manifest lists them, by size and SHA-256: a file
 * altered in place at its old size is found here, not only by --verify. Reading a few hundred
 * kilobytes an issue costs little beside the builds it saves.
 */
function filesPresent(outDir: string, entry: ManifestIssue): FilesState {
  for (const f of entry.files) {
    const abs = path.join(outDir, f.path);
    let size: number;
    try {
      size = fs.statSync(abs).size;
    } catch {
      return { state: 'missing' };
    }
    if (size !== f.size || fileSha256(abs) !== f.sha256) return { state: 'altered', path: f.path };
  }
  return { state: 'intact' };
}

/** SHA-256 of a file read in pieces, never whole (the one safe reader: no FIFO blocks it). */
function fileSha256(abs: string): string {
  return hashUserFile(abs, { shown: abs, maxBytes: Infinity });
}

export function planArchive(
  ctx: SeriesContext,
  outDir: string,
  previous: Manifest | undefined,
  shared: { tool: string; fonts: string },
  reissue: IssueConfig[],
  today: string,
): Plan {
  const root = ctx.series.root;
  const prevBySource = new Map((previous?.issues ?? []).map((i) => [i.source, i]));
  const plan: Plan = { tasks: [], skipped: [], kept: [], problems: [], records: [] };
  const names = new Map<string, string[]>();
  const current: BuildInfo = { tool: VERSION, toolHash: shared.tool, fontHash: shared.fonts };
  const problem = (file: string, message: string, severity: 'error' | 'warning' = 'error'): void => {
    plan.problems.push({ severity, file, message, rule: 'archive-frozen' });
  };

  for (const cfg of ctx.issues) {
    const source = relPath(root, cfg.dir);
    const prev = prevBySource.get(source);
    const keep = (): void => {
      if (prev) plan.kept.push(prev);
    };
    try {
      let rec = readRecord(root, cfg);
      if (reissue.includes(cfg)) {
        if (!rec) throw UserError.at(source, '还没有印发，不需要 --reissue：草稿每次存档都会按现在的设置重新生成');
        const record = makeRecord(ctx, cfg, today, shared, rec.record, today);
        rec = { record, sha256: sha256(new TextEncoder().encode(recordJson(record))) };
        plan.records.push({ file: path.join(cfg.dir, 'issued.json'), record });
      } else if (rec && prev?.issued) {
        if (prev.record !== rec.sha256) {
          problem(
            relPath(root, path.join(cfg.dir, 'issued.json')),
            `印发记录与存档时不同，存档中的文件保持不变。若确要改动已印发的这一期，请运行 bulletin archive --reissue ${cfg.number}`,
          );
          keep();
          addName(names, prev, cfg);
          continue;
        }
        const state = filesPresent(outDir, prev);
        if (state.state === 'altered') {
          problem(
            relPath(root, path.join(outDir, state.path)),
            `已印发（${prev.issued}）的${prev.label}的存档文件被改动过，与清单中的 SHA-256 不符，没有动它。恢复的办法：从备份或 git 历史取回这个文件；或者删去它再运行 bulletin archive，会按印发记录重新生成（工具和字体没有变时与印发时逐字节相同）`,
          );
          keep();
          addName(names, prev, cfg);
          continue;
        }
        if (state.state === 'intact') {
          plan.problems.push(...driftDiagnostics(root, cfg, rec.record, prev.label));
          plan.skipped.push(prev);
          addName(names, prev, cfg);
          continue;
        }
        if (
          prev.build &&
          (prev.build.toolHash !== shared.tool || prev.build.fontHash !== fontHash(recordedSeries(rec.record, ctx.series, cfg.dir)))
        ) {
          problem(
            relPath(root, cfg.dir),
            `已印发的${prev.label}的存档文件不见了，已按印发记录重新生成；工具或字体与当时不同，新文件可能与印发的不完全一样`,
            'warning',
          );
        }
      } else if (!rec && prev?.issued) {
        problem(
          relPath(root, path.join(cfg.dir, 'issued.json')),
          `${prev.label}已于 ${prev.issued} 印发，但印发记录不见了，存档中的文件保持不变。请从版本库或备份恢复这个文件`,
        );
        keep();
        addName(names, prev, cfg);
        continue;
      } else if (!rec && cfg.issued !== undefined) {
        problem(cfg.file, `issue.yaml 写了 issued，但没有印发记录 issued.json。请运行 bulletin issue ${cfg.number}，它会记下印发时的设置`);
        keep();
        if (prev) addName(names, prev, cfg);
        continue;
      }

      const settings = rec ? recordedSeries(rec.record, ctx.series, cfg.dir) : ctx.series;
      const total = rec ? rec.record.total : (cfg.total ?? totalFor(ctx.series.numbering, ctx.series.totalOffset, ctx.issues, cfg));
      const stem = fileStem(settings.name, issueLabel(settings, { number: cfg.number, year: cfg.date.year, total, special: cfg.special }));
      const key = `${cfg.date.year}/${stem}`;
      names.set(key, [...(names.get(key) ?? []), cfg.file]);

      if (rec) {
        if (!reissue.includes(cfg))
          plan.problems.push(
            ...driftDiagnostics(
              root,
              cfg,
              rec.record,
              issueLabel(settings, { number: cfg.number, year: cfg.date.year, total, special: cfg.special }),
            ),
          );
        const build = { ...current, fontHash: fontHash(settings) };
        plan.tasks.push({ seriesRoot: root, issueDir: cfg.dir, outDir, inputHash: '', build, frozen: rec });
        continue;
      }
      const inputHash = issueInputHash(ctx.series, cfg, ctx.issues, shared);
      // A draft whose archived files were altered is simply built again.
      if (prev && prev.inputHash === inputHash && filesPresent(outDir, prev).state === 'intact') {
        plan.skipped.push(prev);
        continue;
      }
      plan.tasks.push({ seriesRoot: root, issueDir: cfg.dir, outDir, inputHash, build: current });
    } catch (e) {
      // A file of the folder that cannot be read or hashed (a FIFO, a 3 GB video): this issue
      // keeps what the archive has, the others go on; the file is named.
      if (!(e instanceof FileRefused)) throw e;
      problem(e.shown, e.detail);
      keep();
      if (prev && ![...names.values()].some((files) => files.includes(cfg.file))) addName(names, prev, cfg);
    }
  }

  const clashes = [...names.entries()].filter(([, files]) => files.length > 1);
  if (clashes.length) {
    throw new UserError(
      `以下各期会生成同名的文件，没有做任何改动：${clashes.map(([key, files]) => `${key}（${files.join('、')}）`).join('；')}。请改正期号，或在 bulletin.yaml 的 label 中写上 {n}`,
    );
  }
  return plan;
}

function addName(names: Map<string, string[]>, entry: ManifestIssue, cfg: IssueConfig): void {
  const first = entry.files[0]?.path.split('/');
  if (!first || first.length < 2) return;
  const key = `${first[0]}/${first[1]!.replace(/\.[^.]+$/, '')}`;
  names.set(key, [...(names.get(key) ?? []), cfg.file]);
}
