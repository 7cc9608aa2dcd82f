/**
 * The one link rule, end to end: a link in the model becomes a link in the DOCX (a hyperlink
 * relationship) and in the web edition (<a href>) only when its target is a web or mail address;
 * any other target prints its text and leaves no trace of the target in either file.
 */
import { describe, expect, it } from 'vitest';
import type { Issue, Run } from '../../src/model/types.js';
import { docxOf, issueOf, partsOf, SERIES } from '../helpers/docx-build.js';
import { renderHtmlString } from '../helpers/render-format.js';

const TARGETS = [
  'https://jyt.jiangxi.gov.cn/',
  'mailto:office@example.org',
  'javascript:alert(1)',
  'file:///C:/Windows/win.ini',
  'data:text/html,x',
  '../secret.md',
];

/** The sample issue with one run per target appended to its first paragraph of runs. */
function withLinks(): Issue {
  const issue = issueOf(SERIES.sample);
  let runs: Run[] | undefined;
  JSON.stringify(issue, (key, value) => {
    if (!runs && key === 'runs' && Array.isArray(value) && value.length > 0) runs = value as Run[];
    return value;
  });
  if (!runs) throw new Error('no runs in the sample issue');
  runs.push(...TARGETS.map((link, i) => ({ text: `链接文字${i}`, link })));
  return issue;
}

describe('one link rule', () => {
  it('the web edition links web and mail targets only, and prints every link text', () => {
    const html = renderHtmlString(withLinks());
    const hrefs = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(expect.arrayContaining([TARGETS[0], TARGETS[1]]));
    for (const t of TARGETS.slice(2)) expect(html).not.toContain(t);
    for (let i = 0; i < TARGETS.length; i++) expect(html).toContain(`链接文字${i}`);
  });

  it('the DOCX links web and mail targets only, and prints every link text', async () => {
    const parts = partsOf(await docxOf(withLinks()));
    const rels = parts.xml('word/_rels/document.xml.rels');
    const targets = [...rels.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g)].map((m) => m[1]);
    expect(targets).toEqual(expect.arrayContaining([TARGETS[0], TARGETS[1]]));
    for (const t of TARGETS.slice(2)) expect(rels).not.toContain(t.replace(/&/g, '&amp;'));
    const document = parts.xml('word/document.xml');
    for (let i = 0; i < TARGETS.length; i++) expect(document).toContain(`链接文字${i}`);
  });
});
