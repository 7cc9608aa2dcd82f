/**
 * Every OOXML file bulletin writes passes the Open XML SDK's schema validation — what Word and
 * Excel check before they offer to "repair" a file: the bulletin DOCX, the 通报 of
 * `stats --format docx`, the workbook of `stats --format xlsx` and the 目录 of a bound volume
 * (`volume`). The validator (about 4 s a
 * file) runs once per kind of file, on the richest example of it: the mixed fixture with its
 * end block on an even page (pictures, tables, lists, links, two sections), and the stats
 * fixture with import records, weights and units without items.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SERIES, docxOf, issueOf } from '../helpers/docx-build.js';
import { validateOoxml } from '../helpers/ooxml-validate.js';
import { assertCliBuilt, cleanupTemp, copySeries, REPO, runCli, tempDir } from '../helpers/series.js';
import { makeStatsSeries } from '../stats/fixture.js';

let out: string;
let stats: string;

beforeAll(() => {
  assertCliBuilt();
  out = tempDir('bulletin-ooxml-');
  stats = makeStatsSeries();
});
afterAll(cleanupTemp);

const where = (errors: ReturnType<typeof validateOoxml>): string[] =>
  errors.map((e) => `${e.path.partUri} ${e.path.xpath}: ${e.description}`);

test('a file the validator cannot check is an error, never a pass', { timeout: 120_000 }, () => {
  expect(() => validateOoxml(path.join(out, 'missing.docx'))).toThrow(/ooxml-validate could not run/);
});

describe('the Open XML SDK finds nothing to repair', () => {
  test('the bulletin DOCX', { timeout: 120_000 }, async () => {
    const issue = issueOf(SERIES.mixed);
    issue.endBlock.onEvenPage = true;
    const file = path.join(out, 'bulletin.docx');
    fs.writeFileSync(file, await docxOf(issue));
    expect(where(validateOoxml(file))).toEqual([]);
  });

  test('the 通报 DOCX (stats --format docx)', { timeout: 120_000 }, () => {
    const file = path.join(out, '通报.docx');
    const r = runCli(['stats', '-y', '2024', '-q', '2', '-f', 'docx', '-o', file], stats);
    expect(r.code, r.stderr).toBe(0);
    expect(where(validateOoxml(file))).toEqual([]);
  });

  test('the 目录 of a bound volume (volume)', { timeout: 180_000 }, () => {
    const series = copySeries(REPO);
    const r = runCli(['volume', '2024', '-o', out], series, 120_000);
    expect(r.code, r.stderr).toBe(0);
    expect(where(validateOoxml(path.join(out, '工作动态2024年合订本目录.docx')))).toEqual([]);
  });

  test('the workbook (stats --format xlsx)', { timeout: 120_000 }, () => {
    const file = path.join(out, '统计.xlsx');
    const r = runCli(['stats', '-y', '2024', '-q', '2', '-f', 'xlsx', '-o', file], stats);
    expect(r.code, r.stderr).toBe(0);
    expect(where(validateOoxml(file))).toEqual([]);
  });
});
