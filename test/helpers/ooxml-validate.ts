/**
 * Microsoft's Open XML SDK validator, run offline: the npm package @ooxml-tools/validate is the
 * SDK compiled to WebAssembly, with the command `ooxml-validate FILE` (about 4 s a file).
 * A file it cannot check is an error here, never a pass.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO } from './series.js';

const COMMAND = path.join(REPO, 'node_modules', '.bin', 'ooxml-validate');

export interface SchemaError {
  description: string;
  path: { xpath: string; partUri: string };
  id: string;
}

/** The SDK's findings for a .docx or .xlsx file (Microsoft 365 rules); [] when it is valid. */
export function validateOoxml(file: string): SchemaError[] {
  const r = spawnSync(COMMAND, ['--of', 'json', file], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 << 20,
    // The command's `#!/usr/bin/env node` finds the Node running the tests.
    env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  if (r.error || r.status !== 0)
    throw new Error(`ooxml-validate could not run on ${file}: ${r.error?.message ?? `status ${r.status}`}\n${r.stderr}`);
  let found: unknown;
  try {
    found = JSON.parse(r.stdout);
  } catch {
    throw new Error(`ooxml-validate gave no JSON for ${file}:\n${r.stdout}\n${r.stderr}`);
  }
  if (!Array.isArray(found)) throw new Error(`ooxml-validate gave ${r.stdout} for ${file}`);
  return found as SchemaError[];
}
