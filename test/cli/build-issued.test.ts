/**
 * `build` of an issued issue makes it as it was sent out: the settings recorded at issue, not
 * today's bulletin.yaml, and it says so (and names the files edited since).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdf } from '../helpers/pdf-text.js';
import { pdfText } from '../helpers/pdf-render.js';
import { bulletinYaml, cleanupTemp, issueYaml, makeSeries, newsItem, runCli } from '../helpers/series.js';

afterAll(cleanupTemp);

describe('build of an issued issue', () => {
  const dir = makeSeries({
    'bulletin.yaml': bulletinYaml('publisher: 原编印单位办公室'),
    'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
    'issues/001/10.md': newsItem('省级动态', '省厅召开推进会。', '会议部署了下一阶段工作。'),
  });
  const pdfOf = async (): Promise<string> =>
    pdfText(await readPdf(new Uint8Array(fs.readFileSync(path.join(dir, 'OUT', '工作动态第1期.pdf')))));

  it('uses the publisher recorded at issue, not the one bulletin.yaml names today', async () => {
    expect(runCli(['issue', '1', '--date', '2024-05-10'], dir).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'bulletin.yaml'), bulletinYaml('publisher: 后来改名的办公室'));
    const r = runCli(['build', '1', '--out', 'OUT', '--format', 'pdf'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/issues\/001 已于 2024-05-10 印发，按印发时记下的系列设置（issued\.json）生成/);
    const text = await pdfOf();
    expect(text).toContain('原编印单位办公室');
    expect(text).not.toContain('后来改名的办公室');
  });

  it('names the sources edited after issue', () => {
    fs.appendFileSync(path.join(dir, 'issues/001/10.md'), '\n补一句。\n');
    const r = runCli(['build', '1', '--out', 'OUT', '--format', 'pdf'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n')).toContain(
      'issues/001/10.md  警告：第1期印发（2024-05-10）之后改动了这个文件，与印发的不再一致（存档中仍是印发时的样子）。确要改发请运行 bulletin archive --reissue 1；否则请把它改回印发时的样子',
    );
  });
});
