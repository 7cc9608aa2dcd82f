/**
 * Run-in leads in the PDF (spec §11): `一、……。` opens its paragraph in 黑体, the lead
 * `一是……。` after it prints in 仿宋 made bold — filled and stroked (text rendering mode 2)
 * with a line of SYNTHETIC_BOLD.strokeEm, its closing 。 with it — and the glyphs keep their
 * advances, so the lines break exactly as they would in regular 仿宋. Read back from the
 * PDF's operator lists and text positions.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { SYNTHETIC_BOLD } from '../../src/layout/spec.js';
import type { Block, Issue } from '../../src/model/types.js';
import { drawnText, type DrawnText } from '../helpers/pdf-ops.js';
import { bodyLines, renderAndRead, type Rendered } from '../helpers/pdf-render.js';
import { requireModel, SAMPLE } from '../helpers/series.js';

let issue: Issue;
let r: Rendered;
let drawn: DrawnText[];

beforeAll(async () => {
  issue = requireModel(SAMPLE, '9');
  r = await renderAndRead(issue);
  drawn = await drawnText(r.bytes);
});

/** The pieces drawn one after another that show `text` from the start of the first. */
function piecesOf(text: string): DrawnText[] {
  for (let at = 0; at < drawn.length; at++) {
    if (!text.startsWith(drawn[at]!.text) && !drawn[at]!.text.startsWith(text)) continue;
    const out: DrawnText[] = [];
    let got = '';
    for (let i = at; got.length < text.length && i < drawn.length; i++) {
      out.push(drawn[i]!);
      got += drawn[i]!.text;
    }
    if (got.startsWith(text)) return out;
  }
  throw new Error(`not drawn: ${text}`);
}

describe('run-in leads in the PDF', () => {
  test('一、 heads in regular 黑体; the 一是 lead after them in 仿宋, filled and stroked at 1/30 em, its 。 with it', () => {
    const head = piecesOf('一、围绕重点任务，协同推进。');
    for (const d of head) expect(d).toMatchObject({ font: 'FandolHei-Regular', renderMode: 0 });
    const lead = piecesOf('一是部门担纲，积极协同落实。');
    for (const d of lead) {
      expect(d.font).toBe('FandolFang-Regular');
      expect(d.renderMode).toBe(2);
      expect(d.lineWidth).toBeCloseTo(SYNTHETIC_BOLD.strokeEm * d.size, 3);
    }
    // The text right after the lead is plain 仿宋.
    const after = piecesOf('赣州市教育局围绕协同提质重点工作任务');
    expect(after[0]).toMatchObject({ font: 'FandolFang-Regular', renderMode: 0 });
  });

  test('every lead of 第9期 (一是 … 六是) is bold 仿宋 and no 黑体 is left on them', () => {
    const leads = drawn.filter((d) => /^[一二三四五六]是/.test(d.text));
    expect(leads.length).toBe(21);
    for (const d of leads) expect(d, d.text).toMatchObject({ font: 'FandolFang-Regular', renderMode: 2 });
    // Nothing else is stroked: plain text, heads and the masthead are filled only.
    const stroked = drawn.filter((d) => d.renderMode !== 0);
    expect(stroked.every((d) => d.font === 'FandolFang-Regular')).toBe(true);
    expect(drawn.filter((d) => d.font === 'FandolHei-Regular' && /是/.test(d.text[1] ?? ''))).toEqual([]);
  });

  test('the text extracts unchanged and the lines break where regular 仿宋 breaks them', async () => {
    // Leads print bold however they were typed (src/layout/run-in-leads.ts) except in runs that
    // name their own font: the regular rendering to compare with gives the leads' runs 仿宋 by name.
    const unbold = (b: Block): Block =>
      b.type === 'paragraph'
        ? { ...b, runs: b.runs.map((x) => (x.font ? x : x.bold ? { ...x, bold: undefined, font: 'body' as const } : x)) }
        : b;
    const plain: Issue = {
      ...issue,
      sections: issue.sections.map((s) => ({
        ...s,
        entries: s.entries.map((e) => (e.kind === 'article' ? { ...e, blocks: e.blocks.map(unbold) } : e)),
      })),
    };
    const p = await renderAndRead(plain);
    expect(p.pdf.pages.length).toBe(r.pdf.pages.length);
    const lines = (x: Rendered) => x.pdf.pages.map((pg) => bodyLines(pg).map((l) => `${l.text}@${l.x.toFixed(2)},${l.right.toFixed(2)}`));
    expect(lines(r)).toEqual(lines(p));
    expect((await drawnText(p.bytes)).some((d) => d.renderMode !== 0)).toBe(false);
  });
});
