/**
 * The layers' import boundaries are the linter's rules (biome.jsonc); `npm test` runs the
 * linter on the tree. This test proves the rules bite: each probe breaks one boundary in a
 * copy of the configuration and must be reported, and the same imports from an allowed folder
 * must not be.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT } from '../helpers/docx-build.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-lint-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
fs.copyFileSync(path.join(ROOT, 'biome.jsonc'), path.join(tmp, 'biome.jsonc'));
fs.cpSync(path.join(ROOT, 'lint'), path.join(tmp, 'lint'), { recursive: true });

/** Lints (or with 'check' also format-checks) the given files (path → source) in a fresh copy; returns the diagnostics' `file:line` and messages. */
function lint(files: Record<string, string>, command: 'lint' | 'check' = 'lint'): { code: number | null; out: string } {
  const dir = fs.mkdtempSync(path.join(tmp, 'probe-'));
  fs.copyFileSync(path.join(tmp, 'biome.jsonc'), path.join(dir, 'biome.jsonc'));
  fs.cpSync(path.join(tmp, 'lint'), path.join(dir, 'lint'), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const bin = path.join(ROOT, 'node_modules', '.bin', 'biome');
  const r = spawnSync(bin, [command, '--vcs-enabled=false', '--error-on-warnings', '--max-diagnostics=none', 'src'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

const cases: Array<{ file: string; source: string; what: string; message: RegExp }> = [
  {
    file: 'src/render/docx/x.ts',
    source: "import type { Issue } from '../../model/types.js';\nexport type T = Issue;\n",
    what: 'the model in a renderer',
    message: /never the issue model/,
  },
  {
    file: 'src/render/x.ts',
    source: "import { GRID } from '../layout/spec.js';\nexport const g = GRID;\n",
    what: 'the spec in a renderer',
    message: /no layout number from the spec/,
  },
  {
    file: 'src/render/pdf/x.ts',
    source: "import { STYLES } from '../../layout/styles.js';\nexport const s = STYLES;\n",
    what: 'the style table in a renderer',
    message: /style table/,
  },
  {
    file: 'src/render/html/x.ts',
    source: "export const c = () => import('../../layout/compose.js');\n",
    what: 'the composer in a renderer (dynamic import)',
    message: /composes nothing/,
  },
  {
    file: 'src/archive/x.ts',
    source: "import type { Output } from '../cli/report.js';\nexport type O = Output;\n",
    what: 'src/cli from below',
    message: /Nothing below src\/cli/,
  },
  {
    file: 'src/render/docx/y.ts',
    source: "import { main } from '../../cli/main.js';\nexport const m = main;\n",
    what: 'src/cli from a renderer',
    message: /Nothing below src\/cli/,
  },
  {
    file: 'src/config/w.ts',
    source: "import { stdio } from '../cli/report.js';\nexport const s = stdio;\n",
    what: 'src/cli from src/config',
    message: /Nothing below src\/cli/,
  },
  {
    file: 'src/config/x.ts',
    source: "import fs from 'node:fs';\nexport const w = (f: string) => fs.writeFileSync(f, '');\n",
    what: 'a file write in src/config',
    message: /writes no file/,
  },
  {
    file: 'src/config/y.ts',
    source: "import { renameSync } from 'node:fs';\nexport const r = renameSync;\n",
    what: 'a named fs writer in src/config',
    message: /writes no file/,
  },
  {
    file: 'src/config/z.ts',
    source: "import { writeFileAtomic } from '../output/write-atomic.js';\nexport const w = writeFileAtomic;\n",
    what: 'a writer from src/output in src/config',
    message: /writes no file/,
  },
];

test.each(cases)('the linter reports $what', ({ file, source, message }) => {
  const r = lint({ [file]: source });
  expect(r.code).not.toBe(0);
  expect(r.out).toMatch(message);
  expect(r.out).toContain(file);
});

test('the same imports are allowed where the layers permit them', () => {
  const r = lint({
    'src/layout/x.ts':
      "import type { Issue } from '../model/types.js';\nimport { GRID } from './spec.js';\nexport const g: [Issue | undefined, unknown] = [undefined, GRID];\n",
    'src/cli/commands/x.ts': "import type { Output } from '../report.js';\nexport type O = Output;\n",
    'src/output/x.ts': "import fs from 'node:fs';\nexport const w = (f: string) => fs.writeFileSync(f, '');\n",
    'src/config/read.ts': "import fs from 'node:fs';\nexport const r = (f: string) => fs.readFileSync(f, 'utf8');\n",
  });
  expect(r.out).not.toMatch(/noRestrictedImports|plugin/);
  expect(r.code).toBe(0);
});

test('npm test checks the format: a file formatted otherwise fails, the same file formatted passes', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts.test).toContain('npm run lint');
  expect(pkg.scripts.lint).toMatch(/^biome check /);
  const r = lint({ 'src/archive/new-file.ts': 'export const  x = {a:1,\n    b:2}\n' }, 'check');
  expect(r.code).not.toBe(0);
  expect(r.out).toContain('src/archive/new-file.ts format');
  expect(lint({ 'src/archive/new-file.ts': 'export const x = { a: 1, b: 2 };\n' }, 'check').code).toBe(0);
});
