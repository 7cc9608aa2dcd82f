/**
 * Messages that must not mislead, and inputs that must not crash: the right file, line and
 * cause for a damaged byte, an invisible NUL, a character no font has in a YAML value, a font
 * name that is not installed, a section listed twice, a truncated image or font.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, buildModel, bulletinYaml, cleanupTemp, issueYaml, makeSeries, newsItem, REPO, runCli } from '../helpers/series.js';

beforeAll(assertCliBuilt);
afterAll(cleanupTemp);

const item = newsItem('高校动态', '某大学召开推进会', '会议部署了下一阶段工作。');
const PNG = fs.readFileSync(path.join(REPO, 'test/fixtures/mixed/issues/001/images/meeting.png'));

function noCrash(r: ReturnType<typeof runCli>): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).not.toMatch(/内部错误|at .*\.js:\d+/);
}

describe('text encodings', () => {
  it('one bad byte in a UTF-8 file is pointed at; the file is not read as GBK', () => {
    const md = Buffer.concat([
      Buffer.from(newsItem('高校动态', '某大学召开推进会', '第一段正文。\n\n第二段正').replace(/\n$/, '')),
      Buffer.from([0xff]),
      Buffer.from('文。\n'),
    ]);
    const dir = makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-08'), 'issues/001/10.md': md });
    const m = buildModel(dir);
    expect(m.warnings.map((w) => w.rule)).not.toContain('encoding-not-utf8');
    expect(m.errors.map((e) => [e.rule, e.line, e.column])).toEqual([['encoding-bad-byte', 9, 5]]);
    expect(m.errors[0]!.message).toMatch(/0xFF/);
  });

  it('a GBK file is still read as GBK, with the usual warning', () => {
    const dir = makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-08'), 'issues/001/10.md': iconv.encode(item, 'gbk') });
    const m = buildModel(dir);
    expect(m.errors).toEqual([]);
    expect(m.warnings.map((w) => w.rule)).toContain('encoding-not-utf8');
  });

  it('a NUL is reported as a NUL at its line and column, not as U+FFFD', () => {
    const dir = makeSeries({
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': newsItem('高校动态', '标题', '正文\u0000内容。'),
    });
    const r = runCli(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/issues\/001\/10\.md:7:3  错误：.*NUL/);
    expect(r.stderr).not.toMatch(/FFFD|\ufffd/);
  });
});

describe('YAML values', () => {
  it('a section listed twice in bulletin.yaml stops build, at its line', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml('sections:\n  - 高校动态\n  - 市县动态\n  - 【高校动态】'),
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': item,
    });
    const r = runCli(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bulletin\.yaml:12:\d+  错误：栏目“高校动态”写了两次/);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('a character no font has in a bulletin.yaml or issue.yaml value is reported at its place in the value', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml('publisher: 省协同🙂办公室'),
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08', 'distribution:\n  本期增发: 某🙂单位'),
      'issues/001/10.md': item,
    });
    const r = runCli(['check'], dir);
    expect(r.code).toBe(1);
    const glyph = r.stderr.split('\n').filter((l) => l.includes('U+1F642'));
    expect(glyph.map((l) => l.split('  ')[0]).sort()).toEqual(['bulletin.yaml:14:15', 'issues/001/issue.yaml:4:10']);
  });

  it('a configured font name that is not installed is a warning in check and build, at its line', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml('fonts:\n  body: 方正仿宋_没有这个字体'),
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': item,
    });
    const c = runCli(['check'], dir);
    expect(c.stderr).toMatch(/bulletin\.yaml:16:1  警告：fonts\.body 中的“方正仿宋_没有这个字体”在这台电脑上没有安装/);
    const b = runCli(['build', '--format', 'pdf'], dir);
    expect(b.code).toBe(0);
    expect(b.stderr).toMatch(/警告：.*“方正仿宋_没有这个字体”.*没有安装/);
  });
});

describe('damaged files never crash the build', () => {
  const cases: Array<[string, Buffer]> = [
    ['a PNG cut in its image data', PNG.subarray(0, PNG.length - 900)],
    ['a PNG without its end', PNG.subarray(0, PNG.length - 12)],
    ['a PNG with damaged image data', Buffer.concat([PNG.subarray(0, 60), Buffer.alloc(200, 0x55), PNG.subarray(260)])],
    ['a JPEG cut in its header', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46])],
  ];
  for (const [name, bytes] of cases) {
    it(`${name}: exit 1 naming the image`, () => {
      const ext = bytes[0] === 0xff ? 'jpg' : 'png';
      const dir = makeSeries({
        'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
        'issues/001/10.md': newsItem('高校动态', '标题', `正文。\n\n![图](images/x.${ext})`),
        [`issues/001/images/x.${ext}`]: bytes,
      });
      const r = runCli(['build', '--format', 'pdf'], dir);
      noCrash(r);
      expect(r.stderr).toMatch(new RegExp(`issues/001/10\\.md:9:1  错误：图片“images/x\\.${ext}”已损坏`));
    });
  }

  it('a truncated font file: exit 1 naming the file', () => {
    const dir = makeSeries({
      'bulletin.yaml': bulletinYaml('fonts:\n  body: cut.otf'),
      'issues/001/issue.yaml': issueYaml(1, '2024-05-08'),
      'issues/001/10.md': item,
      'cut.otf': fs.readFileSync(path.join(REPO, 'fonts/FandolFang-Regular.otf')).subarray(0, 5000),
    });
    const r = runCli(['build', '--format', 'pdf'], dir);
    noCrash(r);
    expect(r.stderr).toMatch(/cut\.otf/);
  });
});

describe('a message about a file names that file', () => {
  it('a YAML error in the bulletin.yaml an issued.json keeps is reported at issued.json, with the line inside the kept text', () => {
    const dir = makeSeries({ 'issues/001/issue.yaml': issueYaml(1, '2024-05-08'), 'issues/001/10.md': item });
    expect(runCli(['issue', '1', '--date', '2024-05-09'], dir).code).toBe(0);
    const file = path.join(dir, 'issues/001/issued.json');
    const record = JSON.parse(fs.readFileSync(file, 'utf8')) as { bulletinYaml: string };
    record.bulletinYaml = `series: [未闭合\n${record.bulletinYaml}`;
    fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    const line =
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"bulletinYaml"')) + 1;
    for (const cmd of [['build', '--format', 'html'], ['archive']]) {
      const r = runCli(cmd, dir);
      noCrash(r);
      expect(r.stderr).toMatch(
        new RegExp(`issues/001/issued\\.json:${line}:1  错误：印发记录里记下的 bulletin\\.yaml 第 \\d+ 行第 \\d+ 列：YAML 格式错误`),
      );
      expect(r.stderr).not.toMatch(/^bulletin\.yaml:/m);
    }
  });
});
