/**
 * Property: whatever an editor writes — broken YAML, odd front matter, Markdown with CJK,
 * punctuation, tables, nesting, odd Unicode — a run either builds valid files or reports
 * user errors. Never an uncaught exception (which the CLI would turn into exit 2).
 * FUZZ_RUNS sets the number of cases (`npm run fuzz` runs many more than the suite).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkIssue, checkNumbering } from '../../src/check/check-series.js';
import { Diagnostics, UserError } from '../../src/diagnostics.js';
import { openSeries } from '../../src/pipeline.js';
import { FORMATS } from '../../src/render/formats.js';
import { renderIssue } from '../../src/render-issue.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
// The suite runs a fixed seed so CI is repeatable; `npm run fuzz` explores new seeds.
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : 20241123;
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-prop-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const cjk = fc.constantFrom(...'协同提质行动江西省高校县域基础教育工作动态赣南师范大学堃喆珺昇一二三四五六七八九十'.split(''));
const punct = fc.constantFrom(...'，。、；：？！“”‘’（）《》【】——……·,.;:?!()"\'*_`#|-+>[]{}<>\\/~'.split(''));
// Odd but printable characters, and a few no shipped font has (which must stop the build
// with a user error naming them, never print as a box).
const odd = fc.constantFrom('\u200b', '\ufeff', '\u3000', '\t', '\u00a0', 'é', '\u0301', '　', '\r', '①', '℃', '～');
const unprintable = fc.constantFrom('🙂', '\ue000', '\u{2a6d6}', 'ﬁ');
const ch = fc.oneof(
  { weight: 600, arbitrary: cjk },
  { weight: 300, arbitrary: punct },
  { weight: 200, arbitrary: fc.constantFrom('a', 'Z', '1', '9', ' ', '0') },
  { weight: 20, arbitrary: odd },
  { weight: 1, arbitrary: unprintable },
);
const text = (max: number): fc.Arbitrary<string> => fc.array(ch, { minLength: 0, maxLength: max }).map((a) => a.join(''));

const inline = fc.oneof(
  text(30),
  text(10).map((t) => `**${t}**`),
  text(10).map((t) => `*${t}*`),
  text(8).map((t) => `[${t}](http://x.cn/${t.length})`),
  text(8).map((t) => `\`${t}\``),
  fc.constant('[^1]'),
  fc.constant('<span>红</span>'),
);
const paragraph = fc.array(inline, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
const table = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 4 }))
  .chain(([cols, rows]) =>
    fc
      .array(fc.array(text(12), { minLength: cols, maxLength: cols }), { minLength: rows + 1, maxLength: rows + 1 })
      .map((cells) =>
        [`| ${cells[0]!.join(' | ')} |`, `|${' --- |'.repeat(cols)}`, ...cells.slice(1).map((r) => `| ${r.join(' | ')} |`)].join('\n'),
      ),
  );
const block = fc.oneof(
  { weight: 50, arbitrary: paragraph },
  { weight: 20, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), text(20)).map(([d, t]) => `${'#'.repeat(d)} ${t}`) },
  { weight: 10, arbitrary: table },
  {
    weight: 10,
    arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((a) => a.map((p, i) => `${i % 2 ? '  ' : ''}- ${p}`).join('\n')),
  },
  { weight: 10, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((a) => a.map((p, i) => `${i + 1}. ${p}`).join('\n')) },
  { weight: 10, arbitrary: paragraph.map((p) => `> ${p}`) },
  { weight: 10, arbitrary: text(20).map((t) => `\`\`\`\n${t}\n\`\`\``) },
  { weight: 10, arbitrary: fc.constantFrom('---', '[^1]: 注释', '<div>块</div>', '<!-- 注释 -->') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '![图](images/none.png)',
      '![远程](https://example.com/a.png)',
      '![绝对](/etc/passwd)',
      '![外面](../../../x.png)',
    ),
  },
);
const markdown = fc.array(block, { minLength: 1, maxLength: 8 }).map((a) => a.join('\n\n'));

const sectionName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('省级动态', '高校动态', '市县动态', '经验交流', '编者按') },
  { weight: 1, arbitrary: fc.constantFrom('未知栏目', '', '【高校动态】') },
);
const yamlScalar = fc.oneof(
  text(15),
  fc.integer({ min: -5, max: 30 }).map(String),
  fc.constantFrom('2024-02-30', '2024-4-5', 'true', 'null', '[a, b', '"x', ': :', '{}'),
);
const goodTitle = fc.array(cjk, { minLength: 1, maxLength: 20 }).map((a) => a.join(''));
const validFront = fc
  .record(
    {
      section: fc.constantFrom('省级动态', '高校动态', '市县动态', '经验交流', '编者按'),
      title: goodTitle,
      subtitle: goodTitle,
      order: fc.integer({ min: 0, max: 9 }).map(String),
      unit: goodTitle,
    },
    { requiredKeys: ['section', 'title'] },
  )
  .map((r) =>
    Object.entries(r)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n'),
  );
const wildFront = fc
  .record(
    { section: sectionName, title: yamlScalar, subtitle: yamlScalar, order: yamlScalar, unit: yamlScalar, sectoin: yamlScalar },
    { requiredKeys: [] },
  )
  .map((r) =>
    Object.entries(r)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n'),
  );
// Most files are well formed, so that most cases reach the renderers; some are wild.
const frontMatter = fc.oneof({ weight: 12, arbitrary: validFront }, { weight: 1, arbitrary: wildFront });
const sourceFile = fc
  .tuple(
    fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    frontMatter,
    markdown,
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([withFm, fm, md, eol]) => (withFm ? `---\n${fm}\n---\n${md}\n` : `${md}\n`).replace(/\n/g, eol));
const issueYaml = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 1, max: 99 }),
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom('2024-04-24', '2024-02-29', '2024-4-5') },
          { weight: 1, arbitrary: fc.constantFrom('2023-02-29', '2024-13-01', '24-1-1') },
        ),
      )
      .map(([n, d]) => `number: ${n}\ndate: ${d}\n`),
  },
  { weight: 1, arbitrary: yamlScalar.map((v) => `number: ${v}\ndate: ${v}\nextra: 1\n`) },
);

const stats = { cases: 0, rendered: 0, userErrors: 0, rules: new Map<string, number>() };

async function runOnce(files: string[], issue: string, bomGbk: number): Promise<void> {
  const root = fs.mkdtempSync(path.join(tmpRoot, 's-'));
  fs.copyFileSync(path.join(__dirname, '../../bulletin.yaml'), path.join(root, 'bulletin.yaml'));
  const dir = path.join(root, 'issues', '001');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'issue.yaml'), issue);
  files.forEach((f, i) => {
    const bytes = bomGbk === 1 ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(f)]) : Buffer.from(f);
    fs.writeFileSync(path.join(dir, `${i}.md`), bytes);
  });
  try {
    const ctx = openSeries(root);
    const diags = new Diagnostics();
    checkNumbering(ctx, undefined, diags);
    for (const cfg of ctx.issues) {
      checkIssue(ctx, cfg, diags);
      try {
        const r = await renderIssue(ctx, cfg, FORMATS);
        stats.rendered++;
        for (const f of r.files) {
          // Valid files: a PDF header and trailer, a DOCX zip signature.
          if (f.format.id === 'pdf') expect(Buffer.from(f.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
          if (f.format.id === 'docx') expect(Buffer.from(f.bytes.subarray(0, 2)).toString()).toBe('PK');
        }
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        stats.userErrors++;
        if (process.env.FUZZ_DEBUG) for (const d of e.diagnostics) stats.rules.set(d.rule, (stats.rules.get(d.rule) ?? 0) + 1);
        expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    for (const d of diags.list) {
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      expect(d.message).not.toMatch(/\ufffd|undefined|\[object Object\]/);
    }
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('random sources', () => {
  it(
    `build or report user errors, never crash (${RUNS} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(sourceFile, { minLength: 1, maxLength: 4 }),
          issueYaml,
          fc.integer({ min: 0, max: 1 }),
          async (files, issue, bom) => {
            await runOnce(files, issue, bom);
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
      // The property is only worth something if a good share of cases reach the renderers.
      if (process.env.FUZZ_DEBUG) console.log([...stats.rules].sort((a, b) => b[1] - a[1]));
      console.log(`property: ${RUNS} cases, ${stats.rendered} rendered to PDF and DOCX, ${stats.userErrors} stopped with user errors`);
      expect(stats.rendered).toBeGreaterThan(RUNS >= 200 ? RUNS * 0.15 : 0);
    },
    Math.max(600_000, RUNS * 3_000),
  );
});
