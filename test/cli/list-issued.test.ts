/**
 * `list` tells issued issues from drafts: an issued issue is a record, and the clerk deciding
 * what to edit must see which ones are closed and which were edited after issue.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTemp, issueYaml, makeSeries, newsItem, runCli } from '../helpers/series.js';

afterAll(cleanupTemp);

describe('list marks issued issues', () => {
  const dir = makeSeries({
    'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
    'issues/001/10.md': newsItem('省级动态', '省厅召开推进会。', '会议部署了下一阶段工作。'),
    'issues/002/issue.yaml': issueYaml(2, '2024-05-20'),
    'issues/002/10.md': newsItem('省级动态', '第二期的动态。', '正文。'),
  });

  it('shows the issue date of an issued issue and nothing for a draft', () => {
    expect(runCli(['issue', '1', '--date', '2024-05-10'], dir).code).toBe(0);
    const r = runCli(['list'], dir);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.includes('issues/001'))).toMatch(/已于 2024-05-10 印发/);
    expect(lines.find((l) => l.includes('issues/002'))).not.toMatch(/印发/);
  });

  it('says when an issued issue was edited afterwards', () => {
    fs.appendFileSync(path.join(dir, 'issues/001/10.md'), '\n补一句。\n');
    const r = runCli(['list'], dir);
    expect(r.stdout.split('\n').find((l) => l.includes('issues/001'))).toMatch(/已于 2024-05-10 印发，之后改动了 1 个文件/);
  });

  it('a damaged record is listed as an error with its file, exit 1', () => {
    fs.writeFileSync(path.join(dir, 'issues/001/issued.json'), '{ broken');
    const r = runCli(['list'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/issues\/001\/issued\.json 不是有效的 JSON/);
    expect(r.stdout).toMatch(/issues\/002/);
  });
});
