/**
 * The schema validators are compiled when the package is built (scripts/gen-validators.mjs);
 * src/config/validators.generated.ts must be what the schemas compile to now, and it must
 * reject what the schemas reject.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { loadYaml } from '../../src/config/yaml-load.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

describe('precompiled schema validators', () => {
  it('are up to date with templates/series/*.schema.json', () => {
    const fresh = execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'scripts', 'gen-validators.mjs'), '--print'], {
      encoding: 'utf8',
    });
    const built = fs.readFileSync(path.join(PACKAGE_ROOT, 'src', 'config', 'validators.generated.ts'), 'utf8');
    expect(built === fresh, 'run `npm run build` (or node scripts/gen-validators.mjs)').toBe(true);
  });

  it('report a wrong front matter at its line, with the schema’s words', () => {
    const diags = new Diagnostics();
    const r = loadYaml({ file: 'a.md', text: 'section: 高校动态\nordr: 2\ntitle: 1\n', lineOffset: 2 }, 'item', diags);
    expect(r.value).toBeUndefined();
    const msgs = diags.list.map((d) => `${d.line}:${d.message}`);
    expect(msgs.some((m) => m.startsWith('3:') && m.includes('不认识的设置项“ordr”') && m.includes('order'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('4:') && m.includes('“title”应当是文字'))).toBe(true);
  });

  it('accept a valid issue.yaml', () => {
    const diags = new Diagnostics();
    const r = loadYaml<{ number: number }>({ file: 'issue.yaml', text: 'number: 10\ndate: 2024-05-20\n' }, 'issue', diags);
    expect(diags.list).toEqual([]);
    expect(r.value?.number).toBe(10);
  });
});
