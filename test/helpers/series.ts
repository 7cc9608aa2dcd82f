/**
 * Temporary series folders for tests, the CLI run as a child process, the model built through
 * the same pipeline the commands use, and tree snapshots to prove that a command changed
 * nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Diagnostics, type Diagnostic } from '../../src/diagnostics.js';
import type { Block, Issue, Run } from '../../src/model/types.js';
import { loadIssue, openSeries } from '../../src/pipeline.js';
import { resolveIssue } from '../../src/sources/find.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(REPO, 'bin', 'bulletin.js');
export const FIXTURES = path.join(REPO, 'test', 'fixtures');
/** The repo's own sample series (bulletin.yaml + issues/009). */
export const SAMPLE = REPO;

const made: string[] = [];

/** A fresh empty folder under the OS temp dir; removed by cleanupTemp(). */
export function tempDir(prefix = 'bulletin-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanupTemp(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export type FileContent = string | Uint8Array;
export type FileTree = Record<string, FileContent>;

/** Writes files given as { 'relative/path': content } under dir. */
export function writeTree(dir: string, files: FileTree): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

/**
 * A minimal valid bulletin.yaml. `extra` is YAML appended at the end; a top-level key it sets
 * replaces the default one (with its indented lines), so `bulletinYaml('numbering: yearly')`
 * stays valid YAML.
 */
export function bulletinYaml(extra = ''): string {
  const base = [
    'series: 江西省高校与县域基础教育协同提质行动',
    'name: 工作动态',
    'publisher: 省协同提质行动工作领导小组办公室',
    'numbering: continuous',
    'label: 第{n}期',
    'sections:',
    '  - 省级动态',
    '  - 高校动态',
    '  - 市县动态',
    '  - name: 经验交流',
    '    kind: articles',
    'distribution:',
    '  报: 省协同提质行动领导小组组长、副组长',
    '  送: 省协同提质行动领导小组成员单位、联盟高校、各设区市教育局',
  ];
  const overridden = new Set([...extra.matchAll(/^([A-Za-z]\w*):/gm)].map((m) => m[1]));
  const kept: string[] = [];
  let skipping = false;
  for (const line of base) {
    const key = /^([A-Za-z]\w*):/.exec(line)?.[1];
    if (key !== undefined) skipping = overridden.has(key);
    if (!skipping) kept.push(line);
  }
  return `${[...kept, ...(extra ? [extra.replace(/\n$/, '')] : [])].join('\n')}\n`;
}

export function issueYaml(number: number, date: string, extra = ''): string {
  return `number: ${number}\ndate: ${date}\n${extra ? `${extra}\n` : ''}`;
}

/** One news item file: front matter + ## lead + body. */
export function newsItem(section: string, lead: string, body: string, front = ''): string {
  return `---\nsection: ${section}\n${front ? `${front}\n` : ''}---\n\n## ${lead}\n\n${body}\n`;
}

/** A temp series made of the given files (bulletin.yaml defaults to bulletinYaml()). */
export function makeSeries(files: FileTree = {}): string {
  const dir = tempDir();
  writeTree(dir, { 'bulletin.yaml': bulletinYaml(), ...files });
  return dir;
}

/** Copies a series folder (bulletin.yaml, issues/ and any other files) into a temp folder. */
export function copySeries(from: string, only: string[] = ['bulletin.yaml', 'issues']): string {
  const dir = tempDir();
  for (const name of only) {
    const src = path.join(from, name);
    if (fs.existsSync(src)) fs.cpSync(src, path.join(dir, name), { recursive: true });
  }
  return dir;
}

/** Every file under dir (relative path → bytes as base64), for before/after comparisons. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out[`${r}/`] = '';
        walk(r);
      } else out[r] = fs.readFileSync(path.join(dir, r)).toString('base64');
    }
  };
  walk('');
  return out;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout + stderr lines, for asserting on messages wherever they went. */
  lines: string[];
}

/** Runs `node bin/bulletin.js …args` in cwd, as a user would; killed after `timeoutMs` (a hang guard). */
export function runCli(args: string[], cwd: string, timeoutMs = 30_000): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: timeoutMs,
  });
  const stdout = r.stdout ?? '';
  const stderr = r.stderr ?? '';
  return { code: r.status, stdout, stderr, lines: `${stdout}${stderr}`.split('\n').filter((l) => l !== '') };
}

/**
 * Runs the CLI without waiting for it, so that several runs start together (concurrency
 * tests); output is stdout and stderr as they came. Killed after the 60 s hang guard.
 */
export function startCli(args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, out });
    });
  });
}

export interface BuiltModel {
  issue: Issue | undefined;
  diagnostics: Diagnostic[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/**
 * The model of one issue, through src/pipeline.ts: issueArg is a number ('9'), a folder relative
 * to the series root ('issues/009'), or absent for the latest issue.
 */
export function buildModel(seriesDir: string, issueArg?: string): BuiltModel {
  const ctx = openSeries(seriesDir);
  const arg = issueArg?.includes('/') ? path.join(seriesDir, issueArg) : issueArg;
  const cfg = resolveIssue(ctx.series, ctx.issues, arg);
  const diags = new Diagnostics();
  diags.merge(ctx.diags);
  const { issue } = loadIssue(ctx, cfg, diags);
  return { issue, diagnostics: diags.list, errors: diags.errors, warnings: diags.warnings };
}

/** Same as buildModel, failing loudly when the model could not be built. */
export function requireModel(seriesDir: string, issueArg?: string): Issue {
  const m = buildModel(seriesDir, issueArg);
  if (!m.issue) {
    throw new Error(`model not built:\n${m.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`).join('\n')}`);
  }
  return m.issue;
}

export function assertCliBuilt(): void {
  if (!fs.existsSync(path.join(REPO, 'lib', 'bulletin.cjs'))) {
    throw new Error('lib/bulletin.cjs is missing: run `npm run build` (npm test does) before these tests');
  }
}

/** Every run of a list of blocks, descending into tables and lists. */
export function blockRuns(blocks: Block[]): Run[] {
  const out: Run[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'heading') out.push(...b.runs);
    else if (b.type === 'table') for (const row of [b.header, ...b.rows]) for (const cell of row) out.push(...cell.runs);
    else if (b.type === 'list') for (const item of b.items) out.push(...blockRuns(item));
  }
  return out;
}

/** Every printed run of an issue: note, leads, bodies, article blocks. */
export function issueRuns(issue: Issue): Run[] {
  const out: Run[] = [];
  if (issue.note) out.push(...blockRuns(issue.note.blocks));
  for (const s of issue.sections) {
    for (const e of s.entries) {
      if (e.kind === 'news') out.push(...e.lead, ...blockRuns(e.body));
      else out.push({ text: e.title }, ...(e.subtitle ? [{ text: e.subtitle }] : []), ...blockRuns(e.blocks));
    }
  }
  return out;
}

export function text(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}
