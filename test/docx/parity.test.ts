/**
 * One composition, two outputs: our PDF and LibreOffice's rendering of our DOCX break the
 * same lines and have the same pages — for 第9期, the mixed fixture and the news-heavy
 * fixture, with the end block where it falls and on an even page. Lines are compared as a
 * reader sees them (test/helpers/parity.ts). Needs LibreOffice and pdftotext; under CI a
 * missing client fails the test instead of skipping it.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, issueOf } from '../helpers/docx-build.js';
import { libreOfficeMissing } from '../helpers/libreoffice.js';
import { parity } from '../helpers/parity.js';

const missing = libreOfficeMissing();
const FIXTURES = { '第9期': ROOT, mixed: path.join(ROOT, 'test', 'fixtures', 'mixed'), news: path.join(ROOT, 'test', 'fixtures', 'news') };
const cases = Object.keys(FIXTURES).flatMap((name) => [
  { name, even: false },
  { name, even: true },
]);

describe.skipIf(Boolean(missing) && !process.env.CI)(`PDF and DOCX in LibreOffice: the same lines and pages${missing ? `（${missing}）` : ''}`, () => {
  test.for(cases)('$name, end block on an even page: $even', { timeout: 120_000 }, async ({ name, even }, ctx) => {
    if (missing) throw new Error(missing);
    const issue = issueOf(FIXTURES[name as keyof typeof FIXTURES]);
    issue.endBlock.onEvenPage = even;
    const p = await parity(issue);
    await ctx.annotate(`lines alike ${p.alike}/${p.total} = ${(100 * p.share).toFixed(1)} %; pages PDF ${p.pdfPages}, LibreOffice ${p.docxPages}`);
    expect(p.total).toBeGreaterThan(40);
    expect(p.share).toBeGreaterThanOrEqual(0.95);
    expect(p.docxPages).toBe(p.pdfPages);
  });
});
