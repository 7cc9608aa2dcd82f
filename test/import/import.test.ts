/**
 * `bulletin import` on submissions made the way units make them (python-docx writes the Word
 * files, LibreOffice makes a .doc of one, iconv a GBK .txt), then `check --fix` and `build`: the
 * assertions are on the Markdown written, the import record, the pictures on disk, the messages,
 * and the text of the PDF the clerk would print.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clientPath, needs, why } from '../helpers/clients.js';
import { pdfText } from '../helpers/pdf-render.js';
import { readPdf } from '../helpers/pdf-text.js';
import { assertCliBuilt, BIN, cleanupTemp, copySeries, REPO, runCli, snapshotTree, tempDir } from '../helpers/series.js';

const MAKE = path.join(REPO, 'test', 'import', 'make-submissions.py');

const clients = needs('python-docx', 'soffice');
const python = clientPath('python-docx');

const UNIV = '赣南师大-4月工作动态.docx';
const CITY = '赣州市教育局经验材料.docx';
const JDZ = '景德镇市5月动态.docx';
const ENCRYPTED = '加密的来稿.docx';

let subm: string;
let series: string;
const issue = (f = ''): string => path.join(series, 'issues/010', f);
const read = (f: string): string => fs.readFileSync(issue(f), 'utf8');
const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function frontOf(text: string): Record<string, any> {
  return parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);
}

function sofficeConvert(input: string, to: string, outdir: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-lo-profile-'));
  try {
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outdir, input],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

clients.describe(`bulletin import${why(clients)}`, () => {
  beforeAll(() => {
    assertCliBuilt();
    subm = tempDir('bulletin-submissions-');
    const r = spawnSync(python!, [MAKE, subm], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`make-submissions failed: ${r.stderr}`);
    // A .doc as an old Word or WPS saves it, made by LibreOffice from the city's news file.
    const lo = tempDir('bulletin-doc-');
    fs.copyFileSync(path.join(subm, JDZ), path.join(lo, 'jdz.docx'));
    sofficeConvert(path.join(lo, 'jdz.docx'), 'doc', lo);
    fs.copyFileSync(path.join(lo, 'jdz.doc'), path.join(subm, '景德镇市5月动态（旧版）.doc'));
    // Notepad's "ANSI" text from a county: GBK, CRLF, a title line, one item, lines wrapped in Chinese.
    const txt =
      '南昌市协同提质工作简报\r\n\r\n南昌市召开试点学校工作推进会\r\n\r\n5月10日，南昌市教育局召开试点学校工作推进会，\r\n部署下一阶段工作。各试点学校负责同志参加会议。\r\n';
    fs.writeFileSync(path.join(subm, '南昌市来稿.txt'), iconv.encode(txt, 'gbk'));
    series = copySeries(REPO);
    expect(runCli(['new', '--date', '2024-05-20'], series).code).toBe(0);
  }, 180_000);
  afterAll(cleanupTemp);

  test('a university file with three bold-lead items, a merged-cell table and a picture becomes three ## items', () => {
    const r = runCli(['import', path.join(subm, UNIV)], series);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`已导入 ${UNIV} → issues/010/20-赣南师范大学.md（高校动态，3 条动态，1 张图片）`);
    expect(r.stdout).toContain('供稿单位：赣南师范大学（推断：文件名中有“赣南师大”');
    expect(r.stdout).toContain('栏目：高校动态（推断：供稿单位是高校');
    const text = read('20-赣南师范大学.md');
    const front = frontOf(text);
    expect(front).toEqual({ section: '高校动态', unit: '赣南师范大学', source: { file: UNIV, sha256: sha(path.join(subm, UNIV)) } });
    expect(text).toContain('# 由 bulletin import 从“赣南师大-4月工作动态.docx”导入；单位按文件名中有“赣南师大”推断');
    // The document's own title line is not an item, and the report says so; the bold leads
    // are, with their 。 as typed.
    expect([...text.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual([
      '赣南师范大学召开协同提质工作推进会。',
      '学校专家团队深入试点学校开展教研活动。',
      '学校举办第三届赣南基础教育英语学科教学高质量发展学术论坛。',
    ]);
    expect(text).not.toContain('赣南师大协同提质工作动态');
    expect(r.stdout).toContain('没有印出的内容（原文照录，请核对）：\n    “赣南师大协同提质工作动态”：文档的标题行，没有印出');
    // Indents gone; the Word line break joined with no space between Chinese characters.
    expect(text).toContain('\n4月18日，学校召开协同提质行动推进会');
    expect(text).toContain('龙南市等地的试点学校，开展听课评课');
    // The 赣县区 cell merged down two rows stays merged (^ below it); the first row is the header.
    expect(text).toContain(
      '| 县（市、区） | 学校 | 人数 |\n| - | - | - |\n| 赣县区 | 赣县第三中学 | 4 |\n| ^ | 赣县城关小学 | 3 |\n| 龙南市 | 龙南师范学校附属小学 | 5 |',
    );
    const img = /!\[\]\((images\/([0-9a-f]{16})\.png)\)/.exec(text);
    expect(img).not.toBeNull();
    const photo = fs.readFileSync(path.join(subm, 'photo.png'));
    expect(fs.readFileSync(issue(img![1]!)).equals(photo)).toBe(true);
    expect(img![2]).toBe(crypto.createHash('sha256').update(photo).digest('hex').slice(0, 16));
    // The new item went through check: the half-width comma and English quotes are reported.
    expect(r.stderr).toMatch(/issues\/010\/20-赣南师范大学\.md:\d+:\d+  警告：中文里用了半角“,”/);
    expect(r.stderr).toMatch(/issues\/010\/20-赣南师范大学\.md:\d+:\d+  警告：中文里用了英文引号 "/);
    expect(r.stdout).toContain('bulletin check 10 --fix');
  });

  test('a city article with a ——subtitle becomes an 经验交流 article; 一、（一） become heading levels', () => {
    const r = runCli(['import', path.join(subm, CITY)], series);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('栏目：经验交流（推断：来稿是有标题和副题的长文');
    const text = read('40-赣州市教育局.md');
    expect(frontOf(text)).toMatchObject({
      section: '经验交流',
      title: '多措并举谋协同，精准发力促提质',
      subtitle: '——赣州市协同提质行动经验材料',
      unit: '赣州市教育局',
    });
    const body = text.slice(text.indexOf('\n---\n') + 5);
    expect(body).toBe(
      [
        '',
        '赣州市积极贯彻落实《江西省高校与县域基础教育协同提质行动方案》，全面深化多方合作。',
        '',
        '## 一、围绕重点任务，协同推进',
        '',
        '### （一）部门担纲，积极协同落实',
        '',
        '赣州市教育局成立了市级协同提质工作专班，专题研究部署相关工作。',
        '',
        '### （二）高校牵头，联通协同节点',
        '',
        '**一是**成立工作领导小组。**二是**分成六个工作小组，有针对性地开展指导帮扶。',
        '',
        '## 二、紧扣发展需求，协同发力',
        '',
        '2024年1月，三方正式签订了框架协议，协同提质工作团队正式建成。',
        '',
      ].join('\n'),
    );
  });

  test('a .doc goes through LibreOffice; Word heading styles mark the items', () => {
    const r = runCli(['import', path.join(subm, '景德镇市5月动态（旧版）.doc')], series);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已用 LibreOffice 转换为 .docx 再导入');
    const text = read('30-景德镇市教育局.md');
    expect(frontOf(text)).toMatchObject({ section: '市县动态', unit: '景德镇市教育局' });
    expect(text).toContain(
      '## 景德镇市召开协同提质工作调度会\n\n5月6日，景德镇市教育局召开调度会，听取各试点县工作汇报。\n\n## 景德镇市举办试点学校校长培训班\n\n5月8日至10日',
    );
  });

  test('a GBK .txt with CRLF: decoded, wrapped lines joined, the title line names the item', () => {
    const r = runCli(['import', path.join(subm, '南昌市来稿.txt')], series);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('文件是 GBK 编码，已转换为 UTF-8');
    expect(r.stdout).toContain('“南昌市协同提质工作简报”：文档的标题行，没有印出');
    const text = read('30-南昌市教育局.md');
    expect(frontOf(text)).toMatchObject({ section: '市县动态', unit: '南昌市教育局' });
    expect(text.slice(text.indexOf('\n---\n') + 5)).toBe(
      '\n## 南昌市召开试点学校工作推进会\n\n5月10日，南昌市教育局召开试点学校工作推进会，部署下一阶段工作。各试点学校负责同志参加会议。\n',
    );
  });

  test('--issue, --unit (an alias) and --section override the guesses; an article under a news section becomes one item', () => {
    const r = runCli(['import', path.join(subm, CITY), '--issue', '9', '--unit', '赣州市', '--section', '市县动态'], series);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`已导入 ${CITY} → issues/009/30-赣州市教育局.md（市县动态，1 条动态）`);
    expect(r.stdout).not.toContain('推断');
    const text = fs.readFileSync(path.join(series, 'issues/009/30-赣州市教育局.md'), 'utf8');
    expect(frontOf(text)).toEqual({
      section: '市县动态',
      unit: '赣州市教育局',
      source: { file: CITY, sha256: sha(path.join(subm, CITY)) },
    });
    expect(text).toContain('## 多措并举谋协同，精准发力促提质\n\n赣州市积极贯彻落实');
    expect(text).toContain('\n**一、围绕重点任务，协同推进**\n');
    expect(r.stdout).toContain('检查新稿件：没有发现问题。');
  });

  test('Word lists stay lists; an article without subtitle takes its bold first line as title; 三、…。正文 becomes a bold run-in', () => {
    const r = runCli(['import', path.join(subm, '南昌师院送教材料.docx'), '--issue', '9', '--section', '经验交流'], series);
    expect(r.code, r.stderr).toBe(0);
    const text = fs.readFileSync(path.join(series, 'issues/009/40-南昌师范学院.md'), 'utf8');
    expect(frontOf(text)).toMatchObject({ section: '经验交流', title: '南昌师范学院开展送教下乡活动', unit: '南昌师范学院' });
    expect(text.slice(text.indexOf('\n---\n') + 5)).toBe(
      '\n活动包括：\n\n- 听课评课\n- 专题讲座\n\n1. 第一阶段：调研\n2. 第二阶段：送教\n\n**三、加强保障，落实责任。**各地要加强组织领导，确保取得实效。\n',
    );
  });

  test('a plain-text plan: date line kept, half-width (一) still a level-2 heading, a tab-separated table whose first cell is merged down', () => {
    const f = path.join(tempDir(), '组团工作方案.txt');
    const txt = [
      '师范教育协同提质计划组团工作方案',
      '',
      '2022年4月',
      '',
      '为推进提质计划有序开展,特制定如下工作方案。',
      '',
      '一、总体要求',
      '',
      '(一)组团名单',
      '',
      '结对帮扶名单如下:',
      '牵头高校\t重点联系院校\t重点支持院校',
      '北京师范大学\t北京师范大学\t青海师范大学',
      '\t安徽师范大学\t阜阳师范大学',
      '',
    ].join('\n');
    fs.writeFileSync(f, txt);
    const r = runCli(['import', f, '--issue', '9', '--section', '经验交流'], series);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('供稿单位：没有认出');
    const text = fs.readFileSync(path.join(series, 'issues/009/40-组团工作方案.md'), 'utf8');
    expect(frontOf(text)).toMatchObject({ section: '经验交流', title: '师范教育协同提质计划组团工作方案' });
    expect(text.slice(text.indexOf('\n---\n') + 5)).toBe(
      '\n2022年4月\n\n为推进提质计划有序开展,特制定如下工作方案。\n\n## 一、总体要求\n\n### (一)组团名单\n\n结对帮扶名单如下:\n\n' +
        '| 牵头高校 | 重点联系院校 | 重点支持院校 |\n| - | - | - |\n| 北京师范大学 | 北京师范大学 | 青海师范大学 |\n| ^ | 安徽师范大学 | 阜阳师范大学 |\n',
    );
  });

  test('imports.yaml records every imported file with its hash, unit, kind, section and items', () => {
    const log = parse(read('imports.yaml')).imports;
    expect(log.map((r: any) => [r.file, r.unit, r.kind, r.section, r.items, r.count])).toEqual([
      [UNIV, '赣南师范大学', '高校', '高校动态', ['20-赣南师范大学.md'], 3],
      [CITY, '赣州市教育局', '设区市', '经验交流', ['40-赣州市教育局.md'], 1],
      ['景德镇市5月动态（旧版）.doc', '景德镇市教育局', '设区市', '市县动态', ['30-景德镇市教育局.md'], 2],
      ['南昌市来稿.txt', '南昌市教育局', '设区市', '市县动态', ['30-南昌市教育局.md'], 1],
    ]);
    expect(log[0].sha256).toBe(sha(path.join(subm, UNIV)));
    expect(log[0].date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('the same file again (even renamed) is refused naming the earlier import; nothing changes', () => {
    const before = snapshotTree(series);
    const renamed = path.join(tempDir(), '赣南师大动态-重发.docx');
    fs.copyFileSync(path.join(subm, UNIV), renamed);
    for (const f of [path.join(subm, UNIV), renamed]) {
      const r = runCli(['import', f], series);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`已经导入过本期（`);
      expect(r.stderr).toContain(`原文件名 ${UNIV}，生成了 20-赣南师范大学.md），没有重复导入`);
    }
    expect(snapshotTree(series)).toEqual(before);
  });

  test('a different file for a unit that already has an item file gets a new name, never overwriting', () => {
    const before = read('20-赣南师范大学.md');
    const f = path.join(tempDir(), '赣南师大补充稿.txt');
    fs.writeFileSync(f, '赣南师范大学开展送教下乡活动\n5月9日，学校组织专家送教下乡。\n');
    const r = runCli(['import', f], series);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('→ issues/010/20-赣南师范大学-2.md');
    expect(read('20-赣南师范大学.md')).toBe(before);
  });

  test('check --fix --dry-run lists each change as file:line:column  旧 → 新 and writes nothing; --fix writes it', () => {
    const before = snapshotTree(series);
    const dry = runCli(['check', '10', '--fix', '--dry-run'], series);
    const item = read('20-赣南师范大学.md').split('\n');
    const line = item.findIndex((l) => l.includes('工作,部署')) + 1;
    const col = item[line - 1]!.indexOf(',') + 1;
    expect(dry.stdout).toContain(`issues/010/20-赣南师范大学.md:${line}:${col}  段工作,部署下 → 段工作，部署下`);
    expect(dry.stdout).toMatch(/20-赣南师范大学\.md:\d+:\d+  论坛以"厚基础 → 论坛以“厚基础/);
    expect(dry.stdout).toContain('（--dry-run：没有写文件）');
    expect(snapshotTree(series)).toEqual(before);
    const r = runCli(['check', '10', '--fix'], series);
    expect(r.stdout).toMatch(/已改正 \d+ 个文件中的 \d+ 处/);
    expect(read('20-赣南师范大学.md')).toContain('会议总结了第一阶段工作，部署下一阶段任务。');
    expect(read('20-赣南师范大学.md')).toContain('论坛以“厚基础促协同”为主题');
    expect(r.stderr).not.toMatch(/半角|英文引号/);
    expect(fs.readdirSync(issue()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('the built PDF prints what the submissions said', async () => {
    // The clerk deletes nothing: imports took the place of their sections' drafts, and the
    // drafts left (编者按, 省级动态) are one line, not a warning each.
    const out = tempDir('bulletin-import-pdf-');
    const r = spawnSync(process.execPath, [BIN, 'build', '10', '--format', 'pdf', '--out', out], {
      cwd: series,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('这份稿件还没有内容');
    expect(fs.existsSync(issue('20-高校动态.md'))).toBe(false);
    const pdf = await readPdf(new Uint8Array(fs.readFileSync(path.join(out, '工作动态第10期.pdf'))));
    const t = pdfText(pdf);
    expect(t).toContain('★赣南师范大学召开协同提质工作推进会。4月18日，学校召开协同提质行动推进会');
    expect(t).toContain('龙南市等地的试点学校，开展听课评课和专题讲座');
    expect(t).toContain('县（市、区）学校人数赣县区赣县第三中学4赣县城关小学3龙南市龙南师范学校附属小学5');
    expect(t).toContain('论坛以“厚基础促协同”为主题举办');
    expect(t).toContain('（赣南师范大学供稿）');
    expect(t).toContain('★景德镇市召开协同提质工作调度会。5月6日');
    expect(t).toContain('★南昌市召开试点学校工作推进会。5月10日，南昌市教育局召开试点学校工作推进会，部署下一阶段工作。');
    expect(t).toContain('多措并举谋协同，精准发力促提质——赣州市协同提质行动经验材料');
    expect(t).toContain('一、围绕重点任务，协同推进（一）部门担纲，积极协同落实');
    expect(t).not.toContain('赣南师大协同提质工作动态');
  }, 120_000);

  describe('bad files end in a clear message, exit 1 and nothing written', () => {
    const cases: Array<[string, (dir: string) => string, RegExp]> = [
      [
        'a PDF named .docx',
        (d) => write(d, '来稿.docx', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n')),
        /来稿\.docx 不是 Word 文件，看起来是 PDF 文件/,
      ],
      [
        'random bytes named .docx',
        (d) => write(d, '损坏.docx', crypto.randomBytes(4096)),
        /损坏\.docx 的扩展名是 \.docx，但内容不是 Word 文件/,
      ],
      ['an encrypted .docx', () => path.join(subm, ENCRYPTED), /加密的来稿\.docx 设置了打开密码，无法读取/],
      ['an empty .docx', (d) => write(d, '空白.docx', Buffer.alloc(0)), /空白\.docx 是空文件（0 字节）/],
      ['a Word file without text', (d) => emptyDocx(d), /无字\.docx 里没有文字内容/],
      ['a 40 MB .docx', (d) => bigDocx(d), /大文件\.docx 有 40\.0 MB，超过 30 MB 的上限/],
    ];
    for (const [what, make, message] of cases) {
      test(what, () => {
        const file = make(tempDir());
        const before = snapshotTree(series);
        const r = runCli(['import', file], series);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(new RegExp(`错误：${message.source}`));
        expect(r.stdout).toContain('导入 0 个文件，1 个没有导入。');
        expect(snapshotTree(series)).toEqual(before);
      });
    }

    test('a .doc where LibreOffice is not installed says so and what to do', () => {
      const before = snapshotTree(series);
      const copy = path.join(tempDir(), '另一份.doc');
      // Another submission in the old format (different bytes, so not a repeat of the earlier import).
      fs.writeFileSync(copy, Buffer.concat([fs.readFileSync(path.join(subm, '景德镇市5月动态（旧版）.doc')), Buffer.alloc(512)]));
      const r = spawnSync(process.execPath, [BIN, 'import', copy], {
        cwd: series,
        encoding: 'utf8',
        env: { ...process.env, BULLETIN_SOFFICE: '/nonexistent/soffice' },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(
        '另一份.doc 是旧版 Word/WPS 格式（.doc），要装有 LibreOffice 才能导入，但这台电脑上没有找到它。请任选其一：用 Word 或 WPS 打开它，另存为 .docx 后再导入',
      );
      expect(snapshotTree(series)).toEqual(before);
    });
  });

  test('check names a unit outside the register and suggests the registered one', () => {
    fs.writeFileSync(issue('25-unit.md'), '---\nsection: 高校动态\nunit: 赣南师范大学学\n---\n\n## 标题\n\n正文。\n');
    const r = runCli(['check', '10'], series);
    expect(r.stderr).toMatch(/issues\/010\/25-unit\.md:3:\d+  警告：.*赣南师范大学学.*是不是“赣南师范大学”？/);
    fs.rmSync(issue('25-unit.md'));
  });
});

function write(dir: string, name: string, bytes: Buffer): string {
  fs.writeFileSync(path.join(dir, name), bytes);
  return path.join(dir, name);
}

/** A real .docx (python-docx) holding only empty paragraphs. */
function emptyDocx(dir: string): string {
  const file = path.join(dir, '无字.docx');
  const r = spawnSync(
    python!,
    [
      '-c',
      'import sys; from docx import Document; d = Document(); d.add_paragraph(""); d.add_paragraph("\u3000\u3000"); d.save(sys.argv[1])',
      file,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return file;
}

/** A .docx of 40 MB: a real document carrying an incompressible picture, as a phone photo makes it. */
function bigDocx(dir: string): string {
  const file = path.join(dir, '大文件.docx');
  const script = [
    'import sys, zipfile, shutil, os',
    'from docx import Document',
    'd = Document(); d.add_paragraph("赣南师范大学召开推进会。"); d.save(sys.argv[1])',
    'with zipfile.ZipFile(sys.argv[1], "a", zipfile.ZIP_STORED) as z: z.writestr("word/media/huge.jpg", os.urandom(40 * 1024 * 1024 - os.path.getsize(sys.argv[1]) - 200))',
  ].join('\n');
  const r = spawnSync(python!, ['-c', script, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const size = fs.statSync(file).size;
  // Pad to exactly 40 MB so the message's figure is known.
  if (size < 40 * 1024 * 1024) fs.appendFileSync(file, Buffer.alloc(40 * 1024 * 1024 - size));
  return file;
}
