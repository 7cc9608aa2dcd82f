/**
 * Word's own settings, said once, in both DOCX writers — the bulletin (第9期 and the mixed
 * fixture) and the 通报 of `stats --format docx`: the 中文版式 switches (kinsoku on,
 * overflowPunct on, topLinePunct off, autoSpaceDE and autoSpaceDN off) and the language
 * (East Asian text zh-CN, Latin text en-US) hold for every paragraph and every run, the
 * paragraph marks included, resolved through the style hierarchy as Word resolves it
 * (test/helpers/word-props.ts); and each is said in the document defaults and nowhere else.
 * The page has the 28 × 22 grid of spec §1 as w:docGrid and the run spacing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SERIES, docxOf, issueOf, partsOf, type DocxParts } from '../helpers/docx-build.js';
import { assertCliBuilt, cleanupTemp, runCli, tempDir } from '../helpers/series.js';
import { makeStatsSeries } from '../stats/fixture.js';
import { onOff, paragraphProperty, paragraphsAndRuns, readStyles, runLanguage } from '../helpers/word-props.js';

/** Word's 中文版式 switches and the value every paragraph must get. */
const SWITCHES = { kinsoku: true, overflowPunct: true, topLinePunct: false, autoSpaceDE: false, autoSpaceDN: false } as const;

const docs = {} as Record<'第9期' | 'mixed' | '通报', DocxParts>;

beforeAll(async () => {
  assertCliBuilt();
  docs['第9期'] = partsOf(await docxOf(issueOf(SERIES.sample)));
  docs.mixed = partsOf(await docxOf(issueOf(SERIES.mixed)));
  const file = path.join(tempDir('bulletin-tongbao-'), '通报.docx');
  const r = runCli(['stats', '-y', '2024', '-q', '2', '-f', 'docx', '-o', file], makeStatsSeries());
  expect(r.code, r.stderr).toBe(0);
  docs['通报'] = partsOf(new Uint8Array(fs.readFileSync(file)));
});
afterAll(cleanupTemp);

const names = ['第9期', 'mixed', '通报'] as const;

/** The parts whose paragraphs Word lays out: the body, headers and footers. */
const textParts = (d: DocxParts): string[] => d.names.filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n));

describe('Word’s settings for every paragraph and run', () => {
  test.for(names)('%s: every paragraph has kinsoku and overflowPunct on, topLinePunct and autoSpaceDE/DN off', (name) => {
    const d = docs[name];
    const styles = readStyles(d.xml('word/styles.xml'));
    let paragraphs = 0;
    for (const part of textParts(d)) {
      for (const { p } of paragraphsAndRuns(d.xml(part))) {
        paragraphs++;
        for (const [setting, want] of Object.entries(SWITCHES)) {
          const got = paragraphProperty(styles, p, setting);
          expect(got.value, `${part}: ${setting} (${got.from}) in ${p.slice(0, 160)}`).toBe(want);
        }
      }
    }
    expect(paragraphs).toBeGreaterThan(10);
  });

  test.for(names)('%s: every run and paragraph mark is zh-CN for East Asian text and en-US for Latin text', (name) => {
    const d = docs[name];
    const styles = readStyles(d.xml('word/styles.xml'));
    let runs = 0;
    for (const part of textParts(d)) {
      for (const { p, runs: rs } of paragraphsAndRuns(d.xml(part))) {
        for (const r of rs) {
          runs++;
          const eastAsia = runLanguage(styles, p, r, 'eastAsia');
          expect(eastAsia.value, `${part}: East Asian language (${eastAsia.from}) of ${r.slice(0, 160)}`).toBe('zh-CN');
          expect(runLanguage(styles, p, r, 'val').value, `${part}: Latin language of ${r.slice(0, 160)}`).toBe('en-US');
        }
      }
    }
    expect(runs).toBeGreaterThan(10);
  });

  test.for(names)('%s: said once, in the document defaults, and nowhere else', (name) => {
    const d = docs[name];
    const stylesXml = d.xml('word/styles.xml');
    const styles = readStyles(stylesXml);
    for (const [setting, want] of Object.entries(SWITCHES)) expect(onOff(styles.pPrDefault, setting), setting).toBe(want);
    expect(styles.rPrDefault).toMatch(/<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/);
    const elsewhere =
      stylesXml.replace(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/, '') +
      textParts(d)
        .map((p) => d.xml(p))
        .join('') +
      (d.names.includes('word/numbering.xml') ? d.xml('word/numbering.xml') : '');
    expect(elsewhere).not.toMatch(/<w:(kinsoku|overflowPunct|topLinePunct|autoSpaceDE|autoSpaceDN|lang)\b/);
  });
});

describe('the 28 × 22 grid of spec §1', () => {
  test.for(names)(
    '%s: a line grid of 28.95 pt, exact lines of it, and runs 0.25 pt tighter so that 28 characters of 16 pt fill 156 mm',
    (name) => {
      const d = docs[name];
      const sects = [...d.xml('word/document.xml').matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
      expect(sects.length).toBeGreaterThan(0);
      // 225 mm / 22 lines = 28.99 pt; 579 twips (28.95 pt) is the pitch that keeps 22 within it.
      for (const s of sects) expect(s).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
      const styles = readStyles(d.xml('word/styles.xml'));
      const spacing = /<w:spacing [^>]*\/>/.exec(styles.pPrDefault)?.[0] ?? '';
      expect(spacing).toContain('w:line="579"');
      expect(spacing).toContain('w:lineRule="exact"');
      expect(styles.rPrDefault).toMatch(/<w:spacing w:val="-5"\/>/);
      expect(styles.rPrDefault).toMatch(/<w:sz w:val="32"\/>/);
      // 28 characters of 16 pt less 0.25 pt each fit the 156 mm block; 29 do not.
      const block = (156 / 25.4) * 1440;
      expect(28 * (320 - 5)).toBeLessThanOrEqual(block);
      expect(29 * (320 - 5)).toBeGreaterThan(block);
    },
  );
});
