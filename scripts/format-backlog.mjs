#!/usr/bin/env node
/**
 * Writes lint/format-backlog.jsonc: the files the formatter leaves alone until the one-time
 * reformat (issue 25, phase B), so that `npm run lint` checks the format of every other file —
 * every file written since — and fails on it now.
 *
 *   node scripts/format-backlog.mjs          list the files whose format Biome would change
 *   node scripts/format-backlog.mjs --check  exit 1 if a listed file is formatted already (drop it)
 *
 * Phase B: delete lint/format-backlog.jsonc, its `extends` line in biome.jsonc and this script,
 * then `npm run format` (with the backlog in place, the formatter leaves the listed files alone).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const backlog = path.join(root, 'lint', 'format-backlog.jsonc');
const biome = path.join(root, 'node_modules', '.bin', 'biome');

/** Files whose format Biome would change, with the backlog itself out of the way. */
function unformatted() {
  const kept = fs.existsSync(backlog) ? fs.readFileSync(backlog, 'utf8') : null;
  fs.writeFileSync(backlog, '{}\n');
  try {
    const r = spawnSync(biome, ['format', '--reporter=json', '--max-diagnostics=none', '.'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const report = JSON.parse(r.stdout);
    return [...new Set(report.diagnostics.filter((d) => d.category === 'format').map((d) => d.location.path))].sort();
  } finally {
    if (kept === null) fs.rmSync(backlog);
    else fs.writeFileSync(backlog, kept);
  }
}

const files = unformatted();
if (process.argv.includes('--check')) {
  const listed = [...fs.readFileSync(backlog, 'utf8').matchAll(/"!([^"]+)"/g)].map((m) => m[1]);
  const done = listed.filter((f) => fs.existsSync(path.join(root, f)) && !files.includes(f));
  if (done.length) {
    console.error(`formatted already, drop from lint/format-backlog.jsonc:\n${done.join('\n')}`);
    process.exit(1);
  }
} else {
  const lines = files.map((f) => `      "!${f}"`).join(',\n');
  fs.writeFileSync(
    backlog,
    `// Written by scripts/format-backlog.mjs: the files not yet formatted, left to the one-time reformat
// (issue 25, phase B). Every file not listed here has its format checked by \`npm run lint\`.
// Phase B: delete this file and its \`extends\` line in biome.jsonc, then \`npm run format\`.
{
  "formatter": {
    "includes": [
      "**",
${lines}
    ]
  }
}
`,
  );
  console.log(`${files.length} files in lint/format-backlog.jsonc`);
}
