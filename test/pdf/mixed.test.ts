/**
 * The mixed fixture: 密级 line, 总第N期, news items, a list, an image, a table and rare name
 * characters that only the fallback face has; and a character no face has.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { UserError } from '../../src/diagnostics.js';
import type { Issue } from '../../src/model/types.js';
import { renderPdf } from '../helpers/render-format.js';
import { GEOM, bodyLines, isPageNumber, modelText, pdfText, renderAndRead, type Rendered } from '../helpers/pdf-render.js';
import { FIXTURES, requireModel } from '../helpers/series.js';
import path from 'node:path';

let issue: Issue;
let r: Rendered;
const RARE = Array.from('堃喆珺昇玥彧犇赟');

beforeAll(async () => {
  issue = requireModel(path.join(FIXTURES, 'mixed'));
  r = await renderAndRead(issue);
});

describe('mixed fixture PDF', () => {
  test('all text in order, nothing lost or boxed', () => {
    // The fixture runs to 4 pages: `contents: auto` prints the contents box under the masthead.
    expect(pdfText(r.pdf)).toBe(modelText(issue, { contents: true }));
    expect(pdfText(r.pdf)).not.toMatch(/[\uFFFD]/);
    for (const f of r.pdf.fonts) expect(f.missingFile).toBe(false);
  });

  test('rare name characters print in the fallback face, the rest of their line in 仿宋', () => {
    const items = r.pdf.pages.flatMap((p) => p.lines.flatMap((l) => l.items));
    for (const ch of RARE) {
      const item = items.find((i) => i.text.includes(ch));
      expect(item, ch).toBeDefined();
      expect(item!.font).toBe('NotoSerifCJKsc-Regular');
    }
    const line = r.pdf.pages.flatMap((p) => p.lines).find((l) => l.text.includes('堃'))!;
    expect(line.fonts).toContain('FandolFang-Regular');
    expect(r.log.some((m) => m.includes('NotoSerifCJKsc-Fallback.otf'))).toBe(true);
  });

  test('lines with fallback and 黑体 pieces stay one grid pitch apart', () => {
    for (const p of r.pdf.pages) {
      const lines = bodyLines(p).filter((l) => l.items.every((i) => i.size > 15));
      for (let i = 1; i < lines.length; i++) {
        const steps = (lines[i].y - lines[i - 1].y) / GEOM.pitch;
        if (steps < 1.5) expect(steps, `${lines[i - 1].text} / ${lines[i].text}`).toBeCloseTo(1, 3);
      }
    }
  });

  test('classification top left, 总第N期 on the label line, copies in the end block', () => {
    const p1 = r.pdf.pages[0];
    const cls = p1.lines[0];
    expect(cls.text.replace(/\s/g, '')).toBe(issue.masthead.classification!.replace(/\s/g, ''));
    expect(cls.x).toBeCloseTo(GEOM.left, 1);
    expect(p1.lines.some((l) => l.text.includes(issue.masthead.totalLabel!))).toBe(true);
    const last = r.pdf.pages.at(-1)!;
    const copies = last.lines.find((l) => l.text.includes(issue.endBlock.copies!))!;
    expect(copies.right).toBeCloseTo(GEOM.right - GEOM.endSize, 0);
  });

  test('the table spans the text block; its header repeats on a new page', () => {
    const headers = r.pdf.pages.flatMap((p) => p.lines).filter((l) => l.text.includes('牵头高校'));
    expect(headers.length).toBeGreaterThanOrEqual(1);
    expect(headers[0].fonts).toEqual(['FandolHei-Regular']);
    const cell = r.pdf.pages.flatMap((p) => p.lines).find((l) => l.text.includes('西昌民族'))!;
    expect(cell.right).toBeLessThanOrEqual(GEOM.right);
  });

  test('every page but the first carries no masthead; page numbers alternate sides', () => {
    for (const p of r.pdf.pages) {
      const n = p.lines.find(isPageNumber)!;
      if (p.number % 2) expect(n.right).toBeGreaterThan(GEOM.pageWidth / 2);
      else expect(n.x).toBeLessThan(GEOM.pageWidth / 2);
    }
  });

  test('a character that no face has stops the build, naming it, its code point, file and line', async () => {
    const broken = structuredClone(issue);
    const s = broken.sections.find((x) => x.kind === 'news')!;
    const item = s.entries[0];
    if (item.kind !== 'news' || item.body[0].type !== 'paragraph') throw new Error('fixture changed');
    item.body[0].runs.push({ text: '苹果\uF8FF' });
    const err = await renderPdf(broken, { log: () => undefined }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    // One fatal diagnostic per place, which the reporter prints as file:line:column; the error's
    // own message only counts them.
    expect((err as UserError).message).toContain('有 1 处字符');
    const [d, ...more] = (err as UserError).diagnostics;
    expect(more).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', file: item.body[0].at!.file, line: item.body[0].at!.line });
    expect(d!.message).toContain('\uF8FF');
    expect(d!.message).toContain('U+F8FF');
  });
});
