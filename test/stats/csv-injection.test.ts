/**
 * A unit name is text someone else wrote (bulletin.yaml, an item's unit:, an imported .md's
 * front matter). In `stats --format csv` it must never become a live formula in Excel or WPS:
 * OWASP's rule — a cell starting with = + - @, tab or CR gets a leading apostrophe — read
 * back from the file with an RFC 4180 parser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, bulletinYaml, cleanupTemp, issueYaml, makeSeries, newsItem, runCli } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

/** RFC 4180 fields of a CSV text (quotes, doubled quotes, CRLF inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

const HOSTILE = ['=HYPERLINK("http://127.0.0.1/x?"&A1,"点我")', "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '＝1+1'];

describe('stats --format csv never writes a formula', () => {
  it("unit names from bulletin.yaml, an item's unit: and an imported front matter start with an apostrophe", () => {
    const units = HOSTILE.slice(0, 4).map(
      (n, i) => `  - name: ${JSON.stringify(n)}\n    kind: 高校${i === 0 ? `\n    aliases: [${JSON.stringify('别名' + i)}]` : ''}`,
    );
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml(`units:\n${units.join('\n')}`),
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': newsItem('高校动态', '某大学召开推进会', '会议部署了工作。', `unit: ${JSON.stringify(HOSTILE[0])}`),
      'issues/001/11.md': newsItem('高校动态', '某大学举办论坛', '论坛在南昌举行。', `unit: ${JSON.stringify(HOSTILE[4])}`),
      'issues/001/12.md': newsItem(
        '高校动态',
        '某大学开展调研',
        '调研覆盖三个县。',
        `unit: [${JSON.stringify(HOSTILE[5])}, ${JSON.stringify(HOSTILE[6])}]`,
      ),
      // What an imported .md keeps of its sender's front matter.
      'issues/001/13.md': newsItem(
        '高校动态',
        '某学院开展送教',
        '活动覆盖三个县。',
        `unit: ${JSON.stringify(HOSTILE[3])}\nsource:\n  file: 来稿.md\n  sha256: ${'a'.repeat(64)}`,
      ),
    });
    const out = path.join(dir, 'q2.csv');
    const r = runCli(['stats', '-y', '2024', '-q', '2', '-f', 'csv', '-o', out], dir);
    expect(r.code, r.stderr).toBe(0);
    const rows = parseCsv(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
    const cells = rows.flat();
    // Every hostile name is in the file (an item's unit: is trimmed), each behind an apostrophe,
    // and no cell starts a formula.
    for (const name of HOSTILE) expect(cells, JSON.stringify(name)).toContain(`'${name.trim()}`);
    for (const c of cells) expect(c, JSON.stringify(c)).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    // Figures stay figures: the totals row is plain numbers.
    const totals = rows.at(-1)!;
    expect(totals[1]).toBe('合计');
    expect(
      totals.slice(3).every((c) => /^\d+(\.\d+)?$/.test(c) || c === ''),
      totals.join(','),
    ).toBe(true);
  });
});
