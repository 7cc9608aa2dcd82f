/**
 * The run-in leads and the masthead's red rule as LibreOffice renders our DOCX, next to our
 * PDF: the lead 一是……。 in 仿宋 emboldened (LibreOffice strokes it as we do), the 一、 head
 * in regular 黑体; the red rule as thick in pixels in both, a 简报's heavy rule rather than
 * a 公文's 1.5 pt separator. Needs LibreOffice, pdftotext and pdftoppm; under CI a missing
 * client fails the test instead of skipping it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { needs, why } from '../helpers/clients.js';
import { MASTHEAD, SYNTHETIC_BOLD, mm, PAGE } from '../../src/layout/spec.js';
import { renderDocx } from '../helpers/render-format.js';
import { renderPdf } from '../helpers/render-format.js';
import { quiet } from '../helpers/docx-build.js';
import { docxToPdf } from '../helpers/libreoffice.js';
import { drawnText, type DrawnText } from '../helpers/pdf-ops.js';
import { requireModel, SAMPLE } from '../helpers/series.js';

const office = needs('libreoffice', 'poppler');
const DPI = 288;
const PX_PER_PT = DPI / 72;

/**
 * Thickness in pixels of the red rule on page 1: the lowest run of red pixel rows in a
 * column of the text block, within the top half of the page.
 */
function redRulePx(pdf: Uint8Array): number {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-rule-'));
  try {
    const file = path.join(work, 'in.pdf');
    fs.writeFileSync(file, pdf);
    const x = Math.round((mm(PAGE.marginLeftMm) + 100) * PX_PER_PT);
    const r = spawnSync(
      'pdftoppm',
      [
        '-r',
        String(DPI),
        '-f',
        '1',
        '-l',
        '1',
        '-x',
        String(x),
        '-y',
        '0',
        '-W',
        '4',
        '-H',
        String(Math.round((mm(PAGE.heightMm) * PX_PER_PT) / 2)),
        file,
      ],
      { maxBuffer: 64 << 20 },
    );
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
    const buf = r.stdout as Buffer;
    // P6 header: magic, width, height, maxval, each followed by whitespace.
    const head = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
    const [w, h] = [Number(head[1]), Number(head[2])];
    const data = buf.subarray(head[0].length);
    // The rule is the lowest red in the top half (the red name and series line are above it).
    let last = 0;
    let run = 0;
    for (let row = 0; row < h; row++) {
      const i = (row * w + 1) * 3;
      const red = data[i]! > 180 && data[i + 1]! < 110 && data[i + 2]! < 110;
      run = red ? run + 1 : 0;
      if (run > 0) last = run;
    }
    return last;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

office.describe(`leads and the red rule, PDF and LibreOffice${why(office)}`, () => {
  let pdf: Uint8Array;
  let lo: Uint8Array;

  beforeAll(async () => {
    const issue = requireModel(SAMPLE, '9');
    pdf = (await renderPdf(issue, quiet)).bytes;
    lo = docxToPdf((await renderDocx(issue, quiet)).bytes);
  }, 120_000);

  test('LibreOffice sets the 一是 lead in 仿宋 made bold and the 一、 head in regular 黑体, as our PDF does', async () => {
    const find = (drawn: DrawnText[], start: string) => drawn.find((d) => d.text.startsWith(start))!;
    for (const bytes of [pdf, lo]) {
      const drawn = await drawnText(bytes, [2, 3]);
      expect(find(drawn, '一、围绕重点任务')).toMatchObject({ font: 'FandolHei-Regular', renderMode: 0 });
      const lead = find(drawn, '一是部门担纲');
      expect(lead).toMatchObject({ font: 'FandolFang-Regular', renderMode: 2 });
      // Both stroke about 1/30 em.
      expect(lead.lineWidth / lead.size).toBeCloseTo(SYNTHETIC_BOLD.strokeEm, 2);
      expect(find(drawn, '二是高校牵头')).toMatchObject({ font: 'FandolFang-Regular', renderMode: 2 });
    }
  });

  test(`the red rule is ${MASTHEAD.ruleWidthPt} pt thick in our PDF and in LibreOffice's rendering, heavier than a 公文's 1.5 pt`, async (ctx) => {
    expect(MASTHEAD.ruleWidthPt).toBeGreaterThan(1.5);
    expect(mm(1)).toBeGreaterThanOrEqual(MASTHEAD.ruleWidthPt);
    const want = MASTHEAD.ruleWidthPt * PX_PER_PT;
    const ours = redRulePx(pdf);
    const theirs = redRulePx(lo);
    await ctx.annotate(`red rule at ${DPI} dpi: PDF ${ours} px, LibreOffice ${theirs} px, ${want} px wanted`);
    expect(Math.abs(ours - want), `PDF ${ours} px`).toBeLessThanOrEqual(1.5);
    expect(Math.abs(theirs - want), `LibreOffice ${theirs} px`).toBeLessThanOrEqual(1.5);
    expect(ours).toBeGreaterThan(1.5 * PX_PER_PT + 1);
  });
});
