/**
 * The composition on its own, without any renderer: what it decides (title lines, table
 * column widths, image heights, blank lines, leads, end-block lines) read off the Galley.
 */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { compose, composeRuns, issueMetrics } from '../../src/layout/compose.js';
import type { GBlock, GParagraph, GTable, GImage, Galley } from '../../src/layout/galley.js';
import { textEm } from '../../src/layout/measure.js';
import { ARTICLE, GRID, TABLE, TEXT_BLOCK } from '../../src/layout/spec.js';
import type { Issue } from '../../src/model/types.js';
import { FIXTURES, SAMPLE, requireModel } from '../helpers/series.js';

const text = (b: GBlock): string => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : '');
let sample: Issue;
let mixed: Issue;
let g9: Galley;
let gm: Galley;

beforeAll(() => {
  sample = requireModel(SAMPLE);
  mixed = requireModel(path.join(FIXTURES, 'mixed'));
  g9 = compose(sample, issueMetrics(sample));
  gm = compose(mixed, issueMetrics(mixed));
});

describe('compose', () => {
  test('a long article title breaks into balanced lines that each fit, measured with the title face', () => {
    const title = g9.body.find((b): b is GParagraph => b.kind === 'paragraph' && b.style === 'articleTitle')!;
    const lines: string[] = [];
    for (const r of title.runs) r.breakBefore || lines.length === 0 ? lines.push(r.text) : (lines[lines.length - 1] += r.text);
    expect(lines.join('')).toBe(sample.sections.flatMap((s) => s.entries).find((e) => e.kind === 'article')!.title);
    const m = issueMetrics(sample);
    const widths = lines.map((l) => textEm(l, m.role(ARTICLE.title.role), m) * ARTICLE.title.sizePt);
    for (const w of widths) expect(w).toBeLessThanOrEqual(TEXT_BLOCK.widthPt + 1e-6);
    if (lines.length > 1) expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(ARTICLE.title.sizePt * 4);
  });

  test('a long title breaks as an editor breaks it: after a comma near the middle, never inside a word', () => {
    const article = sample.sections.flatMap((s) => s.entries).find((e) => e.kind === 'article')!;
    const linesOf = (title: string): string[] => {
      const model = {
        ...sample,
        sections: sample.sections.map((s) => ({ ...s, entries: s.entries.map((e) => (e === article ? { ...article, title } : e)) })),
      };
      const g = compose(model, issueMetrics(model));
      const p = g.body.find((b): b is GParagraph => b.kind === 'paragraph' && b.style === 'articleTitle')!;
      const lines: string[] = [];
      for (const r of p.runs) r.breakBefore || lines.length === 0 ? lines.push(r.text) : (lines[lines.length - 1] += r.text);
      return lines;
    };
    // 31 characters of 二号 on a line of about 20: two lines, the comma's break one character off the middle.
    expect(linesOf('关于进一步加强县域普通高中建设，全面提升教育教学质量的实施意见')).toEqual([
      '关于进一步加强县域普通高中建设，',
      '全面提升教育教学质量的实施意见',
    ]);
    expect(linesOf('多措并举谋协同，精准发力促提质，赣州市县域基础教育协同提质行动纪实')).toEqual([
      '多措并举谋协同，精准发力促提质，',
      '赣州市县域基础教育协同提质行动纪实',
    ]);
    // No mark to break after: the break falls between two words of the dictionary.
    const words = ['江西', '高校', '县域', '基础', '教育', '协同', '提质', '行动', '试点', '学校', '工作', '推进', '情况', '汇报'];
    const title = '江西省高校与县域基础教育协同提质行动试点学校工作推进情况汇报';
    const lines = linesOf(title);
    expect(lines.join('')).toBe(title);
    expect(lines).toHaveLength(2);
    const cut = lines[0]!.length;
    for (const w of words) {
      const at = title.indexOf(w);
      expect(cut > at && cut < at + w.length, `${lines.join(' / ')} splits ${w}`).toBe(false);
    }
    expect(Math.abs(lines[0]!.length - lines[1]!.length)).toBeLessThanOrEqual(3);
    // County and district names, most of them unknown to ICU's dictionary, stay whole (兴国县, never 兴国 / 县).
    const places = [
      '于都县',
      '兴国县',
      '宁都县',
      '鄱阳县',
      '余干县',
      '万年县',
      '修水县',
      '武宁县',
      '进贤县',
      '安义县',
      '南昌县',
      '章贡区',
      '沙石镇',
    ];
    for (const t of [
      '赣南师范大学赴于都县兴国县宁都县开展协同提质专项调研指导',
      '上饶师范学院赴鄱阳县余干县万年县开展送教下乡活动',
      '九江学院与修水县武宁县共建教师发展共同体推进会召开',
      '南昌市教育局组织进贤县安义县南昌县骨干教师赴高校跟岗研修',
      '赣州市章贡区沙石镇中心小学开展县域教研交流活动',
    ]) {
      const ls = linesOf(t);
      expect(ls.join('')).toBe(t);
      expect(ls.length).toBeGreaterThan(1);
      let cut = 0;
      for (const l of ls.slice(0, -1)) {
        cut += l.length;
        for (const p of places) {
          const at = t.indexOf(p);
          expect(at >= 0 && cut > at && cut < at + p.length, `${ls.join(' / ')} splits ${p}`).toBe(false);
        }
      }
    }
    // Spec §11 holds in titles too: a number stays whole and with the hanzi after it.
    for (const t of ['江西省县域普通高中教育质量提升2024年工作推进会议纪要', '全省中小学教师培训计划完成率达到98.5%以上的经验做法']) {
      const ls = linesOf(t);
      expect(ls.join('')).toBe(t);
      for (let i = 1; i < ls.length; i++) expect(/[0-9.%]$/.test(ls[i - 1]!) || /^[0-9.%年月日]/.test(ls[i]!), ls.join(' / ')).toBe(false);
    }
  });

  test('table columns fill the text block with padding and rules, the widest content gets the widest column', () => {
    const t = gm.body.find((b): b is GTable => b.kind === 'table')!;
    const n = t.columns.length;
    const total = t.columns.reduce((a, c) => a + c.widthPt, 0) + n * (2 * t.paddingXPt + TABLE.ruleWidthPt) + TABLE.ruleWidthPt;
    expect(total).toBeCloseTo(TEXT_BLOCK.widthPt, 3);
    const longest = t.rows.map((r) => r.map((c) => c.map((x) => x.text).join('').length));
    const widestCol = longest[0]
      .map((_, i) => Math.max(...longest.map((r) => r[i])))
      .reduce((best, v, i, a) => (v > a[best] ? i : best), 0);
    expect(t.columns[widestCol].widthPt).toBe(Math.max(...t.columns.map((c) => c.widthPt)));
  });

  test('an image takes whole grid lines and fits the block', () => {
    const img = gm.body.find((b): b is GImage => b.kind === 'image')!;
    expect(img.widthPt).toBeLessThanOrEqual(TEXT_BLOCK.widthPt + 1e-6);
    expect(img.gridLines).toBe(Math.ceil(img.heightPt / GRID.linePitchPt - 1e-6));
    expect(img.caption && text(img.caption)).toBeTruthy();
  });

  test('column heads keep with the next block, blank lines collapse to one, and news items start with ★ and a lead', () => {
    const heads = gm.body.filter((b) => b.kind === 'paragraph' && b.style === 'sectionHead');
    expect(heads.map(text)).toEqual(mixed.sections.map((s) => s.heading));
    for (const h of heads) expect(h.keepWithNext).toBe(true);
    for (const h of heads.slice(1)) expect(h.blankBefore).toBe(1);
    expect(gm.body[0].blankBefore).toBe(0);
    const item = gm.body[gm.body.indexOf(heads[0]) + 1] as GParagraph;
    expect(item.runs[0]).toMatchObject({ text: '★', lead: true });
    expect(item.outline?.parentId).toBe(heads[0].outline?.id);
  });

  test('the end block counts its wrapped lines and puts a rule between every two lists', () => {
    const eb = gm.endBlock;
    expect(eb.lines).toBe(eb.distribution.reduce((a, d) => a + d.lines, 0) + (eb.copies ? 1 : 0) + 1);
    expect(eb.distribution.some((d) => d.lines > 1)).toBe(true);
    expect(eb.rules[0].afterLines).toBe(0);
    expect(eb.rules.at(-1)!.afterLines).toBe(eb.lines);
    expect(eb.rules.length).toBe(eb.distribution.length + (eb.copies ? 1 : 0) + 2);
  });

  test('run-in leads: 一、 heads stay 黑体, the 一是 lead after them is bold 仿宋 with its 。, headings and items keep their faces', () => {
    const part = g9.body.find((b): b is GParagraph => b.kind === 'paragraph' && text(b).startsWith('一、围绕重点任务'))!;
    expect(part.runs.slice(0, 3)).toEqual([
      { text: '一、围绕重点任务，协同推进。', role: 'hei' },
      { text: '一是部门担纲，积极协同落实。', role: 'body', bold: true },
      expect.objectContaining({ role: 'body' }),
    ]);
    expect(part.runs[2]!.bold).toBeUndefined();
    // A 。 written after the closing ** still closes the lead.
    expect(composeRuns([{ text: '二是高校牵头', bold: true }, { text: '。协同合作高校' }], 'body')).toEqual([
      { text: '二是高校牵头。', role: 'body', bold: true },
      { text: '协同合作高校', role: 'body' },
    ]);
    expect(composeRuns([{ text: '聚焦', bold: true }, { text: '，推动' }], 'body')).toEqual([
      { text: '聚焦', role: 'body', bold: true },
      { text: '，推动', role: 'body' },
    ]);
    // Bold in 楷体 (an editor's note) still prints in 黑体: only 仿宋 is emboldened.
    expect(composeRuns([{ text: '按', bold: true }], 'kai')).toEqual([{ text: '按', role: 'hei' }]);
  });

  test('one link rule: the galley keeps web and mail targets only; any other target prints as text', () => {
    const targets = [
      'https://jyt.jiangxi.gov.cn/',
      'http://example.org',
      'MAILTO:office@example.org',
      'javascript:alert(1)',
      'JaVaScRiPt:x',
      'file:///etc/passwd',
      'data:text/html,x',
      '../secret.md',
      'vbscript:x',
    ];
    const runs = composeRuns(
      targets.map((link, i) => ({ text: `链接${i}`, link })),
      'body',
    );
    expect(runs.map((r) => r.text)).toEqual(targets.map((_, i) => `链接${i}`));
    expect(runs.map((r) => r.link)).toEqual([
      targets[0],
      targets[1],
      targets[2],
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('page-number affixes come from the layout', () => {
    expect(`${g9.pageNumber.prefix}3${g9.pageNumber.suffix}`).toBe('— 3 —');
  });
});
