/**
 * A series of five issues over three quarters of 2024, with a unit registry that has aliases,
 * import records, items with unit:, items whose unit is only named in the lead, an item of two
 * units, items of no unit and a unit with nothing. The expected figures are worked out by hand
 * in stats.test.ts.
 */
import { bulletinYaml, issueYaml, makeSeries, newsItem } from '../helpers/series.js';

export const SHA = {
  gnnuApril: 'a'.repeat(64),
  jjuApril: 'b'.repeat(64),
  gnnuDropped: 'c'.repeat(64),
  jxnuDropped: 'd'.repeat(64),
};

const UNITS = `units:
  - name: 江西省教育厅
    kind: 省直
    aliases: [省教育厅]
  - name: 江西师范大学
    kind: 高校
    aliases: [江西师大]
  - name: 赣南师范大学
    kind: 高校
    aliases: [赣南师大]
  - name: 九江学院
    kind: 高校
  - name: 赣州市教育局
    kind: 设区市
    aliases: [赣州市]
  - name: 南昌市教育局
    kind: 设区市
    aliases: [南昌市]
  - name: 上饶市教育局
    kind: 设区市
    aliases: [上饶市]
statsWeights:
  news: 1
  article: 2
  note: 1`;

const source = (file: string, sha: string): string => `source:\n  file: ${file}\n  sha256: ${sha}`;

const importsYaml = `# 导入记录
imports:
  - file: 赣南师大4月动态.docx
    sha256: ${SHA.gnnuApril}
    date: 2024-04-20
    unit: 赣南师范大学
    kind: 高校
    section: 高校动态
    items: [20-赣南师范大学.md]
    count: 2
  - file: 九江学院.docx
    sha256: ${SHA.jjuApril}
    date: 2024-04-21
    unit: 九江学院
    kind: 高校
    section: 高校动态
    items: [50-九江学院.md]
    count: 1
  - file: 赣南师大-未采用.docx
    sha256: ${SHA.gnnuDropped}
    date: 2024-04-21
    unit: 赣南师范大学
    kind: 高校
    section: 高校动态
    items: [21-赣南师范大学.md]
    count: 1
  - file: 江西师大来稿.docx
    sha256: ${SHA.jxnuDropped}
    date: 2024-04-22
    unit: 江西师大
    kind: 高校
    section: 高校动态
    items: [22-江西师范大学.md]
    count: 1
`;

/** The 通报 table's head row, as the CSV, the workbook and the DOCX all print it. */
export const TABLE_HEAD = [
  '序号',
  '单位',
  '类别',
  '省级动态',
  '高校动态',
  '市县动态',
  '经验交流',
  '编者按',
  '合计',
  '收稿',
  '采用',
  '采用率',
];

export function makeStatsSeries(): string {
  return makeSeries({
    'bulletin.yaml': bulletinYaml(UNITS),
    // Q1
    'issues/001/issue.yaml': issueYaml(1, '2024-02-20'),
    'issues/001/10-省级.md': newsItem('省级动态', '省教育厅召开协同提质行动推进会', '2月18日，会议在南昌召开。'),
    'issues/001/20-江西师大.md': `${newsItem('高校动态', '江西师大启动“一校一策”帮扶', '学校制定帮扶方案。', 'unit: 江西师大')}\n## 江西师大举办教研活动\n\n活动在试点校举行。\n`,
    'issues/002/issue.yaml': issueYaml(2, '2024-03-31'),
    'issues/002/20-赣南师大.md': newsItem('高校动态', '学校召开协同提质工作推进会', '会议部署了工作。', 'unit: 赣南师范大学'),
    'issues/002/30-市县.md': newsItem('市县动态', '南昌市与江西师范大学签署协同提质协议', '三方签署了协议。'),
    // Q2
    'issues/003/issue.yaml': issueYaml(3, '2024-04-01'),
    'issues/003/00-编者按.md': '---\nsection: 编者按\ntitle: 关于增设“经验交流”专栏的说明\n---\n\n为推广经验做法，增设专栏。\n',
    'issues/003/20-赣南师范大学.md': `${newsItem('高校动态', '赣南师范大学召开推进会', '会议在赣州召开。', `unit: 赣南师大\n${source('赣南师大4月动态.docx', SHA.gnnuApril)}`)}\n## 学校专家组赴试点校调研\n\n专家组走访了16所学校。\n`,
    'issues/003/40-经验.md':
      '---\nsection: 经验交流\ntitle: 多措并举谋协同，精准发力促提质\nsubtitle: ——赣州市协同提质行动经验材料\n---\n\n赣州市积极贯彻落实行动方案。\n',
    'issues/003/50-九江学院.md': newsItem(
      '高校动态',
      '九江学院开展送教下乡活动',
      '活动覆盖3个县。',
      `unit: 九江学院\n${source('九江学院.docx', SHA.jjuApril)}`,
    ),
    'issues/003/imports.yaml': importsYaml,
    'issues/004/issue.yaml': issueYaml(4, '2024-06-30'),
    'issues/004/20-两校.md': newsItem('高校动态', '两校联合举办教师教育论坛', '论坛在南昌举行。', 'unit: [江西师范大学, 赣南师范大学]'),
    'issues/004/30-某县.md': newsItem('市县动态', '某县举办乡村教师培训', '培训为期一周。'),
    // Q3: outside the second quarter by one day
    'issues/005/issue.yaml': issueYaml(5, '2024-07-01'),
    'issues/005/30-上饶.md': newsItem('市县动态', '上饶市召开协同提质工作会', '会议部署了下半年工作。', 'unit: 上饶市教育局'),
  });
}
