/**
 * What Word keeps beside the text (issue 22, “nothing vanishes silently”): a footnote, an
 * endnote, an equation, a chart and a reviewer's comment, made by test/import/make-word-notes.py.
 * None is printed; each is named in import's report with where it stood, and the item file
 * holds no trace of mammoth's note links ([1], ↑) or a list made of the notes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { clientPath, needs } from '../helpers/clients.js';
import { assertCliBuilt, cleanupTemp, copySeries, REPO, runCli, tempDir } from '../helpers/series.js';

const MAKE = path.join(REPO, 'test', 'import', 'make-word-notes.py');
const py = needs('python-docx');
const python = clientPath('python-docx');

/** The lines of import's report that quote what was left out: “text”：reason. */
const reported = (stdout: string): Array<{ text: string; reason: string }> =>
  [...stdout.matchAll(/^ {4}“(.+)”：(.+)$/gm)].map((m) => ({ text: m[1]!, reason: m[2]! }));
const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');

let docx: string;
let stdout: string;
let item: string;

py.describe('footnotes, endnotes, equations and comments of a Word file', () => {
  beforeAll(() => {
    assertCliBuilt();
    docx = path.join(tempDir('bulletin-notes-'), '九江市5月动态.docx');
    const made = spawnSync(python!, [MAKE, docx], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(made.stderr);
    const series = copySeries(REPO);
    expect(runCli(['new', '--date', '2024-05-20'], series).code).toBe(0);
    const r = runCli(['import', docx, '--unit', '九江市教育局', '--section', '市县动态'], series);
    expect(r.code, r.stderr).toBe(0);
    stdout = r.stdout;
    const file = /→ issues\/010\/(\S+?\.md)/.exec(stdout)![1]!;
    item = fs.readFileSync(path.join(series, 'issues/010', file), 'utf8');
  }, 120_000);
  afterAll(cleanupTemp);

  test('the item file keeps the text around them and nothing of mammoth’s note links or list', () => {
    const body = item.slice(item.indexOf('\n---\n') + 5);
    expect(body).toContain('会议通报了试点学校的进展情况。截至目前已覆盖全部县区。');
    expect(body).toContain('试点学校教师培训合格率为，高于去年。');
    expect(body).toContain('各县区参训人数见下图：');
    for (const trace of ['footnote', 'endnote', '↑', '[1]', '\\[', '1. ', '试点学校名单见', '数据截至', '时间请与县区核实'])
      expect(body, trace).not.toContain(trace);
  });

  test('the report names each with where it stood and what to do', () => {
    expect(reported(stdout)).toEqual([
      {
        text: '试点学校名单见市教育局网站。',
        reason: '脚注（在“……会议通报了试点学校的进展情况。”处），没有印出：简报不排脚注、尾注，需要的话请写进正文',
      },
      {
        text: '数据截至2024年5月底。',
        reason: '尾注（在“……截至目前已覆盖全部县区。”处），没有印出：简报不排脚注、尾注，需要的话请写进正文',
      },
      { text: '4550', reason: '公式（在“试点学校教师培训合格率为”之后），没有导入：Word 的公式不能导入，请在稿件里改写成文字（如 45/50）' },
      {
        text: '图表 3',
        reason:
          '图表（在“各县区参训人数见下图：”之后），没有导入：请供稿单位把它另存为图片（PNG）插入后重发，或另存为图片放进本期的 images/ 在稿件中引用',
      },
      { text: '时间请与县区核实。', reason: '批注（王芳），没有导入：简报不印批注，请看是否需要照改稿件' },
    ]);
  });

  test('every character of the package’s text parts is in the item file or the report', () => {
    const parts = unzipSync(new Uint8Array(fs.readFileSync(docx)), {
      filter: (f) => /^word\/(document|footnotes|endnotes|comments)\.xml$/.test(f.name),
    });
    const pieces = Object.values(parts).flatMap((x) =>
      [...strFromU8(x).matchAll(/<[wm]:t(?:\s[^>]*)?>([^<]*)<\/[wm]:t>/g)].map((m) => m[1]!),
    );
    const accounted =
      squash(item) +
      reported(stdout)
        .map((r) => squash(r.text))
        .join('');
    const missing = pieces.map(squash).filter((p) => p && !accounted.includes(p));
    expect(missing).toEqual([]);
    expect(pieces.length).toBeGreaterThan(8);
  });
});
