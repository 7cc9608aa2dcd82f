/**
 * Sources → the issue model. Every editorial rule that both renderers must share is applied
 * here: lead punctuation, unit lines, section order, labels, dates, the end block's lines.
 */
import path from 'node:path';
import type { Content, Heading as MdHeading } from 'mdast';
import type { IssueConfig } from '../config/issue-file.js';
import { NOTE_SECTION, SERIES_FILE, type Recipients, type Series } from '../config/series.js';
import { nearest } from '../config/suggest.js';
import { formatChineseDate, toIso } from '../dates.js';
import { Diagnostics } from '../diagnostics.js';
import { END_BLOCK, NEWS_ITEM, OFFICIAL_FONT_NAMES, SECTION_HEAD, SHIPPED_FONTS } from '../layout/spec.js';
import { totalLabel } from '../numbering/label.js';
import { issueNames } from '../output/output-names.js';
import { relPath } from '../paths.js';
import { findSourceFiles } from '../sources/find.js';
import type { SourceFile } from '../sources/load.js';
import { blocksFromMdast, isBlankTree, mergeRuns, phrasingToRuns, posOf, runsText, trimRuns, type ConvertContext } from './from-mdast.js';
import type {
  Article,
  Block,
  ContentsChoice,
  DistributionKey,
  DistributionLine,
  EditorNote,
  Entry,
  FontChoice,
  FontRole,
  Issue,
  NewsItem,
  Run,
  Section,
  SourcePos,
} from './types.js';
import { byCodeUnits } from '../text-order.js';

interface Placed {
  entry: Entry;
  order: number;
  file: string;
  index: number;
}

export function buildIssue(
  series: Series,
  cfg: IssueConfig,
  sources: SourceFile[],
  allIssues: IssueConfig[],
  diags: Diagnostics,
): Issue | undefined {
  const before = diags.errors.length;
  const sectionNames = sectionOrder(series, cfg, diags);
  const placed = new Map<string, Placed[]>(sectionNames.map((s) => [s.name, []]));
  let note: EditorNote | undefined;

  const drafts: string[] = [];
  for (const src of sources) {
    const fm = src.front;
    if (!fm) continue;
    if (isBlankTree(src.tree.children as Content[]) && !fm.title) {
      // A draft as `new` writes it (a section and hints, nothing else) waits for its text: one
      // line for all of them below, not a warning a file at every check and build. A file
      // that says more (a unit, an order) and has no text is a slip worth a warning of its own.
      if (Object.keys(fm).every((k) => k === 'section')) drafts.push(path.posix.basename(src.rel));
      else diags.warn('source-empty', src.rel, src.bodyLineOffset + 1, 1, '这份稿件还没有内容，不会印出；写好后再构建，或删去此文件');
      continue;
    }
    const ctxBase = { file: src.rel, absFile: src.abs, seriesRoot: series.root, lineOffset: src.bodyLineOffset, diags };
    if (fm.section === NOTE_SECTION) {
      if (note) {
        diags.error(
          'note-twice',
          src.rel,
          src.frontLine('section'),
          1,
          `一期只能有一个编者按，${note.at.file} 已经是编者按。请合并两个文件`,
        );
        continue;
      }
      note = buildNote(src, { ...ctxBase, level1Depth: 2 });
      continue;
    }
    const section = series.sections.find((s) => s.name === stripBrackets(fm.section));
    if (!section) {
      const names = series.sections.map((s) => s.name);
      const guess = nearest(fm.section, [...names, NOTE_SECTION]);
      diags.error(
        'section-unknown',
        src.rel,
        src.frontLine('section'),
        1,
        `没有“${fm.section}”这个栏目。${guess ? `是不是“${guess}”？` : ''}本系列的栏目有：${names.join('、')}（编者按写 ${NOTE_SECTION}）`,
      );
      continue;
    }
    if (!placed.has(section.name)) {
      diags.error(
        'section-not-in-issue',
        src.rel,
        src.frontLine('section'),
        1,
        `本期 issue.yaml 的 sections 中没有“${section.name}”，这篇稿件不会印出。请把栏目加进 sections，或改稿件的 section`,
      );
      continue;
    }
    const units = sourceUnits(src, series, diags);
    const entries =
      section.kind === 'news'
        ? buildNewsItems(src, units, { ...ctxBase, level1Depth: 3 })
        : buildArticle(src, units, { ...ctxBase, level1Depth: 2 });
    entries.forEach((entry, index) =>
      placed.get(section.name)!.push({ entry, order: fm.order ?? Number.MAX_SAFE_INTEGER, file: path.basename(src.abs), index }),
    );
  }

  const sections: Section[] = [];
  for (const s of sectionNames) {
    const list = placed.get(s.name)!;
    if (list.length === 0) continue;
    list.sort((a, b) => a.order - b.order || byCodeUnits(a.file, b.file) || a.index - b.index);
    sections.push({
      name: s.name,
      heading: `${SECTION_HEAD.open}${s.name}${SECTION_HEAD.close}`,
      kind: s.kind,
      entries: list.map((p) => p.entry),
    });
  }
  // Only when nothing else explains it: a file whose front matter is broken or names an unknown
  // section, or that could not be read at all (too large, too deeply nested, a FIFO), is a
  // manuscript already reported, and "add a .md file" would send the clerk astray.
  const reported = diags.errors.length > before || sources.some((s) => !s.front) || findSourceFiles(cfg.dir).length > sources.length;
  if (sections.length === 0 && !note && !reported) {
    diags.error(
      'issue-empty',
      cfg.file,
      1,
      1,
      `本期还没有任何稿件。请在 ${relPath(series.root, cfg.dir)}/ 中添加 .md 稿件（前言区写 section: 栏目名）`,
    );
  }
  if (drafts.length) {
    diags.add({
      severity: 'note',
      rule: 'drafts-unwritten',
      file: relPath(series.root, cfg.dir),
      message: `${drafts.length} 个稿件模板还没有写，不会印出：${drafts.join('、')}（要写就在其中写稿，不用的可以删去）`,
    });
  }
  if (diags.errors.length > before) return undefined;

  const special = cfg.special;
  // Values from bulletin.yaml and issue.yaml carry their key's line, so a character no font has
  // is reported where it was typed, not at line 1 of some file.
  const inSeries = (key: Array<string | number>): SourcePos | undefined => at(SERIES_FILE, series.lineOf(key));
  const inIssue = (key: Array<string | number>): SourcePos | undefined => at(cfg.file, cfg.lineOf(key));
  // The same names `build` checks for clashes before it writes anything.
  const { total, label, stem } = issueNames(series, cfg, allIssues);
  const labelInput = { number: cfg.number, year: cfg.date.year, total, special };

  return {
    meta: {
      number: cfg.number,
      total,
      isoDate: toIso(cfg.date),
      isoPrintDate: toIso(cfg.printDate),
      year: cfg.date.year,
      special,
      title: `${series.name} ${label}`,
      author: series.publisher,
      fileStem: stem,
      dir: relPath(series.root, cfg.dir),
    },
    masthead: {
      classification: series.classification,
      seriesLine: series.seriesLine,
      name: series.name,
      label,
      totalLabel: totalLabel(series, labelInput),
      publisher: series.publisher,
      date: formatChineseDate(cfg.date),
      at: {
        classification: inSeries(['classification']),
        seriesLine: inSeries(['series']),
        name: inSeries(['name']),
        label: inIssue(['number']),
        publisher: inSeries(['publisher']),
        date: inIssue(['date']),
      },
    },
    note,
    sections,
    endBlock: {
      distribution: distributionLines(series.distribution, cfg.distribution ?? {}, inSeries, inIssue),
      printer: series.publisher,
      printDate: `${formatChineseDate(cfg.printDate)}${END_BLOCK.printSuffix}`,
      copies: (cfg.copies ?? series.copies) !== undefined ? END_BLOCK.copiesFormat((cfg.copies ?? series.copies)!) : undefined,
      onEvenPage: series.endBlockOnEvenPage,
      at: {
        printer: inSeries(['publisher']),
        printDate: cfg.printDate !== cfg.date ? inIssue(['printDate']) : inIssue(['date']),
        copies: cfg.copies !== undefined ? inIssue(['copies']) : inSeries(['copies']),
      },
    },
    contents: contentsChoice(series, cfg, inSeries, inIssue),
    fonts: fontChoices(series),
    seriesRoot: series.root,
  };
}

function stripBrackets(s: string): string {
  return s.trim().replace(/^【/, '').replace(/】$/, '');
}

function sectionOrder(series: Series, cfg: IssueConfig, diags: Diagnostics): Series['sections'] {
  if (!cfg.sections) return series.sections;
  const out: Series['sections'] = [];
  cfg.sections.forEach((name, i) => {
    const s = series.sections.find((x) => x.name === stripBrackets(name));
    if (!s) {
      const guess = nearest(
        name,
        series.sections.map((x) => x.name),
      );
      diags.error(
        'section-unknown',
        cfg.file,
        cfg.lineOf(['sections', i]),
        1,
        `sections 中的“${name}”不是本系列的栏目。${guess ? `是不是“${guess}”？` : ''}请先在 bulletin.yaml 的 sections 中添加`,
      );
    } else out.push(s);
  });
  return out;
}

/**
 * The units of a source's `unit:`, each resolved to its canonical name through the series'
 * register; a name the register does not know is kept as written and warned about, with the
 * nearest registered name, so that statistics do not split one unit in two.
 */
function sourceUnits(src: SourceFile, series: Series, diags: Diagnostics): string[] {
  const raw = src.front?.unit;
  if (!raw) return [];
  const names = (Array.isArray(raw) ? raw : [raw]).map((n) => n.trim()).filter(Boolean);
  return names.map((n) => {
    const unit = series.units.resolve(n);
    if (unit) return unit.name;
    if (!series.units.isEmpty) {
      const guess = series.units.suggest(n);
      diags.warn(
        'unit-unknown',
        src.rel,
        src.frontLine('unit'),
        1,
        `供稿单位“${n}”不在 bulletin.yaml 的单位名录（units）中。${guess ? `是不是“${guess}”？` : ''}请改成名录中的名称，或把它加进名录，统计时才能算对`,
      );
    }
    return n;
  });
}

function unitLine(units: string[]): string | undefined {
  return units.length ? units.join('、') : undefined;
}

/** The unit line closes the item's last paragraph, as （某某大学供稿）. */
function appendUnit(blocks: Block[], unit: string | undefined, at: Block['at']): void {
  if (!unit) return;
  const last = blocks[blocks.length - 1];
  const run: Run = { text: NEWS_ITEM.unitFormat(unit) };
  if (last?.type === 'paragraph') last.runs.push(run);
  else blocks.push({ type: 'paragraph', runs: [run], indent: true, at });
}

/** A lead is a sentence: it ends in 。 (or ！？) so that the body can follow on the same line. */
function closeLead(runs: Run[]): Run[] {
  const out = mergeRuns(runs);
  const last = out[out.length - 1];
  if (last && !/[。！？!?]$/.test(last.text)) last.text = last.text.replace(/[，、；：,.;:]$/, '') + '。';
  return out;
}

function buildNewsItems(src: SourceFile, units: string[], ctx: ConvertContext): NewsItem[] {
  const children = src.tree.children as Content[];
  const unit = unitLine(units);
  const splitAt = children.map((c, i) => (c.type === 'heading' && c.depth <= 2 ? i : -1)).filter((i) => i >= 0);
  const items: NewsItem[] = [];
  const make = (leadRuns: Run[], body: Content[], at: ReturnType<typeof posOf>, leadPos: { line: number; column?: number }): void => {
    const lead = closeLead(leadRuns);
    const leadText = runsText(lead);
    if (!leadText.trim()) {
      ctx.diags.error('item-no-lead', ctx.file, leadPos.line, leadPos.column, '这条动态没有标题。请写 ## 标题，或在前言区写 title: 标题');
      return;
    }
    const blocks = blocksFromMdast(body, ctx);
    if (!blocks.some((b) => b.type !== 'paragraph' || runsText(b.runs).trim())) {
      ctx.diags.error(
        'item-empty',
        ctx.file,
        leadPos.line,
        leadPos.column,
        `动态“${leadText}”没有正文。请在标题下面写正文，或删去这个标题`,
      );
      return;
    }
    appendUnit(blocks, unit, at);
    items.push({ kind: 'news', lead: lead.map((r) => ({ ...r, bold: true })), leadText, body: blocks, unit, units, at });
  };

  if (splitAt.length === 0) {
    const title = src.front?.title;
    const at = { file: ctx.file, line: src.frontLine('title'), column: 1 };
    if (!title) {
      ctx.diags.error(
        'item-no-lead',
        ctx.file,
        src.frontLine('section'),
        1,
        '这条动态没有标题。请在正文前写一行 ## 标题，或在前言区写 title: 标题',
      );
      return items;
    }
    make([{ text: title.trim() }], children, at, at);
    return items;
  }
  const preamble = children.slice(0, splitAt[0]);
  if (preamble.some((c) => c.type !== 'html' && c.type !== 'definition')) {
    const p = posOf(preamble[0]!, ctx);
    ctx.diags.error(
      'item-text-before-lead',
      ctx.file,
      p.line,
      p.column,
      '第一个 ## 标题之前的文字不属于任何一条动态。请给它加上 ## 标题，或移到某条动态之下',
    );
  }
  splitAt.forEach((start, k) => {
    const heading = children[start] as MdHeading;
    const end = splitAt[k + 1] ?? children.length;
    const at = posOf(heading, ctx);
    make(
      trimRuns(phrasingToRuns(heading.children, ctx)).map((r) => ({ ...r })),
      children.slice(start + 1, end),
      at,
      at,
    );
  });
  return items;
}

function buildArticle(src: SourceFile, units: string[], ctx: ConvertContext): Article[] {
  let children = src.tree.children as Content[];
  let title = src.front?.title?.trim();
  let subtitle = src.front?.subtitle?.trim();
  const first = children[0];
  if (!title && first?.type === 'heading' && first.depth === 1) {
    title = runsText(phrasingToRuns(first.children, ctx)).trim();
    children = children.slice(1);
  }
  const next = children[0];
  if (!subtitle && next?.type === 'paragraph') {
    const t = runsText(phrasingToRuns(next.children, ctx)).trim();
    if (/^——/.test(t)) {
      subtitle = t;
      children = children.slice(1);
    }
  }
  if (!title) {
    ctx.diags.error(
      'article-no-title',
      ctx.file,
      src.frontLine('section'),
      1,
      '经验交流文章没有标题。请在前言区写 title: 文章标题（副题写 subtitle:）',
    );
    return [];
  }
  const blocks = blocksFromMdast(children, ctx);
  if (blocks.length === 0) {
    ctx.diags.error('item-empty', ctx.file, src.frontLine('title'), 1, `文章“${title}”没有正文`);
    return [];
  }
  const at = { file: ctx.file, line: src.frontLine('title'), column: 1 };
  const unit = unitLine(units);
  appendUnit(blocks, unit, at);
  return [
    {
      kind: 'article',
      title,
      subtitle: subtitle ? (subtitle.startsWith('——') ? subtitle : `——${subtitle}`) : undefined,
      blocks,
      unit,
      units,
      at,
    },
  ];
}

function buildNote(src: SourceFile, ctx: ConvertContext): EditorNote | undefined {
  const title = src.front?.title?.trim() || NOTE_SECTION;
  const blocks = blocksFromMdast(src.tree.children as Content[], ctx);
  const at = { file: ctx.file, line: src.frontLine('section'), column: 1 };
  if (blocks.length === 0) {
    ctx.diags.error('item-empty', ctx.file, at.line, 1, '编者按没有正文');
    return undefined;
  }
  return { title, runIn: title === NOTE_SECTION || title === '按语', blocks, at };
}

function listText(r: Recipients | undefined): string | undefined {
  if (r === undefined) return undefined;
  const text = (Array.isArray(r) ? r.join('、') : r).trim();
  if (!text) return undefined;
  return /[。.]$/.test(text) ? text.replace(/\.$/, '。') : `${text}。`;
}

function distributionLines(
  seriesLists: Partial<Record<DistributionKey, Recipients>>,
  issueLists: Partial<Record<DistributionKey, Recipients>>,
  inSeries: (key: string[]) => SourcePos | undefined,
  inIssue: (key: string[]) => SourcePos | undefined,
): DistributionLine[] {
  const out: DistributionLine[] = [];
  for (const key of END_BLOCK.order) {
    const fromIssue = key in issueLists;
    const text = listText(fromIssue ? issueLists[key] : seriesLists[key]);
    const at = fromIssue ? inIssue(['distribution', key]) : inSeries(['distribution', key]);
    if (text) out.push({ label: key, text, ...(at ? { at } : {}) });
  }
  return out;
}

/** The issue's own `contents:` wins over the series'. */
function contentsChoice(
  series: Series,
  cfg: IssueConfig,
  inSeries: (key: string[]) => SourcePos | undefined,
  inIssue: (key: string[]) => SourcePos | undefined,
): ContentsChoice {
  if (cfg.contents !== undefined) return { setting: cfg.contents, ...withAt(inIssue(['contents'])) };
  return { setting: series.contents, ...withAt(inSeries(['contents'])) };
}

const withAt = (at: SourcePos | undefined): { at?: SourcePos } => (at ? { at } : {});

function at(file: string, line: number | undefined): SourcePos | undefined {
  return line !== undefined ? { file, line, column: 1 } : undefined;
}

/** The candidates of every role: what bulletin.yaml names, then the shipped font. */
export function fontChoices(series: Series): Record<FontRole, FontChoice> {
  const roles = Object.keys(OFFICIAL_FONT_NAMES) as FontRole[];
  return Object.fromEntries(
    roles.map((role) => [
      role,
      {
        officialName: OFFICIAL_FONT_NAMES[role],
        candidates: [...(series.fonts[role] ?? []), SHIPPED_FONTS[role]],
      },
    ]),
  ) as Record<FontRole, FontChoice>;
}
