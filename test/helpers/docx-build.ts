/**
 * DOCX under test: the issue model through the same pipeline the commands use, rendered by
 * the DOCX renderer, and the package's XML parts read back (fflate, which docx itself uses).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import type { Issue } from '../../src/model/types.js';
import { loadIssue, openSeries } from '../../src/pipeline.js';
import { renderDocx } from './render-format.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The real 第9期 (repo root) and the fixture with every kind of content. */
export const SERIES = {
  sample: ROOT,
  mixed: path.join(ROOT, 'test', 'fixtures', 'mixed'),
} as const;

export function issueOf(dir: string): Issue {
  const ctx = openSeries(dir);
  const cfg = ctx.issues[0];
  if (!cfg) throw new Error(`no issue in ${dir}`);
  const loaded = loadIssue(ctx, cfg);
  const errors = ctx.diags.errors;
  if (errors.length > 0 || !loaded.issue) throw new Error(`model of ${dir} has errors: ${JSON.stringify(errors)}`);
  return loaded.issue;
}

export const quiet = { log: (): void => undefined };

export async function docxOf(issue: Issue): Promise<Uint8Array> {
  return (await renderDocx(issue, quiet)).bytes;
}

export interface DocxParts {
  names: string[];
  xml(name: string): string;
}

export function partsOf(docx: Uint8Array): DocxParts {
  const files = unzipSync(docx);
  return {
    names: Object.keys(files),
    xml(name) {
      const f = files[name];
      if (!f) throw new Error(`${name} missing from the DOCX`);
      return strFromU8(f);
    },
  };
}

/** Every w:p element of a part, as XML strings. */
export function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}

/** Every w:r with text of a part, as XML strings (field and tab runs without w:t left out). */
export function textRunsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]).filter((r) => r.includes('<w:t'));
}

/** The text of a piece of WordprocessingML, its w:t elements joined, as written. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}
