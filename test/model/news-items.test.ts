/**
 * News items (动态) as the model holds them: sections in series order, ★ leads closed with 。,
 * lead + body, unit lines, ordering, and the masthead / end block options of the mixed fixture.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImageBlock, Issue, ListBlock, NewsItem, Paragraph } from '../../src/model/types.js';
import { buildModel, cleanupTemp, FIXTURES, issueYaml, makeSeries, newsItem, requireModel, text } from '../helpers/series.js';

const MIXED = path.join(FIXTURES, 'mixed');
let issue: Issue;

beforeAll(() => {
  const m = buildModel(MIXED);
  expect(m.errors).toEqual([]);
  expect(m.warnings).toEqual([]);
  issue = m.issue!;
});
afterAll(cleanupTemp);

function news(sectionName: string): NewsItem[] {
  const s = issue.sections.find((x) => x.name === sectionName);
  expect(s, `section ${sectionName}`).toBeDefined();
  return s!.entries as NewsItem[];
}

describe('the mixed fixture', () => {
  test('sections come in series order with their printed heads', () => {
    expect(issue.sections.map((s) => s.heading)).toEqual(['【省级动态】', '【高校动态】', '【市县动态】', '【经验交流】']);
    expect(issue.sections.map((s) => s.kind)).toEqual(['news', 'news', 'news', 'articles']);
  });

  test('items per section: two ## items in one file, one each elsewhere', () => {
    expect(issue.sections.map((s) => [s.name, s.entries.length])).toEqual([
      ['省级动态', 2],
      ['高校动态', 1],
      ['市县动态', 1],
      ['经验交流', 1],
    ]);
    expect(news('省级动态').map((i) => i.leadText)).toEqual(['省教育厅召开协同提质行动推进会。', '省协同提质行动办公室开展专项调研。']);
  });

  test('leads are bold, closed with 。, and point at their ## line', () => {
    for (const s of issue.sections.filter((x) => x.kind === 'news')) {
      for (const item of s.entries as NewsItem[]) {
        expect(item.kind).toBe('news');
        expect(item.leadText).toMatch(/。$/);
        expect(item.lead.every((r) => r.bold === true)).toBe(true);
        expect(text(item.lead)).toBe(item.leadText);
      }
    }
    expect(news('省级动态')[0]!.at).toMatchObject({ file: 'issues/001/10-province.md', line: 5 });
    expect(news('省级动态')[1]!.at).toMatchObject({ file: 'issues/001/10-province.md', line: 11 });
  });

  test('the body follows the lead: first paragraph, inner bold, later paragraphs', () => {
    const [first] = news('省级动态');
    expect(first!.body.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    const p1 = first!.body[0] as Paragraph;
    expect(p1.runs).toEqual([
      {
        text: '5月6日，省教育厅在南昌召开全省高校与县域基础教育协同提质行动推进会，总结前一阶段工作，部署下一阶段重点任务。会议要求，各联盟高校要',
      },
      { text: '聚焦“五个一”重点任务', bold: true },
      { text: '，推动协同提质行动走深走实。' },
    ]);
    expect(text((first!.body[1] as Paragraph).runs)).toBe('会议还通报了首批试点县（市、区）评估情况。');
    expect(first!.unit).toBeUndefined();
  });

  test('unit: printed as （江西师范大学供稿） after the item, here after a list', () => {
    const [item] = news('高校动态');
    expect(item!.unit).toBe('江西师范大学');
    expect(item!.body.map((b) => b.type)).toEqual(['paragraph', 'list', 'paragraph']);
    const list = item!.body[1] as ListBlock;
    expect(list.ordered).toBe(true);
    expect(list.start).toBe(1);
    expect(list.items.map((blocks) => text((blocks[0] as Paragraph).runs))).toEqual([
      '示范课与说课评课；',
      '校本教研专题讲座；',
      '青年教师成长沙龙。',
    ]);
    expect((item!.body[2] as Paragraph).runs).toEqual([{ text: '（江西师范大学供稿）' }]);
  });

  test('rare name characters pass through unchanged', () => {
    const body = text((news('高校动态')[0]!.body[0] as Paragraph).runs);
    expect(body).toContain('王堃、李喆、张珺、陈昇、刘玥、赵彧、孙犇、周赟');
  });

  test('a file without ## headings takes its lead from front matter title', () => {
    const [item] = news('市县动态');
    expect(item!.leadText).toBe('吉安市建立协同提质月调度制度。');
    expect(item!.at).toMatchObject({ file: 'issues/001/30-cities.md', line: 3 });
    expect(text((item!.body[0] as Paragraph).runs)).toMatch(/^吉安市教育局建立协同提质行动月调度制度/);
  });

  test('the image: absolute path, format, pixel size and caption', () => {
    const img = news('市县动态')[0]!.body[1] as ImageBlock;
    expect(img.type).toBe('image');
    expect(img.path).toBe(path.join(MIXED, 'issues/001/images/meeting.png'));
    expect(img.format).toBe('png');
    expect([img.widthPx, img.heightPx]).toEqual([600, 300]);
    expect(img.caption).toBe('吉安市协同提质行动调度会现场');
    expect(img.at).toMatchObject({ file: 'issues/001/30-cities.md', line: 8 });
  });

  test('masthead: 总第21期 from totalOffset 20, classification, print date', () => {
    expect(issue.masthead.label).toBe('第1期');
    expect(issue.masthead.totalLabel).toBe('总第21期');
    expect(issue.meta.total).toBe(21);
    expect(issue.masthead.classification).toBe('内部资料　注意保存');
    expect(issue.masthead.date).toBe('2024年5月8日');
    expect(issue.endBlock.printDate).toBe('2024年5月9日印发');
  });

  test('end block: 共印120份 and distribution lists joined with 、', () => {
    expect(issue.endBlock.copies).toBe('共印120份');
    expect(issue.endBlock.distribution.map(({ label, text }) => ({ label, text }))).toEqual([
      { label: '报', text: '省协同提质行动领导小组组长、副组长。' },
      { label: '送', text: '省协同提质行动领导小组成员单位、联盟高校、各设区市教育局、各试点县（市、区）教育局、各试点学校。' },
      { label: '发', text: '各联盟高校协同提质工作办公室。' },
    ]);
  });

  test('the plain 编者按 prints run-in', () => {
    expect(issue.note).toMatchObject({ title: '编者按', runIn: true });
    expect(text((issue.note!.blocks[0] as Paragraph).runs)).toBe('本期集中刊发各地协同提质行动的最新进展，供各地各校学习借鉴。');
  });
});

describe('built in a temp series', () => {
  test('sections follow bulletin.yaml, not file names', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/a.md': newsItem('市县动态', '市县一', '正文一。'),
      'issues/001/b.md': newsItem('高校动态', '高校一', '正文二。'),
      'issues/001/c.md': newsItem('省级动态', '省级一', '正文三。'),
    });
    expect(requireModel(dir).sections.map((s) => s.name)).toEqual(['省级动态', '高校动态', '市县动态']);
  });

  test('issue.yaml sections: choose and reorder the columns of one issue', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08', 'sections: [市县动态, 省级动态]'),
      'issues/001/a.md': newsItem('市县动态', '市县一', '正文一。'),
      'issues/001/c.md': newsItem('省级动态', '省级一', '正文三。'),
    });
    expect(requireModel(dir).sections.map((s) => s.name)).toEqual(['市县动态', '省级动态']);
  });

  test('items are ordered by order:, then file name; items of one file keep their order; no order: goes last', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/a-none.md': newsItem('高校动态', '甲大学（无 order）', '正文。'),
      'issues/001/b-two.md': newsItem('高校动态', '乙大学（order 2）', '正文。', 'order: 2'),
      'issues/001/d-one.md': newsItem('高校动态', '丁大学（order 1，文件名 d）', '正文。', 'order: 1'),
      'issues/001/c-one.md': '---\nsection: 高校动态\norder: 1\n---\n\n## 丙大学第一条\n\n正文。\n\n## 丙大学第二条\n\n正文。\n',
      'issues/001/0-zero.md': newsItem('高校动态', '零大学（无 order，文件名 0）', '正文。'),
    });
    expect(requireModel(dir).sections[0]!.entries.map((e) => (e as NewsItem).leadText)).toEqual([
      '丙大学第一条。',
      '丙大学第二条。',
      '丁大学（order 1，文件名 d）。',
      '乙大学（order 2）。',
      '零大学（无 order，文件名 0）。',
      '甲大学（无 order）。',
    ]);
  });

  test('lead punctuation: a trailing ，or . becomes 。; ？ and ！ are kept', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/a.md': [
        '---',
        'section: 省级动态',
        '---',
        '',
        '## 省教育厅召开推进会，',
        '',
        '正文。',
        '',
        '## 协同提质怎么干？',
        '',
        '正文。',
        '',
        '## 又一所试点学校挂牌！',
        '',
        '正文。',
        '',
        '## 调研组赴赣州.',
        '',
        '正文。',
        '',
      ].join('\n'),
    });
    expect(requireModel(dir).sections[0]!.entries.map((e) => (e as NewsItem).leadText)).toEqual([
      '省教育厅召开推进会。',
      '协同提质怎么干？',
      '又一所试点学校挂牌！',
      '调研组赴赣州。',
    ]);
  });

  test('unit after a paragraph closes that paragraph; a list of units is joined with 、', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/a.md': newsItem('高校动态', '两校联合开展送教活动', '两校联合开展送教下乡活动。', 'unit: [江西师范大学, 赣南师范大学]'),
    });
    const item = requireModel(dir).sections[0]!.entries[0] as NewsItem;
    expect(item.body).toHaveLength(1);
    expect(text((item.body[0] as Paragraph).runs)).toBe('两校联合开展送教下乡活动。（江西师范大学、赣南师范大学供稿）');
  });

  test('soft line breaks inside Chinese text vanish; between Latin words they become a space', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/a.md': newsItem('省级动态', '推进会召开', '省教育厅召开\n推进会，启用 smart\nclassroom 平台。'),
    });
    const item = requireModel(dir).sections[0]!.entries[0] as NewsItem;
    expect(text((item.body[0] as Paragraph).runs)).toBe('省教育厅召开推进会，启用 smart classroom 平台。');
  });
});
