/**
 * Headings and tables in the model. The plan fixture is a work plan converted from a PDF
 * extraction where every heading line is written `## …` and the level comes from its number
 * (一、→1 （一）→2 1.→3 （1）→4); temp series cover unnumbered headings (level from ## depth),
 * headings deeper than four levels, and table shapes.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Article, Heading, Issue, NewsItem, Paragraph, Table } from '../../src/model/types.js';
import { blockRuns, buildModel, cleanupTemp, FIXTURES, issueYaml, makeSeries, requireModel, text } from '../helpers/series.js';

const PLAN = path.join(FIXTURES, 'plan');
const PLAN_FILE = 'issues/010/10-北京师范大学组团.md';
let issue: Issue;
let article: Article;

beforeAll(() => {
  const m = buildModel(PLAN, '10');
  expect(m.errors).toEqual([]);
  expect(m.warnings).toEqual([]);
  issue = m.issue!;
  article = issue.sections[0]!.entries[0] as Article;
});
afterAll(cleanupTemp);

function headings(blocks = article.blocks): Array<[number, string]> {
  return blocks.filter((b): b is Heading => b.type === 'heading').map((h) => [h.level, text(h.runs)]);
}

/** An article file in a temp series, built, returning its blocks and the diagnostics. */
function articleFrom(body: string): { article: Article; warnings: Array<{ rule: string; line?: number; column?: number }> } {
  const dir = makeSeries({
    'issues/001/issue.yaml': issueYaml(1, '2024-05-20'),
    'issues/001/a.md': `---\nsection: 经验交流\ntitle: 测试文章\n---\n\n${body}\n`,
  });
  const m = buildModel(dir);
  expect(m.errors).toEqual([]);
  return {
    article: m.issue!.sections[0]!.entries[0] as Article,
    warnings: m.warnings.map((w) => ({ rule: w.rule, line: w.line, column: w.column })),
  };
}

describe('the plan fixture', () => {
  test('is one 经验交流 article with title, —— subtitle and unit', () => {
    expect(issue.masthead.label).toBe('第10期');
    expect(issue.sections.map((s) => [s.name, s.entries.length])).toEqual([['经验交流', 1]]);
    expect(article.title).toBe('教育部师范教育协同提质计划北京师范大学组团工作方案');
    expect(article.subtitle).toBe('——北京师范大学组团工作方案摘编');
    expect(article.unit).toBe('北京师范大学');
    const last = article.blocks[article.blocks.length - 1] as Paragraph;
    expect(text(last.runs)).toMatch(/实地调研组团内一所薄弱院校。（北京师范大学供稿）$/);
  });

  test('heading levels come from their numbers, though every heading is written ##', () => {
    expect(headings()).toEqual([
      [1, '一、总体要求'],
      [2, '（一）指导思想和工作目标'],
      [2, '（二）工作原则'],
      [3, '1.一校一策，扶特补弱，打造“高原”与填平“洼地”并举'],
      [3, '2.资源共享，协同提升，构建师范教育发展共同体'],
      [1, '二、组团名单'],
      [2, '（一）重点联系院校'],
      [2, '（二）帮扶工作机制'],
      [1, '三、重点内容'],
      [2, '（一）人才队伍建设'],
      [2, '（二）学科专业建设'],
      [2, '（三）基础教育服务建设'],
      [2, '（四）学校管理与发展建设'],
      [1, '四、组织实施'],
      [2, '（一）组织领导架构'],
      [2, '（二）联席会议机制'],
      [2, '（三）日常沟通机制'],
      [2, '（四）信息报送机制'],
      [2, '（五）调查研究机制'],
      [3, '1.计划制定阶段：开展两轮调研，制定薄弱院校提质计划'],
      [4, '（1）第一轮调研'],
      [4, '（2）第二轮调研'],
      [3, '2.计划实施阶段'],
    ]);
  });

  test('headings point at their source lines', () => {
    const h = article.blocks.filter((b): b is Heading => b.type === 'heading');
    expect(h[0]!.at).toEqual({ file: PLAN_FILE, line: 16, column: 1 });
    expect(h[h.length - 1]!.at).toMatchObject({ file: PLAN_FILE, line: 119 });
  });

  test('the table: header, rows with empty continuation cells, alignment', () => {
    const tables = article.blocks.filter((b): b is Table => b.type === 'table');
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.align).toEqual(['center', 'left', 'left']);
    expect(t.header.map((c) => text(c.runs))).toEqual(['牵头高校', '重点联系院校（M）', '重点支持薄弱院校（N）']);
    expect(t.rows.map((r) => r.map((c) => text(c.runs)))).toEqual([
      ['北京师范大学', '北京师范大学', '青海师范大学'],
      ['', '安徽师范大学', '阜阳师范大学'],
      ['', '西北师范大学', '阿坝师范学院'],
      ['', '四川师范大学', '西昌民族幼专'],
    ]);
    expect(t.rows[1]![0]!.runs).toEqual([]);
    expect(t.at).toMatchObject({ file: PLAN_FILE, line: 38 });
    expect(t.caption).toBeUndefined();
  });

  test('the table sits between its introducing paragraph and the next heading', () => {
    const i = article.blocks.findIndex((b) => b.type === 'table');
    expect(text((article.blocks[i - 1] as Paragraph).runs)).toMatch(/结对帮扶名单如下：$/);
    expect(headings([article.blocks[i + 1]!])).toEqual([[2, '（二）帮扶工作机制']]);
  });

  test('bold run-in 1. openings stay bold body text, in the body font', () => {
    const runIns = article.blocks
      .filter((b): b is Paragraph => b.type === 'paragraph')
      .map((p) => p.runs[0]!)
      .filter((r) => r.bold);
    expect(runIns.map((r) => r.text)).toEqual(['1.联席会议成员单位：', '2.联席会议秘书处：', '3.联席会议议事范围：']);
    for (const r of runIns) expect(r.font).toBeUndefined();
  });

  test('the editor’s comment is not printed; no extraction artifacts remain', () => {
    const all = text(blockRuns(article.blocks));
    expect(all).not.toContain('PDF');
    expect(all).not.toContain('表1');
    expect(all).not.toMatch(/[,;:()"]/);
    // Stray spaces between Chinese characters (聚 焦, 帮扶 机制) and broken words (凝\n聚) are gone.
    expect(all).not.toMatch(/[\u4e00-\u9fff，。、；：][ \t\u3000\n]+[\u4e00-\u9fff]/);
    expect(all).toContain('聚焦师范主业');
    expect(all).toContain('凝聚共识');
    expect(all).toContain('协同提质院校联系人名单-北京师范大学');
  });
});

describe('heading levels', () => {
  test('numbers decide the level whatever the ## depth; half- and full-width forms', () => {
    const { article: a } = articleFrom(
      ['#### 一、总体要求', '', '## （1）第一轮', '', '## (二)工作原则', '', '##### 3．资源共享', '', '### (4)第四项', '', '正文。'].join(
        '\n',
      ),
    );
    expect(headings(a.blocks)).toEqual([
      [1, '一、总体要求'],
      [4, '（1）第一轮'],
      [2, '(二)工作原则'],
      [3, '3．资源共享'],
      [4, '(4)第四项'],
    ]);
  });

  test('unnumbered headings take their level from ## depth (## is level 1 in an article)', () => {
    const { article: a, warnings } = articleFrom(
      ['## 总体要求', '', '### 指导思想', '', '#### 工作原则', '', '##### 一校一策', '', '正文。'].join('\n'),
    );
    expect(headings(a.blocks)).toEqual([
      [1, '总体要求'],
      [2, '指导思想'],
      [3, '工作原则'],
      [4, '一校一策'],
    ]);
    expect(warnings).toEqual([]);
  });

  test('a number that is really a quantity (1.5亿元) is not a level-3 prefix', () => {
    const { article: a } = articleFrom('### 1.5亿元专项资金到位\n\n正文。');
    expect(headings(a.blocks)).toEqual([[2, '1.5亿元专项资金到位']]);
  });

  test('a heading deeper than four levels is warned at its line and printed as level 4', () => {
    const { article: a, warnings } = articleFrom(['## 总体要求', '', '###### 过深的标题', '', '正文。'].join('\n'));
    expect(headings(a.blocks)).toEqual([
      [1, '总体要求'],
      [4, '过深的标题'],
    ]);
    // Front matter is lines 1–4, a blank line 5: the ###### heading is on line 8.
    expect(warnings).toEqual([{ rule: 'heading-too-deep', line: 8, column: 1 }]);
  });

  test('bold marks inside a heading are dropped: the level decides its look', () => {
    const { article: a } = articleFrom('## **一、总体要求**\n\n正文。');
    const h = a.blocks[0] as Heading;
    expect(h.runs).toEqual([{ text: '一、总体要求' }]);
  });

  test('in a news item ## starts an item, so ### is level 1 and #### level 2', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-20'),
      'issues/001/a.md': '---\nsection: 省级动态\n---\n\n## 省教育厅召开推进会\n\n会议指出：\n\n### 会议要点\n\n#### 细则\n\n正文。\n',
    });
    const item = requireModel(dir).sections[0]!.entries[0] as NewsItem;
    expect(headings(item.body)).toEqual([
      [1, '会议要点'],
      [2, '细则'],
    ]);
  });
});

describe('tables', () => {
  test('right / none alignment, ragged rows padded, inline bold and rare characters in cells', () => {
    const { article: a } = articleFrom(
      ['| 学校 | 人数 | 备注 |', '| --- | ---: | --- |', '| 赣南师范大学 | 163 | **实习生**，含驻校教师 |', '| 王堃工作室 | 12 |'].join(
        '\n',
      ),
    );
    const t = a.blocks[0] as Table;
    expect(t.type).toBe('table');
    expect(t.align).toEqual([null, 'right', null]);
    expect(t.header.map((c) => text(c.runs))).toEqual(['学校', '人数', '备注']);
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0]![2]!.runs).toEqual([{ text: '实习生', bold: true }, { text: '，含驻校教师' }]);
    expect(t.rows[1]!.map((c) => text(c.runs))).toEqual(['王堃工作室', '12', '']);
  });
});

describe('heading numbers are set close', () => {
  test('drops the space an editor types after 1. or （1）', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/40.md':
        '---\nsection: 经验交流\ntitle: 标题\n---\n\n## 一、 总体要求\n\n#### 1. 一校一策\n\n##### （1）　打造高原\n\n正文。\n',
    });
    const article = requireModel(dir).sections[0]!.entries[0]!;
    const heads = article.kind === 'article' ? article.blocks.filter((b) => b.type === 'heading') : [];
    expect(heads.map((h) => (h.type === 'heading' ? `${h.level}:${text(h.runs)}` : ''))).toEqual([
      '1:一、总体要求',
      '3:1.一校一策',
      '4:（1）打造高原',
    ]);
  });
});
