/**
 * The tool as a clerk gets it: `npm pack` gives a tarball that installs with only Node, `bulletin
 * init` makes a series that installs its own copy (`npm ci`, offline once cached), and the CI
 * templates `init` writes run as written, keeping every issued issue as it was.
 * Everything runs in temporary folders, with the repository out of reach of the installed tool.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readPdf } from '../helpers/pdf-text.js';
import { pdfText } from '../helpers/pdf-render.js';
import { cleanupTemp, REPO, tempDir } from '../helpers/series.js';
import { expectConsistent, readManifestOf } from '../helpers/archive-series.js';

/** The environment of a fresh shell: no npm_* variables from the `npm test` that runs us. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return {
    ...env,
    NO_COLOR: '1',
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

/** Runs a shell line as CI does (bash -e); returns its stdout, throws with all output on failure. */
function ok(command: string, cwd: string, extra: Record<string, string> = {}): string {
  const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', command], { cwd, encoding: 'utf8', env: cleanEnv(extra), timeout: 300_000 });
  if (r.status !== 0) throw new Error(`\`${command}\` in ${cwd} exited ${r.status}:\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r.stdout ?? '';
}

const ITEM = '---\nsection: 省级动态\n---\n\n## 教研简报第一条动态\n\n9月2日，省教研室召开协同提质工作推进会，部署新学期重点任务。\n';

describe('npm pack → install → init → a series of its own', () => {
  let work: string;
  let tgz: string;
  let bin: string;
  let series: string;

  beforeAll(() => {
    work = tempDir('bulletin-pack-');
    // Pack a copy of the sources: packing compiles, and must not rewrite the lib/ other tests run.
    const src = path.join(work, 'source');
    for (const name of ['package.json', 'package-lock.json', 'tsconfig.json', 'README.md', 'bin', 'scripts', 'src', 'templates', 'fonts']) {
      fs.cpSync(path.join(REPO, name), path.join(src, name), { recursive: true });
    }
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(src, 'node_modules'), 'dir');
    const manifestBefore = fs.readFileSync(path.join(src, 'package.json'), 'utf8');
    const out = ok(`npm pack --pack-destination "${work}"`, src);
    tgz = path.join(work, out.trim().split('\n').pop()!.trim());
    expect(fs.existsSync(tgz), out).toBe(true);
    // Packing hands the sources' package.json back as it was, scripts and all.
    expect(fs.readFileSync(path.join(src, 'package.json'), 'utf8')).toBe(manifestBefore);
    expect(fs.existsSync(path.join(src, 'package.json.before-pack'))).toBe(false);
    fs.rmSync(src, { recursive: true, force: true });
  });

  it('the packed package.json carries no build scripts and no development dependencies; installing it globally warns of none', () => {
    const packed = JSON.parse(ok(`tar xzf "${tgz}" -O package/package.json`, work));
    expect(packed.scripts).toBeUndefined();
    expect(packed.devDependencies).toBeUndefined();
    expect(packed.bin).toEqual({ bulletin: 'bin/bulletin.js' });
    const prefix = path.join(work, 'global');
    const r = spawnSync('bash', ['-e', '-c', `npm install -g --prefix "${prefix}" "${tgz}"`], {
      cwd: work,
      encoding: 'utf8',
      env: cleanEnv(),
      timeout: 300_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/install-scripts|allowScripts|allow-scripts|prepare/);
    expect(ok(`"${path.join(prefix, 'bin', 'bulletin')}" --version`, work).trim()).toBe(packed.version);
  });
  afterAll(cleanupTemp);

  it('the tarball holds compiled JavaScript, fonts and templates, and no TypeScript or tests', () => {
    const list = ok(`tar tzf "${tgz}"`, work).split('\n');
    for (const f of [
      'package/bin/bulletin.js',
      'package/lib/cli/main.js',
      'package/lib/archive/worker.js',
      'package/lib/deps-lock.json',
      'package/fonts/FandolFang-Regular.otf',
      'package/templates/series/bulletin.yaml',
      'package/templates/ci/.gitlab-ci.yml',
      'package/templates/ci/.github/workflows/bulletin.yml',
    ]) {
      expect(list).toContain(f);
    }
    expect(list.filter((f) => f.endsWith('.ts') || f.startsWith('package/src/') || f.startsWith('package/test/'))).toEqual([]);
  });

  it('installs with only Node: no compiler on the machine, no build step', () => {
    const tool = path.join(work, 'tool');
    fs.mkdirSync(tool);
    ok(`npm install --no-save "${tgz}"`, tool);
    expect(fs.existsSync(path.join(tool, 'node_modules', 'typescript'))).toBe(false);
    bin = path.join(tool, 'node_modules', '.bin', 'bulletin');
    expect(ok(`"${bin}" --version`, work).trim()).toBe(JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });

  it('init in an empty folder, npm ci, new, write an item, build, archive, issue — end to end', async () => {
    ok(`"${bin}" init 教研简报`, work);
    series = path.join(work, '教研简报');
    for (const f of [
      'bulletin.yaml',
      'package.json',
      'package-lock.json',
      '.gitignore',
      '.github/workflows/bulletin.yml',
      '.gitlab-ci.yml',
      'tools/bulletin-0.1.0.tgz',
    ]) {
      expect(fs.existsSync(path.join(series, f)), f).toBe(true);
    }
    ok('npm ci', series);
    // The series runs its own copy, not the one init came from.
    expect(fs.realpathSync(path.join(series, 'node_modules', 'bulletin'))).toBe(path.join(series, 'node_modules', 'bulletin'));
    ok('npx bulletin new --date 2024-09-02', series);
    const issue = path.join(series, 'issues', '001');
    for (const f of fs.readdirSync(issue)) if (f.endsWith('.md')) fs.rmSync(path.join(issue, f));
    fs.writeFileSync(path.join(issue, '10-省级动态.md'), ITEM);
    ok('npx bulletin check', series);
    ok('npx bulletin build', series);
    const text = pdfText(await readPdf(new Uint8Array(fs.readFileSync(path.join(series, 'dist', '工作动态第1期.pdf')))));
    expect(text).toContain('教研简报第一条动态');
    expect(fs.existsSync(path.join(series, 'dist', '工作动态第1期.docx'))).toBe(true);
    ok('npx bulletin archive', series);
    ok('npx bulletin archive --verify', series);
    expect(expectConsistent(path.join(series, 'archive')).issues).toHaveLength(1);
    ok('npx bulletin issue 1 --date 2024-09-03', series);
    expect(fs.existsSync(path.join(issue, 'issued.json'))).toBe(true);
  });

  it("the tool init packs into a series from a running copy carries no build scripts either, even from a developer's checkout", () => {
    ok(`node "${path.join(REPO, 'bin', 'bulletin.js')}" init 开发版新建的系列`, work);
    const packed = JSON.parse(
      ok(`tar xzf "${path.join(work, '开发版新建的系列', 'tools', 'bulletin-0.1.0.tgz')}" -O package/package.json`, work),
    );
    expect(packed.scripts).toBeUndefined();
    expect(packed.devDependencies).toBeUndefined();
  });

  it('init --tool copies the tarball the clerk names and locks it by its hash', () => {
    ok(`"${bin}" init 第二个系列 --tool "${tgz}"`, work);
    const dir = path.join(work, '第二个系列');
    // Buffer.equals: a deep toEqual over 32 MB walks byte by byte for minutes.
    expect(fs.readFileSync(path.join(dir, 'tools', 'bulletin-0.1.0.tgz')).equals(fs.readFileSync(tgz))).toBe(true);
    const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
    expect(lock.packages['node_modules/bulletin'].integrity).toBe(
      `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tgz)).digest('base64')}`,
    );
    // Every runtime dependency of the tool is locked, and no development package is.
    const tool = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    for (const name of Object.keys(tool.dependencies))
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(tool.dependencies[name]);
    const repoLock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8'));
    const devOnly = Object.entries(repoLock.packages as Record<string, { dev?: boolean }>)
      .filter(([k, v]) => k && v.dev)
      .map(([k]) => k);
    expect(devOnly).toContain('node_modules/typescript');
    for (const key of devOnly) expect(lock.packages[key], key).toBeUndefined();
  });

  it('npm ci works offline once the tool has been installed', () => {
    fs.rmSync(path.join(series, 'node_modules'), { recursive: true, force: true });
    ok('npm ci --offline', series);
    expect(ok('npx bulletin --version', series).trim()).toBe('0.1.0');
  });

  it('the GitHub workflow, run step by step as Actions would, keeps the issued issue on the archive branch', () => {
    const wf = parse(fs.readFileSync(path.join(series, '.github', 'workflows', 'bulletin.yml'), 'utf8'));
    const steps: Array<{ run?: string; uses?: string; if?: string }> = wf.jobs.archive.steps;
    const runs = steps.filter((s) => s.run).map((s) => s.run!);
    expect(runs.join('\n')).toMatch(/npx bulletin check --all[\s\S]*npx bulletin archive\n[\s\S]*npx bulletin archive --verify/);
    expect(steps.filter((s) => s.uses).map((s) => s.uses!.split('@')[0])).toEqual(['actions/checkout', 'actions/setup-node']);

    const origin = path.join(work, 'origin.git');
    ok(`git init -q --bare -b main "${origin}"`, work);
    const git = '-c user.name=办公室 -c user.email=office@example.invalid';
    ok(
      `git init -q -b main && git add -A && git ${git} commit -q -m 第1期 && git remote add origin "${origin}" && git push -q origin main`,
      series,
    );

    // actions/checkout: a fresh clone of the commit; then every `run:` in order, under bash -e.
    const ciRun = (n: number): void => {
      const clone = path.join(work, `actions-${n}`);
      ok(`git clone -q "${origin}" "${clone}"`, work);
      const sha = ok('git rev-parse HEAD', clone).trim();
      for (const run of runs) ok(run, clone, { ...wf.env, CI: 'true', GITHUB_SHA: sha, GIT_AUTHOR_NAME: 'x', GIT_COMMITTER_NAME: 'x' });
      fs.rmSync(clone, { recursive: true, force: true });
    };
    const branchManifest = (): any => JSON.parse(ok('git show bulletin-archive:manifest.json', origin));

    ciRun(1);
    const first = branchManifest();
    expect(first.issues.map((i: any) => i.issued)).toEqual(['2024-09-03']);
    const pdf = first.issues[0].files.find((f: any) => f.format === 'pdf').path;
    const issuedPdf = ok(`git show "bulletin-archive:${pdf}" | sha256sum`, origin);

    // A later change of settings, then CI again from a fresh checkout.
    const yaml = fs.readFileSync(path.join(series, 'bulletin.yaml'), 'utf8');
    fs.writeFileSync(path.join(series, 'bulletin.yaml'), yaml.replace('    - 联盟高校\n', '    - 联盟高校\n    - 新设协作单位\n'));
    expect(fs.readFileSync(path.join(series, 'bulletin.yaml'), 'utf8')).toContain('新设协作单位');
    ok(`git add -A && git ${git} commit -q -m 改分送范围 && git push -q origin main`, series);
    ciRun(2);
    const second = branchManifest();
    expect(second.issues[0]).toEqual(first.issues[0]);
    expect(ok(`git show "bulletin-archive:${pdf}" | sha256sum`, origin)).toBe(issuedPdf);
    expect(Number(ok('git rev-list --count bulletin-archive', origin).trim())).toBe(1);
    // Two whole CI runs (check, archive, verify each): on a loaded 2-core machine this passed
    // the default 120 s by a second or more while every assertion held.
  }, 300_000);

  it("the GitLab job's script, run line by line as a runner would, archives and verifies", () => {
    const ci = parse(fs.readFileSync(path.join(series, '.gitlab-ci.yml'), 'utf8'));
    const script: string[] = ci.bulletin.script;
    expect(script).toEqual(
      expect.arrayContaining(['npm ci', 'npx bulletin check --all', 'npx bulletin archive', 'npx bulletin archive --verify']),
    );
    expect(ci.bulletin.artifacts.expire_in).toBe('never');
    expect(ci.pages.artifacts.paths).toEqual(['public']);
    const job = path.join(work, 'gitlab');
    ok(`git clone -q "${path.join(work, 'origin.git')}" "${job}"`, work);
    // No GitLab API here: the fetch of the previous archive fails and the job goes on without it.
    for (const line of script)
      ok(line, job, {
        CI: 'true',
        CI_API_V4_URL: 'http://127.0.0.1:9/api/v4',
        CI_PROJECT_ID: '1',
        CI_DEFAULT_BRANCH: 'main',
        CI_JOB_NAME: 'bulletin',
        CI_JOB_TOKEN: 'x',
      });
    for (const line of ci.pages.script as string[]) ok(line, job);
    const m = readManifestOf(path.join(job, 'archive'));
    expect(m.issues.map((i) => i.issued)).toEqual(['2024-09-03']);
    expect(fs.existsSync(path.join(job, 'public', 'index.html'))).toBe(true);
  });
});
