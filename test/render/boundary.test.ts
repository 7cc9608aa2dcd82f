/**
 * Renderers translate the Galley (composition.md): nothing under src/render may read the
 * issue model, compose on its own, or take a layout number from the spec or the style table
 * other than through what it is given. Checked on the import specifiers of every file,
 * static and dynamic, resolved against the file's folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/docx-build.js';

const RENDER = path.join(ROOT, 'src', 'render');
const FORBIDDEN: Array<[string, string]> = [
  ['src/model/', 'the issue model'],
  ['src/layout/spec.ts', 'the layout numbers'],
  ['src/layout/styles.ts', 'the style table (the Galley carries it)'],
  ['src/layout/compose.ts', 'the composition (the pipeline composes once)'],
];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.[cm]?ts$/.test(e.name) ? [p] : [];
  });
}

/** Every module a file names: `import … from`, `export … from`, `import(…)`, `import '…'`. */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s*['"]([^'"]+)['"]/gm];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

const rel = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/');

test('nothing under src/render imports the model, the spec, the style table or the composer', () => {
  const found: string[] = [];
  let relative = 0;
  for (const file of files(RENDER)) {
    for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      relative++;
      const target = rel(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      for (const [bad, what] of FORBIDDEN) {
        if (bad.endsWith('/') ? target.startsWith(bad) : target === bad) found.push(`${rel(file)} → ${target} (${what})`);
      }
    }
  }
  // The scan reads the renderers' own imports (galley.ts, formats.ts, …): it cannot pass on an empty walk.
  expect(relative).toBeGreaterThan(50);
  expect(found).toEqual([]);
});
