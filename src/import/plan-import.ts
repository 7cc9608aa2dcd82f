/**
 * One received file → the item files it becomes (not yet written): read and fingerprint it,
 * convert it to mdast, find its items or article, guess unit and section, and render the
 * Markdown with its front matter. Refusals throw ImportError before anything is written.
 */
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import { parse } from 'yaml';
import type { Series } from '../config/series.js';
import type { Unit } from '../units/registry.js';
import { oneLine, withoutControls, yamlText } from '../output/escape.js';
import { cleanTree, plain, stripControlChars } from './clean-mdast.js';
import type { ImportedImage } from './docx-to-mdast.js';
import { guessSection, guessUnit, UNIT_NOT_FOUND, unitLikeName } from './guess.js';
import { headerFooterText, type HeaderFooterText } from './header-footer.js';
import { packageLeftOuts, type LeftOutNote } from './word-notes.js';
import { convertWithLibreOffice } from './libreoffice.js';
import { externalParts } from './untrusted/docx-links.js';
import { leftOutNote } from './untrusted/index.js';
import { ImportError, type Submission } from './read-submission.js';
import { segment, type Dropped } from './segment.js';
import { cutInlineCredits, edgeReason, findEdges, type EdgeLine } from './signoff.js';
import { textToMdast } from './text-to-mdast.js';
import { decodeSource } from '../sources/read-text.js';
import { toMarkdown } from './to-markdown.js';
import { parseMarkdownBounded } from '../sources/markdown.js';

export interface ImportOptions {
  section?: string;
  unit?: string;
}

export interface PlannedItem {
  /** Base name wanted (made unique when written). */
  name: string;
  text: string;
}

export interface ImportPlan {
  submission: Submission;
  unit?: string;
  kind?: string;
  section: string;
  items: PlannedItem[];
  count: number;
  images: ImportedImage[];
  /** What was guessed and other things worth saying, for the terminal. */
  notes: string[];
  /** Text of the submission that is not in the item file, each with its reason, in source order. */
  dropped: Array<{ text: string; reason: string }>;
}

export async function planImport(sub: Submission, series: Series, opts: ImportOptions): Promise<ImportPlan> {
  const notes: string[] = [];
  let tree: Root;
  let images: ImportedImage[] = [];
  let givenFront: Record<string, unknown> = {};
  let margins: HeaderFooterText[] = [];
  let wordNotes: LeftOutNote[] = [];
  let strippedBefore = 0;
  if (sub.kind === 'docx' || sub.kind === 'legacy') {
    const converted0 = sub.kind === 'legacy' ? convertWithLibreOffice(sub) : undefined;
    const bytes = converted0?.docx ?? sub.bytes;
    margins = headerFooterText(bytes);
    if (converted0) notes.push('已用 LibreOffice 转换为 .docx 再导入');
    if (converted0?.leftOut) notes.push(leftOutNote(converted0.leftOut));
    // Loaded here, not with the CLI: mammoth and its zip and XML libraries are some 100 ms
    // of every command's start-up, and only `import` of a Word file needs them.
    const { docxToMdast } = await import('./docx-to-mdast.js');
    const converted = await docxToMdast(bytes, sub.name);
    tree = converted.tree;
    images = converted.images;
    wordNotes = [...converted.notes, ...packageLeftOuts(bytes)];
    if (converted.linkedImages) {
      notes.push(
        `有 ${converted.linkedImages} 张图片是链接到文件之外的（或在文件里找不到），没有导入：导入时不读取来稿以外的文件，也不联网。` +
          '请供稿单位把图片插入（而不是链接）到文档中后重发，或把图片另存为 PNG/JPEG 放进本期的 images/ 并在稿件中引用',
      );
    }
    const external = externalParts(bytes);
    if (external) notes.push(`有 ${external} 个链接到文件之外的对象、子文档或模板，没有导入`);
    if (converted.skippedImages.length) {
      notes.push(
        `有 ${converted.skippedImages.length} 张图片的格式（${[...new Set(converted.skippedImages)].join('、')}）不能排版，没有导入；请把它们另存为 PNG 或 JPEG，放进本期的 images/ 并在稿件中引用`,
      );
    }
  } else if (sub.kind === 'markdown') {
    const decoded = decodeSource(sub.bytes);
    const { encoding } = decoded;
    // Taken out before micromark, which would turn NUL into U+FFFD, a character nobody typed.
    const { text, count } = stripControlChars(decoded.text);
    strippedBefore = count;
    if (encoding !== 'utf-8') notes.push(`文件是 ${encoding === 'gb18030' ? 'GBK' : 'UTF-16'} 编码，已转换为 UTF-8`);
    const split = splitSubmissionFront(text);
    if (split.frontMatter !== undefined) {
      try {
        givenFront = (parse(split.frontMatter) as Record<string, unknown> | null) ?? {};
      } catch {
        throw new ImportError(`${sub.name} 的前言区（--- 之间）YAML 格式有误，请先改正再导入`);
      }
    }
    const parsed = parseMarkdownBounded(split.body, split.bodyLineOffset);
    if ('problem' in parsed) {
      const p = parsed.problem;
      throw new ImportError(`${sub.name} 第 ${p.line} 行第 ${p.column} 列：${p.message}。请改好后再导入`);
    }
    tree = parsed.tree;
  } else {
    const r = textToMdast(sub.bytes);
    if (r.encoding !== 'utf-8') notes.push(`文件是 ${r.encoding === 'gb18030' ? 'GBK' : 'UTF-16'} 编码，已转换为 UTF-8`);
    tree = r.tree;
  }
  const controls = strippedBefore + cleanTree(tree);
  if (controls)
    notes.push(
      `删去了 ${controls} 个看不见的控制字符（如 NUL，U+0000）：它们不是文字，多是文件损坏或从其他软件复制时带进来的。请核对导入的稿件是否完整`,
    );
  if (!plain(tree).trim()) throw new ImportError(`${sub.name} 里没有文字内容。请打开核对，或让供稿单位重新发送`);

  const stem = path.basename(sub.name, path.extname(sub.name));
  const wantArticle = opts.section !== undefined && series.sections.find((s) => s.name === opts.section?.trim())?.kind === 'articles';
  const given = typeof givenFront.section === 'string' ? givenFront.section : opts.section;
  const source = tree.children;
  const opening = source.slice(0, 5).map(plain).join('\n');
  // A Markdown submission is already in the bulletin's form: taken as written.
  const lookup = (t: string): string | undefined => series.units.resolve(t)?.name;
  const edges = sub.kind === 'markdown' ? { head: [], tail: [], body: source } : findEdges(source, lookup);
  const edgeLines: EdgeLine[] = [...edges.head, ...(sub.kind === 'markdown' ? [] : cutInlineCredits(edges.body)), ...edges.tail];
  tree = { type: 'root', children: edges.body };
  const seg = sub.kind === 'markdown' ? undefined : segment(tree, wantArticle ? 'article' : 'auto');
  // The sign-off names the unit as the unit signs; the letterhead and credits say it too.
  const signed = [...edges.tail, ...edgeLines.filter((e) => e.where === 'inline'), ...edges.head].filter((e) => e.unit);
  const unitGuess = guessUnit(series, opts.unit ?? (typeof givenFront.unit === 'string' ? givenFront.unit : undefined), [
    { where: '文件名', text: stem },
    ...signed.map((e) => ({ where: e.where === 'head' ? '信头' : '落款', text: e.unit! })),
    ...(seg && seg.kind === 'article' && seg.byline ? [{ where: '署名', text: seg.byline }] : []),
    ...(seg && seg.kind === 'article' && seg.title ? [{ where: '标题', text: seg.title }] : []),
    ...(seg?.header.length ? [{ where: '标题', text: seg.header.join('\n') }] : []),
    { where: '开头几段', text: opening },
  ]);
  // A unit that signed but is not in the register is still the unit (check asks to register it).
  const unit: Unit | string | undefined = unitGuess?.value ?? signed[0]?.unit;
  const unitName = typeof unit === 'object' ? unit.name : unit;
  if (!unitGuess && unitName) notes.push(`供稿单位：${unitName}（取自落款或署名，请核对）`);
  if (unitGuess?.reason) notes.push(`供稿单位：${unitName}（推断：${unitGuess.reason}；不对请用 --unit 指定）`);
  const unseen = unit ? undefined : unitLikeName([stem, ...(seg?.header ?? []), opening]);
  if (!unit) {
    notes.push(
      `供稿单位：没有认出（${UNIT_NOT_FOUND}${unseen ? `，“${unseen}”不在名录中` : ''}）。新的供稿单位请加进 bulletin.yaml 的 units，再在稿件前言区补上 unit:，或用 --unit 重新导入`,
    );
  }
  if (typeof unit === 'string' && !series.units.isEmpty)
    notes.push(
      `供稿单位“${unit}”不在 bulletin.yaml 的 units 名录中：请把它加进名录（写 name、kind 和常用的简称 aliases），统计和栏目推断都按名录`,
    );

  const section = guessSection(series, given, unit, seg?.kind === 'article', unseen);
  if ('error' in section) throw new ImportError(`${sub.name}：${section.error}`);
  if (section.reason) notes.push(`栏目：${section.value}（推断：${section.reason}；不对请用 --section 指定）`);
  const sectionKind = series.sections.find((s) => s.name === section.value)!.kind;

  const front: Record<string, unknown> = { ...givenFront, section: section.value };
  if (unitName) front.unit = unitName;
  const date = [...edges.tail, ...edges.head].find((e) => e.date)?.date;
  if (date && front.date === undefined) front.date = date;
  const guessed = [unitGuess?.reason && `单位按${unitGuess.reason}推断`, section.reason && `栏目按${section.reason}推断`].filter(Boolean);
  // A comment line ends at a line break: the sender's name must not, or its next line is a key.
  const comment = `# 由 bulletin import 从“${oneLine(sub.name)}”导入${guessed.length ? `；${guessed.join('，')}，请核对` : ''}`;

  let body: string;
  let count = 1;
  let dropped: Dropped[] = seg?.dropped ?? [];
  if (!seg) {
    body = toMarkdown(tree.children);
    count = Math.max(1, tree.children.filter((b) => b.type === 'heading' && b.depth === 2).length);
  } else if (sectionKind === 'news' && seg.kind === 'article') {
    // An article filed under a news section (--section): one item under the article's title;
    // its headings become bold lines, since a news item has no heading levels.
    if (seg.subtitle) notes.push(`副题“${seg.subtitle}”在动态栏目中不印，已略去`);
    const blocks = seg.body.map(
      (b): RootContent => (b.type === 'heading' ? { type: 'paragraph', children: [{ type: 'strong', children: b.children }] } : b),
    );
    body = `## ${seg.title ?? '（标题）'}\n\n${toMarkdown(blocks)}`;
  } else if (sectionKind === 'articles' || seg.kind === 'article') {
    const art = seg.kind === 'article' ? seg : segment(tree, 'article');
    if (art.kind !== 'article') throw new Error('unreachable');
    dropped = art.dropped;
    if (art.title) front.title = art.title;
    else notes.push('没有找到文章标题，请在前言区补上 title:');
    if (art.subtitle) front.subtitle = art.subtitle;
    body = toMarkdown(art.body);
  } else {
    const untitled = seg.items.filter((it) => !it.title).length;
    if (untitled) notes.push('有一条动态没有找到标题，已写成“## （标题）”，请补上');
    body = seg.items.map((it) => `## ${it.title || '（标题）'}\n\n${toMarkdown(it.body as RootContent[])}`.trim()).join('\n\n');
    count = seg.items.length;
  }
  const ordered = orderFront(front, { file: sub.name, sha256: sub.sha256 });
  const text = `---\n${comment}\n${yamlText(ordered)}---\n\n${body}\n`;
  const prefix = String((series.sections.findIndex((s) => s.name === section.value) + 1) * 10).padStart(2, '0');
  const base = withoutControls(unitName ?? stem).replace(/[\\/:*?"<>|\s]+/g, '');
  const used = (e: EdgeLine): { unit: boolean; date: boolean } => ({
    unit: Boolean(e.unit && unitName && (lookup(e.unit) ?? e.unit) === unitName),
    date: Boolean(e.date && e.date === front.date),
  });
  const report = [
    ...edgeLines.map((e) => ({ block: e.block, text: e.text, reason: edgeReason(e, used(e)) })),
    ...dropped.map((d) => ({ block: d.block, text: d.part ?? plain(d.block).trim(), reason: d.reason })),
  ].sort((a, b) => source.indexOf(a.block) - source.indexOf(b.block));
  const marginal = margins.map((m) => ({ text: m.text, reason: `${m.where}中的文字，没有导入（简报不印来稿的页眉、页脚）` }));
  return {
    submission: sub,
    dropped: [...marginal, ...report.map(({ text, reason }) => ({ text, reason })), ...wordNotes],
    unit: unitName,
    kind: typeof unit === 'object' ? unit.kind : undefined,
    section: section.value,
    items: [{ name: `${prefix}-${base || 'import'}.md`, text }],
    count,
    images,
    notes,
  };
}

function orderFront(front: Record<string, unknown>, source: { file: string; sha256: string }): Record<string, unknown> {
  const { section, order, title, subtitle, unit, ...rest } = front;
  delete rest.source;
  const out: Record<string, unknown> = { section };
  for (const [k, v] of Object.entries({ order, title, subtitle, unit, ...rest })) if (v !== undefined) out[k] = v;
  out.source = source;
  return out;
}

/**
 * A submitted .md file's own front matter, taken only as plain YAML between `---` lines: any other
 * opener (`---js`) is not front matter at all and stays text, so nothing in a submission runs.
 */
function splitSubmissionFront(text: string): { frontMatter?: string; body: string; bodyLineOffset: number } {
  const m = /^---[ \t]*\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { body: text, bodyLineOffset: 0 };
  return { frontMatter: m[1], body: text.slice(m[0].length), bodyLineOffset: (m[0].match(/\n/g) ?? []).length };
}
