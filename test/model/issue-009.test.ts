/**
 * The real 第9期, built from the repo's issues/009 through the same pipeline the commands use:
 * what the renderers will print, checked field by field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Article, Issue, Paragraph, Run } from '../../src/model/types.js';
import { buildModel, issueRuns, REPO, text } from '../helpers/series.js';

let issue: Issue;
let warnings: string[];

beforeAll(() => {
  const m = buildModel(REPO, '9');
  expect(m.errors).toEqual([]);
  warnings = m.warnings.map((w) => `${w.file}:${w.line} ${w.message}`);
  issue = m.issue!;
});

function articles(): Article[] {
  return issue.sections[0]!.entries as Article[];
}

function paragraphs(a: Article): Paragraph[] {
  return a.blocks.filter((b): b is Paragraph => b.type === 'paragraph');
}

function boldRuns(a: Article): Run[] {
  return paragraphs(a).flatMap((p) => p.runs.filter((r) => r.bold));
}

/** The bold marks of a source file, counted as pairs of ** in its Markdown. */
function sourceBoldCount(file: string): number {
  const body = fs.readFileSync(path.join(REPO, 'issues/009', file), 'utf8');
  return (body.match(/\*\*/g) ?? []).length / 2;
}

test('builds without warnings', () => {
  expect(warnings).toEqual([]);
});

describe('masthead and meta', () => {
  test('label, date, publisher and series line', () => {
    expect(issue.masthead.label).toBe('第9期');
    expect(issue.masthead.date).toBe('2024年4月24日');
    expect(issue.masthead.publisher).toBe('省协同提质行动工作领导小组办公室');
    expect(issue.masthead.seriesLine).toBe('江西省高校与县域基础教育协同提质行动');
    expect(issue.masthead.name).toBe('工作动态');
  });

  test('no 总第 line and no classification when the series has none', () => {
    expect(issue.masthead.totalLabel).toBeUndefined();
    expect(issue.masthead.classification).toBeUndefined();
  });

  test('file stem, document title, ISO dates', () => {
    expect(issue.meta.fileStem).toBe('工作动态第9期');
    expect(issue.meta.title).toBe('工作动态 第9期');
    expect(issue.meta.isoDate).toBe('2024-04-24');
    expect(issue.meta.isoPrintDate).toBe('2024-04-24');
    expect(issue.meta.number).toBe(9);
    expect(issue.meta.dir).toBe('issues/009');
  });
});

describe('the note', () => {
  test('is the titled 关于增设“经验交流”专栏的说明, centred (not run-in)', () => {
    expect(issue.note).toBeDefined();
    expect(issue.note!.title).toBe('关于增设“经验交流”专栏的说明');
    expect(issue.note!.runIn).toBe(false);
  });

  test('has two paragraphs with the source text', () => {
    const blocks = issue.note!.blocks;
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    const [p1, p2] = blocks as Paragraph[];
    expect(text(p1!.runs)).toMatch(/^江西省高校与县域基础教育协同提质行动是我省实施扩优提质工程的重要抓手/);
    expect(text(p1!.runs)).toMatch(/双向提升的协同提质效果初显。$/);
    expect(text(p2!.runs)).toBe(
      '他山之石，可以攻玉，为推广协同各方的经验做法，《工作动态》增设“经验交流”专栏，以供联盟高校和各设区市协同各方学习借鉴。',
    );
    expect(issue.note!.at.file).toBe('issues/009/00-编者按.md');
  });
});

describe('经验交流', () => {
  test('is the only section, an articles section with its bracketed head', () => {
    expect(issue.sections.map((s) => s.name)).toEqual(['经验交流']);
    expect(issue.sections[0]!.heading).toBe('【经验交流】');
    expect(issue.sections[0]!.kind).toBe('articles');
  });

  test('holds the two articles in `order:` with their titles and —— subtitles', () => {
    const list = articles();
    expect(list.map((a) => a.kind)).toEqual(['article', 'article']);
    expect(list.map((a) => a.title)).toEqual(['多措并举谋协同，精准发力促提质', '四县三方强协同，融合创新双提升']);
    expect(list.map((a) => a.subtitle)).toEqual(['——赣州市协同提质行动经验材料', '——赣南师范大学协同提质行动经验材料']);
    for (const a of list) expect(a.subtitle).toMatch(/^——[^—]/);
    expect(list.map((a) => a.at.file)).toEqual(['issues/009/10-赣州市.md', 'issues/009/20-赣南师范大学.md']);
  });

  test('every block is a paragraph: an opening paragraph and three run-in parts', () => {
    for (const a of articles()) {
      expect(a.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
      expect(a.unit).toBeUndefined();
    }
  });

  test('every ** pair of the source becomes one bold run (CJK-friendly emphasis), a run-in heading split from the lead it opens', () => {
    const [a, b] = articles();
    // **一、……。一是……。**: the heading sentence and the lead are two runs.
    const split = (x: Article) => paragraphs(x).filter((p) => p.runs[0]?.font === 'hei' && p.runs[1]?.bold).length;
    expect(split(a!)).toBe(3);
    expect(split(b!)).toBe(3);
    expect(boldRuns(a!)).toHaveLength(11 + 3);
    expect(boldRuns(b!)).toHaveLength(10 + 3);
    expect(boldRuns(a!)).toHaveLength(sourceBoldCount('10-赣州市.md') + split(a!));
    expect(boldRuns(b!)).toHaveLength(sourceBoldCount('20-赣南师范大学.md') + split(b!));
  });

  test('bold runs closed by 。 and followed directly by Chinese text keep their exact text', () => {
    const [a, b] = articles();
    const boldA = boldRuns(a!).map((r) => r.text);
    const boldB = boldRuns(b!).map((r) => r.text);
    expect(boldA).toContain('二是立足学科竞赛文化，打造金牌教师。');
    expect(boldA).toContain('三是试点发力，创新协同机制。');
    expect(boldA).toContain('五是突出红色文化，打造特色课程。');
    expect(boldB).toContain('二是“一校一策”。');
    expect(boldB).toContain('二、精心谋划，做到精准对接。');
    expect(boldB).toContain('一是“一县一案”。');
    expect(boldB).toContain('六是关注学生心理健康，开展心理健康教育专题活动。');
    // The text right after a bold run is plain, not swallowed into the bold.
    const p4 = paragraphs(a!)[3]!;
    const i = p4.runs.findIndex((r) => r.text === '二是立足学科竞赛文化，打造金牌教师。');
    expect(p4.runs[i + 1]!.bold).toBeUndefined();
    expect(p4.runs[i + 1]!.text).toMatch(/^在赣州市教育局、赣南师范大学的安排指导下/);
  });

  test('run-in level-1 headings (一、 二、 三、) open their paragraph in 黑体', () => {
    for (const a of articles()) {
      const parts = paragraphs(a).slice(1);
      expect(parts.map((p) => p.runs[0]!.text.slice(0, 2))).toEqual(['一、', '二、', '三、']);
      for (const p of parts) {
        expect(p.runs[0]!.bold).toBe(true);
        expect(p.runs[0]!.font).toBe('hei');
      }
    }
    // The heading is the first sentence of the bold run; the lead after it (一是……。) is
    // bold text of the body's own font.
    const [a1, b3] = [paragraphs(articles()[0]!)[1]!, paragraphs(articles()[1]!)[3]!];
    expect(a1.runs.slice(0, 2)).toEqual([
      { text: '一、围绕重点任务，协同推进。', bold: true, font: 'hei' },
      { text: '一是部门担纲，积极协同落实。', bold: true },
    ]);
    expect(b3.runs.slice(0, 2).map((r) => r.text)).toEqual([
      '三、主动作为，抓好工作落实。',
      '一是把握省部政策机遇，促进赣南基础教育发展。',
    ]);
    expect(b3.runs[1]!.font).toBeUndefined();
  });

  test('bold runs that are not level-1 headings keep the body font', () => {
    for (const a of articles()) {
      const others = boldRuns(a).filter((r) => !/^[一二三四五六七八九十]+、/.test(r.text));
      expect(others.length).toBeGreaterThan(0);
      for (const r of others) expect(r.font).toBeUndefined();
    }
  });

  test('the opening paragraph is plain, indented body text', () => {
    const p = paragraphs(articles()[0]!)[0]!;
    expect(p.indent).toBe(true);
    expect(p.runs).toHaveLength(1);
    expect(p.runs[0]!.bold).toBeUndefined();
    expect(text(p.runs)).toMatch(/^赣州市积极贯彻落实《江西省高校与县域基础教育协同提质行动方案》/);
  });
});

describe('end block', () => {
  test('报 and 送 lines from bulletin.yaml, each ending in 。', () => {
    expect(issue.endBlock.distribution.map(({ label, text }) => ({ label, text }))).toEqual([
      { label: '报', text: '省协同提质行动领导小组组长、副组长。' },
      { label: '送', text: '省协同提质行动领导小组成员单位、联盟高校、各设区市教育局。' },
    ]);
  });

  test('printer and print date, no copies line when none is set', () => {
    expect(issue.endBlock.printer).toBe('省协同提质行动工作领导小组办公室');
    expect(issue.endBlock.printDate).toBe('2024年4月24日印发');
    expect(issue.endBlock.copies).toBeUndefined();
    expect(issue.endBlock.onEvenPage).toBe(false);
  });
});

describe('no extraction artifacts', () => {
  test('no Markdown ** left in any printed text', () => {
    const runs = issueRuns(issue);
    expect(runs.length).toBeGreaterThan(30);
    expect(runs.filter((r) => r.text.includes('*')).map((r) => r.text)).toEqual([]);
  });

  test('no space between digits and 年 月 日 人, nor stray line breaks', () => {
    const all = text(issueRuns(issue));
    expect(all).toContain('2024年1月');
    expect(all).toContain('163人');
    expect(all.match(/\d[ \t\u3000]+[年月日人]/g)).toBeNull();
    expect(all.match(/[年月日][ \t\u3000]+\d/g)).toBeNull();
    expect(all).not.toMatch(/\n/);
  });

  test('no half-width commas, semicolons or parentheses in the Chinese text', () => {
    expect(text(issueRuns(issue))).not.toMatch(/[,;()]/);
  });
});
