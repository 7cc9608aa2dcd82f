/**
 * The coverage walk (layout/coverage.ts) reads every text the PDF sets: on an issue with
 * characters no font has in the masthead, a lead, a body paragraph, a list, a table, a caption
 * and the end block, it finds exactly the characters and files that setting the pages finds.
 */
import { afterAll, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { Faces } from '../../src/fonts/faces.js';
import { FontResolver } from '../../src/fonts/resolve.js';
import { compose } from '../../src/layout/compose.js';
import { missingGlyphs } from '../../src/layout/coverage.js';
import { loadIssue, openSeries } from '../../src/pipeline.js';
import { paginate } from '../../src/layout/paginate.js';
import { resolveIssue } from '../../src/sources/find.js';
import { sourceLocator } from '../../src/sources/locate.js';
import { bulletinYaml, cleanupTemp, issueYaml, makeSeries, newsItem } from '../helpers/series.js';

afterAll(cleanupTemp);

it('finds the characters and files the PDF plan finds, everywhere text is printed', () => {
  const dir = makeSeries({
    'bulletin.yaml': bulletinYaml('publisher: 省协同\u{1F642}办公室\nname: 工作动态\uE010'),
    'issues/001/issue.yaml': issueYaml(1, '2024-05-08', 'copies: 200\ndistribution:\n  本期增发: 某\u{1F643}单位'),
    'issues/001/10.md': newsItem(
      '高校动态',
      '某大学\uE000召开推进会',
      [
        '第一段\uF8FF。',
        '',
        '- 列表项\uE001',
        '',
        '表1 标题\uE007',
        '',
        '| 项目 | 数\uE002量 |',
        '| --- | --- |',
        '| 甲\uE008 | 1 |',
        '',
        '### 小标题\uE009',
      ].join('\n'),
    ),
  });
  const ctx = openSeries(dir);
  const cfg = resolveIssue(ctx.series, ctx.issues, undefined);
  const { issue, sources } = loadIssue(ctx, cfg, new Diagnostics());
  if (!issue) throw new Error('fixture did not build');

  const plan = new Faces(new FontResolver(issue), () => undefined);
  paginate(compose(issue, plan), plan);
  const key = (d: { file: string; message: string }): string => `${d.file} ${/U\+[0-9A-F]+/.exec(d.message)![0]}`;
  const byPlan = [...new Set([...plan.missing.values()].map(key))].sort();

  const fonts = new Faces(new FontResolver(issue), () => undefined);
  const byWalk = [...new Set(missingGlyphs(compose(issue, fonts), fonts, sourceLocator(ctx.series.root, sources)).map(key))].sort();

  // Name and publisher (bulletin.yaml), 本期增发 (issue.yaml), and seven places in the item.
  expect(byPlan).toHaveLength(10);
  expect(byWalk).toEqual(byPlan);
});
