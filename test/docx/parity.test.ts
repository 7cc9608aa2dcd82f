/**
 * One composition, two outputs: our PDF and LibreOffice's rendering of our DOCX have the same
 * pages — for 第9期, the mixed fixture and the news-heavy fixture, with the end block where it
 * falls and on an even page. LibreOffice measures the DOCX, it does not get to change it: the
 * share of lines alike is reported, with the reason for every line that differs
 * (test/helpers/parity.ts), first among them the settings LibreOffice cannot honour. Needs
 * LibreOffice 25.2 and pdftotext; under CI a missing client fails the test instead of skipping.
 */
import path from 'node:path';
import { expect, test } from 'vitest';
import { needs, why } from '../helpers/clients.js';
import { ROOT, issueOf } from '../helpers/docx-build.js';
import { REASONS, explainedParity, parity, type Reason } from '../helpers/parity.js';

const lo = needs('libreoffice', 'poppler');
const FIXTURES = { 第9期: ROOT, mixed: path.join(ROOT, 'test', 'fixtures', 'mixed'), news: path.join(ROOT, 'test', 'fixtures', 'news') };
const names = Object.keys(FIXTURES) as Array<keyof typeof FIXTURES>;
/** Right edge of the text block (spec §1: left margin 28 mm, block 156 mm wide), in points. */
const BLOCK_RIGHT_PT = ((28 + 156) * 72) / 25.4;

const percent = (x: number): string => `${(100 * x).toFixed(1)} %`;

lo.describe(`PDF and DOCX in LibreOffice: the same pages, lines alike and why not${why(lo)}`, () => {
  test.for(names)('%s: as many pages as the PDF; every line that differs has its reason', { timeout: 180_000 }, async (name, ctx) => {
    const p = await explainedParity(issueOf(FIXTURES[name]), BLOCK_RIGHT_PT);
    const reasons = (Object.keys(p.byReason) as Reason[]).map((r) => `${p.byReason[r]} ${r}`).join(', ');
    await ctx.annotate(
      `LibreOffice ${p.libreOffice}: lines alike ${p.alike}/${p.total} = ${percent(p.share)}; pages PDF ${p.pdfPages}, LibreOffice ${p.docxPages}` +
        (p.diffs.length ? `; differing lines by reason: ${reasons}` : ''),
    );
    const log = [`${name} — LibreOffice ${p.libreOffice}, lines alike ${p.alike}/${p.total} (${percent(p.share)})`];
    for (const r of Object.keys(p.byReason) as Reason[]) {
      log.push(`  ${r} (${p.byReason[r]} lines): ${REASONS[r]}`);
      for (const d of p.diffs.filter((x) => x.reason === r)) {
        log.push(
          `    PDF「${d.pdf}」 LibreOffice「${d.docx ?? '—'}」${d.docxNoAutospace !== undefined ? ` without autospace「${d.docxNoAutospace}」` : ''}${d.follows ? ' (follows)' : ''}`,
        );
      }
    }
    console.log(log.join('\n'));
    // The rendering with a setting changed in LibreOffice's own format measures this DOCX:
    // the unchanged round trip renders exactly as the DOCX does.
    expect(p.roundTripDiffers).toBe(0);
    expect(p.total).toBeGreaterThan(40);
    expect(p.diffs).toHaveLength(p.total - p.alike);
    expect(p.docxPages).toBe(p.pdfPages);
  });

  test.for(names)(
    '%s, end block on an even page: as many pages as the PDF, or two more where the PDF sets it under a body ending on an even page',
    { timeout: 120_000 },
    async (name, ctx) => {
      const issue = issueOf(FIXTURES[name]);
      issue.endBlock.onEvenPage = true;
      const p = await parity(issue);
      await ctx.annotate(`pages PDF ${p.pdfPages}, LibreOffice ${p.docxPages}; lines alike ${p.alike}/${p.total} = ${percent(p.share)}`);
      // The PDF's pages are laid out once (issue 20): a body that ends on an even page with room
      // gets the end block at its foot. The DOCX cannot know where Word ends its body, so its end
      // block opens a section on the next even page: a blank page and the end block's own.
      const last = p.pdf.at(-1)!;
      const sharesPage = last.findIndex((l) => l.startsWith('报：')) > 0;
      expect(p.docxPages).toBe(p.pdfPages + (sharesPage ? 2 : 0));
    },
  );
});
