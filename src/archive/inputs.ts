/**
 * What an archived issue depends on, as one content hash: its folder (sources, images,
 * issue.yaml), bulletin.yaml, the fonts, the tool itself, and the numbering facts taken from
 * other issues (总第N期). Same hash → same bytes, so the issue need not be rebuilt.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IssueConfig } from '../config/issue-file.js';
import type { Series } from '../config/series.js';
import { SHIPPED_FALLBACK_FONT, SHIPPED_FONTS } from '../layout/spec.js';
import { totalFor } from '../numbering/sequence.js';
import { FONTS_DIR, PACKAGE_ROOT, relPath } from '../paths.js';
import { MAX_SOURCE_BYTES } from '../sources/read-text.js';
import { feedHash } from '../sources/user-file.js';
import { VERSION } from '../version.js';
import { byCodeUnits } from '../text-order.js';

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => byCodeUnits(a.name, b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/**
 * Files of an issue folder are hashed (sources, images, issue.yaml); none of them comes near
 * this (items stop at 4 MB, images at 50 MB). A larger file is no part of a bulletin — a video
 * or a disk image dropped in the folder — and hashing gigabytes would hold `archive` and
 * `issue` for minutes: it is refused at its name instead.
 */
export const MAX_ISSUE_FILE_BYTES = 64 * 1024 * 1024;

const ISSUE_FILE_HINT =
  '印发和存档要算出本期文件夹中每个文件的校验值，这么大的文件不会是简报的一部分（稿件只有几 KB，图片最大 50 MB）：请把它移出本期文件夹';

/** Hashes an issue folder's file, or refuses it (FileRefused, shown relative to the series). */
export function feedIssueFile(h: crypto.Hash, seriesRoot: string, file: string): void {
  feedHash(h, file, { shown: relPath(seriesRoot, file), maxBytes: MAX_ISSUE_FILE_BYTES, tooLargeHint: ISSUE_FILE_HINT });
}

/** Each file's path and bytes, streamed: the tool's code, the fonts, an issue folder. */
function hashFiles(h: crypto.Hash, root: string, files: string[], seriesRoot?: string): void {
  for (const f of files) {
    h.update(`\0${relPath(root, f)}\0`);
    if (seriesRoot !== undefined) feedIssueFile(h, seriesRoot, f);
    else feedHash(h, f, { shown: f, maxBytes: Infinity });
  }
}

/** The tool: its version, compiled code and schemas. Computed once per run. */
export function toolHash(): string {
  const h = crypto.createHash('sha256');
  h.update(`bulletin ${VERSION}`);
  const code = path.join(PACKAGE_ROOT, 'lib');
  hashFiles(h, PACKAGE_ROOT, [
    ...listFiles(code).filter((f) => /\.m?js$/.test(f)),
    ...listFiles(path.join(PACKAGE_ROOT, 'templates', 'series')),
  ]);
  return h.digest('hex');
}

/**
 * The fonts a build may use: the shipped ones and every configured font that is a file.
 * Configured family names are hashed by name (installed fonts are not content-hashed).
 */
export function fontHash(series: Series): string {
  const h = crypto.createHash('sha256');
  const shipped = [...new Set([...Object.values(SHIPPED_FONTS), SHIPPED_FALLBACK_FONT])].sort().map((f) => path.join(FONTS_DIR, f));
  hashFiles(
    h,
    FONTS_DIR,
    shipped.filter((f) => fs.existsSync(f)),
  );
  for (const [role, list] of Object.entries(series.fonts).sort()) {
    for (const c of list ?? []) {
      const p = path.resolve(series.root, c);
      h.update(`\0${role}:${c}`);
      if (fs.existsSync(p) && fs.statSync(p).isFile()) feedHash(h, p, { shown: c, maxBytes: Infinity });
    }
  }
  return h.digest('hex');
}

export function issueInputHash(series: Series, cfg: IssueConfig, all: IssueConfig[], shared: { tool: string; fonts: string }): string {
  const h = crypto.createHash('sha256');
  h.update(`tool:${shared.tool}\0fonts:${shared.fonts}\0`);
  feedHash(h, series.file, { shown: relPath(series.root, series.file), maxBytes: MAX_SOURCE_BYTES });
  const total = cfg.total ?? totalFor(series.numbering, series.totalOffset, all, cfg);
  h.update(`\0total:${total ?? ''}\0`);
  hashFiles(h, cfg.dir, listFiles(cfg.dir), series.root);
  return h.digest('hex');
}

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
