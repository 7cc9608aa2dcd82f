/**
 * The drafts `bulletin new` writes (one a section, plus the editor's note) are not noise: while
 * untouched they are one line of `check` and `build`, never a warning a file, and an imported
 * submission takes the place of its section's untouched draft. A draft someone wrote in, or a
 * file that sets a unit but has no text, is still named on its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assertCliBuilt, cleanupTemp, copySeries, REPO, runCli } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

const DRAFTS = ['00-编者按.md', '10-省级动态.md', '20-高校动态.md', '30-市县动态.md', '40-经验交流.md'];

describe('untouched drafts of new', () => {
  let dir: string;
  const issue = (f = ''): string => path.join(dir, 'issues/010', f);

  beforeAll(() => {
    dir = copySeries(REPO);
    expect(runCli(['new', '--date', '2024-05-20'], dir).code).toBe(0);
    fs.writeFileSync(
      path.join(dir, '来稿.txt'),
      '江西师范大学召开协同提质工作推进会\n\n5月18日，江西师范大学召开协同提质工作推进会，部署下一阶段工作。\n',
    );
  });

  test('check names them once, in one line, and warns about none of them', () => {
    const r = runCli(['check', '10'], dir);
    const all = `${r.stdout}${r.stderr}`;
    expect(r.stderr.split('\n')).toContain(
      `issues/010  说明：5 个稿件模板还没有写，不会印出：${DRAFTS.join('、')}（要写就在其中写稿，不用的可以删去）`,
    );
    expect(all).not.toContain('这份稿件还没有内容');
    for (const d of DRAFTS) expect(all.split(d).length - 1, d).toBe(1);
  });

  test('an import takes the place of its section’s untouched draft, and says so', () => {
    const r = runCli(['import', '来稿.txt', '--unit', '江西师范大学', '--section', '高校动态'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('issues/010/20-高校动态.md 是没有写过的模板，已由导入的稿件代替（已删去）');
    expect(fs.existsSync(issue('20-高校动态.md'))).toBe(false);
    expect(fs.readdirSync(issue()).filter((f) => f.includes('江西师范大学'))).toHaveLength(1);
  });

  test('a draft someone wrote in is kept when an import fills its section', () => {
    const draft = issue('30-市县动态.md');
    fs.writeFileSync(draft, `${fs.readFileSync(draft, 'utf8')}\n<!-- 本栏目等南昌市的稿件 -->\n`);
    fs.writeFileSync(path.join(dir, '来稿2.txt'), '南昌市召开推进会\n\n5月10日，南昌市教育局召开试点学校工作推进会。\n');
    const r = runCli(['import', '来稿2.txt', '--unit', '南昌市教育局', '--section', '市县动态'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toContain('已删去');
    expect(fs.existsSync(draft)).toBe(true);
  });

  test('build says the same one line; a file that sets a unit but has no text is still warned about on its own', () => {
    fs.writeFileSync(issue('50-空稿.md'), '---\nsection: 省级动态\nunit: 江西省教育厅\n---\n\n');
    const r = runCli(['build', '10', '--format', 'html', '--out', path.join(dir, 'out')], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'issues/010  说明：4 个稿件模板还没有写，不会印出：00-编者按.md、10-省级动态.md、30-市县动态.md、40-经验交流.md',
    );
    expect(r.stderr).toContain('issues/010/50-空稿.md:5:1  警告：这份稿件还没有内容，不会印出');
    expect(r.stderr.match(/这份稿件还没有内容/g)).toHaveLength(1);
  });
});
