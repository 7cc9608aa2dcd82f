/**
 * A year of a bulletin for the bound-volume tests: twelve short issues dated 2024 (第2期 to
 * 第13期, one a month), with 第1期 in 2023 and 第14期 in 2025 outside the year. Items vary in
 * length so that issues take one to three pages; 第4期 holds a picture, 第6期 an editor's note
 * and an article. Issues are issued and archived with the real commands by the tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, bulletinYaml, issueYaml, makeSeries, newsItem, type FileTree } from '../helpers/series.js';

const PARAGRAPH =
  '各地各校围绕协同提质行动的重点任务，细化工作方案，压实工作责任，推动师范院校与试点县结对帮扶走深走实，在教师培训、课堂教学改革和教研共同体建设等方面取得了阶段性成效。';

/** The headline of each item, so that tests can find them. */
export function headline(n: number, k: number): string {
  return `第${n}期第${k}条动态：协同提质行动推进会在试点县召开`;
}

function issueFiles(n: number, date: string): FileTree {
  const dir = String(n).padStart(3, '0');
  const long = n % 3 === 0 ? 6 : 1;
  const files: FileTree = {
    [`issues/${dir}/issue.yaml`]: issueYaml(n, date),
    [`issues/${dir}/10-省级动态.md`]: newsItem('省级动态', headline(n, 1), PARAGRAPH),
    [`issues/${dir}/20-高校动态.md`]: `${newsItem('高校动态', headline(n, 2), Array.from({ length: long }, () => PARAGRAPH).join('\n\n'))}\n## ${headline(n, 3)}\n\n${PARAGRAPH}\n`,
  };
  if (n === 4) {
    files[`issues/${dir}/30-市县动态.md`] = newsItem('市县动态', headline(n, 4), `${PARAGRAPH}\n\n![推进会现场](images/meeting.png)`);
    files[`issues/${dir}/images/meeting.png`] = fs.readFileSync(path.join(FIXTURES, 'mixed', 'issues', '001', 'images', 'meeting.png'));
  }
  if (n === 6) {
    files[`issues/${dir}/00-编者按.md`] = `---\nsection: 编者按\ntitle: 关于本期专题的说明\n---\n\n${PARAGRAPH}\n`;
    files[`issues/${dir}/40-经验交流.md`] =
      `---\nsection: 经验交流\ntitle: 第6期经验交流：组团帮扶促提升\nsubtitle: ——试点县协同提质经验材料\n---\n\n${PARAGRAPH}\n\n## 一、主要做法\n\n${PARAGRAPH}\n\n${PARAGRAPH}\n`;
  }
  return files;
}

export function makeVolumeYear(): string {
  let files: FileTree = { 'bulletin.yaml': bulletinYaml() };
  files = { ...files, ...issueFiles(1, '2023-12-15') };
  for (let n = 2; n <= 13; n++) files = { ...files, ...issueFiles(n, `2024-${String(n - 1).padStart(2, '0')}-10`) };
  files = { ...files, ...issueFiles(14, '2025-01-10') };
  return makeSeries(files);
}
