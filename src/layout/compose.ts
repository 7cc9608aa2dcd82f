/**
 * Issue model → Galley: every layout decision of the bulletin, taken once for all formats
 * (see galley.ts). Measuring goes through `Metrics`, the real faces of each role.
 */
import type {
  Article,
  Block,
  EditorNote,
  FontRole,
  Heading,
  ImageBlock,
  Issue,
  ListBlock,
  NewsItem,
  Paragraph,
  Run,
  Section,
  SourcePos,
  Table,
} from '../model/types.js';
import type {
  GBlock,
  GEndBlock,
  GImage,
  GList,
  GMasthead,
  GMastheadLine,
  GMeta,
  GPage,
  GPageNumber,
  GParagraph,
  GRun,
  GSpan,
  GTable,
  GText,
  Galley,
  OutlineEntry,
} from './galley.js';
import { Faces } from '../fonts/faces.js';
import { FontResolver } from '../fonts/resolve.js';
import { cellPaddingX, imageBox, tableColumnWidths, tableSize, tableTextWidth } from './geometry.js';
import { balancedLines } from './balance.js';
import { decideContents, type Listed } from './contents.js';
import { distributionLines } from './end-block-lines.js';
import { textEm, type Metrics } from './measure.js';
import {
  ARTICLE,
  BODY,
  BOLD_ROLE,
  EDITOR_NOTE,
  END_BLOCK,
  GRID,
  HEADINGS,
  IMAGE,
  KINSOKU,
  LIST,
  MASTHEAD,
  NEWS_ITEM,
  PAGE,
  PAGE_NUMBER,
  PARAGRAPH_SPLIT,
  RED,
  SECTION_HEAD,
  SYNTHETIC_BOLD,
  TABLE,
  TEXT_BLOCK,
  mastheadLines,
  mm,
} from './spec.js';
import { boldLeads } from './run-in-leads.js';
import { HEADING_STYLE, STYLES, type StyleId } from './styles.js';
import { silent, type OnProgress } from '../progress.js';

/** The role a model run prints in: its own font, else the block's; bold maps through BOLD_ROLE. */
export function runRole(run: Pick<Run, 'font' | 'bold'>, blockRole: FontRole): FontRole {
  const role = run.font ?? blockRole;
  return run.bold ? BOLD_ROLE[role] : role;
}

/** Whether a model run prints emboldened: bold in a role that has no bold face of its own. */
export function runBold(run: Pick<Run, 'font' | 'bold'>, blockRole: FontRole): boolean {
  return Boolean(run.bold) && SYNTHETIC_BOLD.roles.includes(runRole(run, blockRole));
}

/** Marks that close a bold lead (一是……。): printed bold with it when written after the **. */
const LEAD_CLOSE = /^[。？！：]/u;

/**
 * A closing mark written just after a bold lead (`**一是……**。`) joins the lead, so the 。
 * prints bold with it.
 */
function closeLeads(runs: readonly Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  for (let i = 0; i + 1 < out.length; i++) {
    const [lead, next] = [out[i]!, out[i + 1]!];
    const close = lead.bold && !next.bold && !next.font && !next.script ? LEAD_CLOSE.exec(next.text) : null;
    if (!close || LEAD_CLOSE.test(lead.text.slice(-1))) continue;
    lead.text += close[0];
    next.text = next.text.slice(close[0].length);
  }
  return out;
}

/**
 * The one link rule: only web and mail targets become links (in the DOCX and the web edition);
 * any other target (javascript:, file:, a relative path) prints as plain text.
 */
const LINKABLE = /^(https?:|mailto:)/i;

/** Model runs in a block role → galley runs. */
export function composeRuns(runs: readonly Run[], blockRole: FontRole): GRun[] {
  const out: GRun[] = [];
  for (const r of closeLeads(runs)) {
    if (r.text === '') continue;
    const g: GRun = { text: r.text, role: runRole(r, blockRole) };
    if (runBold(r, blockRole)) g.bold = true;
    if (r.script) g.script = r.script;
    if (r.link && LINKABLE.test(r.link)) g.link = r.link;
    out.push(g);
  }
  return out;
}

const plain = (text: string, role: FontRole): GRun[] => [{ text, role }];

/** The page and its grid, as the spec gives them: the same for an issue and a bound volume's front matter. */
export function composePage(): GPage {
  return {
    mm: {
      width: PAGE.widthMm,
      height: PAGE.heightMm,
      top: PAGE.marginTopMm,
      bottom: PAGE.marginBottomMm,
      left: PAGE.marginLeftMm,
      right: PAGE.marginRightMm,
    },
    widthPt: mm(PAGE.widthMm),
    heightPt: mm(PAGE.heightMm),
    marginTopPt: mm(PAGE.marginTopMm),
    marginBottomPt: mm(PAGE.marginBottomMm),
    marginLeftPt: mm(PAGE.marginLeftMm),
    marginRightPt: mm(PAGE.marginRightMm),
    blockWidthPt: TEXT_BLOCK.widthPt,
    blockHeightPt: TEXT_BLOCK.heightPt,
    linePitchPt: GRID.linePitchPt,
    charPitchPt: GRID.charPitchPt,
    lines: GRID.lines,
    chars: GRID.chars,
  };
}

/** The text facts every format applies the same way (GText). */
export function composeText(): GText {
  return {
    bodySizePt: BODY.sizePt,
    bodyTrackPt: BODY.pdfTrackPt,
    color: BODY.color,
    docxRunSpacingTwips: BODY.docxRunSpacingTwips,
    syntheticBoldStrokeEm: SYNTHETIC_BOLD.strokeEm,
    kinsoku: { noLineStart: KINSOKU.noLineStart, noLineEnd: KINSOKU.noLineEnd },
    minSplitLines: PARAGRAPH_SPLIT.minLines,
    leadRole: NEWS_ITEM.leadRole,
  };
}

/** Where blocks stand: their left edge, and where a list among them indents from, in body characters. */
interface Column {
  leftChars: number;
  listChars: number;
}
const TOP: Column = { leftChars: 0, listChars: 0 };

/** Whether every non-empty body cell of column `i` is a number (TABLE.numberCell), and one is. */
function numberColumn(t: Table, i: number, headRows = 1): boolean {
  // Rows of a two-level head are not the column's values.
  const texts = t.rows
    .slice(headRows - 1)
    .map((r) =>
      (r[i]?.runs ?? [])
        .map((x) => x.text)
        .join('')
        .trim(),
    )
    .filter((s) => s !== '');
  return texts.length > 0 && texts.every((s) => TABLE.numberCell.test(s));
}

/**
 * The block after a table, in reading order (into list items and out of them), keeps
 * TABLE.blankLinesAfter blank lines: the grid line under a table's bottom rule stays free.
 */
function clearAfterTables(blocks: GBlock[]): void {
  const order: GBlock[] = [];
  const walk = (bs: GBlock[]): void => {
    for (const b of bs) {
      order.push(b);
      if (b.kind === 'list') for (const item of b.items) walk(item.blocks);
    }
  };
  walk(blocks);
  order.forEach((b, i) => {
    const next = order[i + 1];
    if (b.kind === 'table' && next) next.blankBefore = Math.max(next.blankBefore, TABLE.blankLinesAfter);
  });
}

/** Blank lines between parts collapse: the larger of what the part before leaves and what the next asks for. */
class Flow {
  readonly blocks: GBlock[] = [];
  private pending = 0;
  private fresh = true;

  /** Adds blocks that follow each other without blank lines, the first `blankBefore` lines down. */
  add(blocks: GBlock[], blankBefore = 0, blankAfter = 0): void {
    const [first] = blocks;
    if (!first) return;
    first.blankBefore = this.fresh ? 0 : Math.max(this.pending, blankBefore);
    this.blocks.push(...blocks);
    this.pending = blankAfter;
    this.fresh = false;
  }
}

function paragraph(style: StyleId, runs: GRun[], more: Partial<GParagraph> = {}): GParagraph {
  const st = STYLES[style];
  return {
    kind: 'paragraph',
    style,
    runs,
    indentChars: st.firstChars,
    align: st.align,
    blankBefore: 0,
    keepWithNext: st.keepWithNext,
    ...more,
  };
}

/** What a composition is for, beyond the issue itself. */
export interface ComposeOptions {
  /** Printed on paper whose red masthead is already there (套打): see GMasthead.onPreprintedPaper. */
  preprinted?: boolean;
}

class Composer {
  private n = 0;
  /** Column heads, items and articles in reading order, for the contents box. */
  private readonly listed: Listed[] = [];
  constructor(
    private readonly issue: Issue,
    private readonly metrics: Metrics,
    private readonly options: ComposeOptions = {},
  ) {}

  private id(prefix: string): string {
    return `${prefix}-${++this.n}`;
  }

  page(): GPage {
    return composePage();
  }

  masthead(): GMasthead {
    const m = this.issue.masthead;
    const M = MASTHEAD;
    const line = (
      style: StyleId,
      text: string,
      spec: { role: FontRole; lines: number; color?: string },
      at: SourcePos | undefined,
      blankAfter = 0,
    ): GMastheadLine => {
      const l: GMastheadLine = {
        style,
        runs: plain(text, spec.role),
        align: STYLES[style].align as GMastheadLine['align'],
        gridLines: spec.lines,
        blankAfter,
      };
      if (at) l.at = at;
      if (spec.color) {
        l.color = spec.color;
        l.cmyk = RED.cmyk;
        // The red lines are what preprinted 红头 paper carries.
        l.preprinted = true;
      }
      return l;
    };
    const lines: GMastheadLine[] = [];
    if (m.classification) lines.push(line('classification', m.classification, M.classification, m.at?.classification));
    lines.push(line('seriesLine', m.seriesLine, M.seriesLine, m.at?.seriesLine));
    lines.push(line('name', m.name, M.name, m.at?.name));
    lines.push(line('label', m.totalLabel ? `${m.label}\u3000${m.totalLabel}` : m.label, M.label, m.at?.label, M.gapLines));
    return {
      lines,
      publisher: {
        style: 'publisherLine',
        left: plain(m.publisher, M.publisherLine.role),
        right: plain(m.date, M.publisherLine.role),
        indentChars: M.publisherIndentChars,
        ...(m.at?.publisher ? { leftAt: m.at.publisher } : {}),
        ...(m.at?.date ? { rightAt: m.at.date } : {}),
      },
      rule: { widthPt: M.ruleWidthPt, color: RED.rgb, cmyk: RED.cmyk, offsetPt: M.ruleOffsetPt },
      blankAfterRule: M.afterRuleLines,
      gridLines: mastheadLines(Boolean(m.classification)),
      onPreprintedPaper: Boolean(this.options.preprinted),
    };
  }

  /**
   * Body blocks of the model in a default role (楷体 in an editor's note), in a column
   * `widthPt` wide whose left edge is `at.leftChars` in from the text block's (a list item's
   * text column); `at.listChars` is where a list in it indents from.
   */
  blocks(block: Block, role: FontRole, style: StyleId, widthPt: number, at: Column = TOP): GBlock[] {
    const placed = (b: GBlock): GBlock[] => {
      if (at.leftChars > 0) b.leftChars = at.leftChars;
      return [b];
    };
    switch (block.type) {
      case 'paragraph':
        return placed(this.paragraph(block, role, style));
      case 'heading':
        return placed(this.heading(block));
      case 'list':
        return [this.list(block, role, style, widthPt, at)];
      case 'table':
        return placed(this.table(block, widthPt));
      case 'image':
        return placed(this.image(block, widthPt));
    }
  }

  private paragraph(p: Paragraph, role: FontRole, style: StyleId, lead: GRun[] = []): GParagraph {
    const blockRole = p.font ?? role;
    // 一是……。 leads of body text print bold however they were typed (spec §11, run-in-leads.ts).
    const runs = blockRole === 'body' ? boldLeads(p.runs) : p.runs;
    return paragraph(style, [...lead, ...composeRuns(runs, blockRole)], {
      align: p.align ?? 'justify',
      indentChars: p.indent === false ? 0 : BODY.indentChars,
      at: p.at,
    });
  }

  private heading(h: Heading): GParagraph {
    const spec = HEADINGS[h.level];
    const runs = composeRuns(spec.bold ? h.runs.map((r) => ({ ...r, bold: true })) : h.runs, spec.role);
    return paragraph(HEADING_STYLE[h.level], runs, { indentChars: spec.indentChars, keepWithNext: true, at: h.at });
  }

  /**
   * A list's geometry, decided here for every format: the marker one list indent in from where
   * the enclosing list's marker stands (the text block's edge at the top), the text after the
   * marker's column; what an item holds stands at the text.
   */
  private list(list: ListBlock, role: FontRole, style: StyleId, widthPt: number, at: Column): GList {
    const markerAtChars = at.listChars + LIST.indentChars;
    const textAtChars = markerAtChars + LIST.markerChars;
    const inner = widthPt - (textAtChars - at.leftChars) * GRID.charPitchPt;
    const column: Column = { leftChars: textAtChars, listChars: markerAtChars };
    return {
      kind: 'list',
      markerAtChars,
      textAtChars,
      items: list.items.map((item, i) => ({
        marker: { text: list.ordered ? `${list.start + i}.` : LIST.bullet, role },
        blocks: item
          .flatMap((b) => this.blocks(b, role, style === 'body' ? 'listItem' : style, inner, column))
          .map((b) => {
            // A list item's paragraphs hang under the marker: no first-line indent of their own.
            if (b.kind === 'paragraph') b.indentChars = 0;
            return b;
          }),
      })),
      blankBefore: 0,
      keepWithNext: false,
      at: list.at,
    };
  }

  /** A table in a block `widthPt` wide: the text block, or what a list item leaves of it. */
  private table(t: Table, widthPt: number): GTable {
    const cols = Math.max(t.header.length, ...t.rows.map((r) => r.length));
    // Too many columns for the smallest size is refused after composing (layout/limits.ts);
    // until then the smallest size is taken.
    const size = tableSize(cols, widthPt) ?? TABLE.sizeStepsPt.at(-1)!;
    const rule = TABLE.ruleWidthPt;
    const grid = [t.header, ...t.rows];
    const spans = tableSpans(t.spans ?? [], grid.length, cols);
    const headerRows = tableHeadRows(spans, grid.length);
    const roleOf = (row: number): FontRole => (row < headerRows ? TABLE.headerRole : TABLE.bodyRole);
    const wide = new Set(spans.filter((s) => s.cols > 1).map((s) => `${s.row},${s.col}`));
    const natural = new Array<number>(cols).fill(0);
    const measure = (runs: Run[] | undefined, role: FontRole, col: number): void => {
      if (!runs) return;
      const text = runs.map((r) => r.text).join('');
      natural[col] = Math.max(natural[col] ?? 0, textEm(text, this.metrics.role(role), this.metrics) * size + 0.5);
    };
    // A cell merged across columns wraps in the width they have together; it sets none of them.
    grid.forEach((r, row) => r.forEach((c, i) => wide.has(`${row},${i}`) || measure(c.runs, roleOf(row), i)));
    const available = tableTextWidth(cols, widthPt, size);
    const widths = tableColumnWidths(natural, TABLE.minColumnChars * size, available);
    const cells = (row: Array<{ runs: Run[] }>, role: FontRole): GRun[][] =>
      Array.from({ length: cols }, (_, i) => composeRuns(row[i]?.runs ?? [], role));
    const g: GTable = {
      kind: 'table',
      columns: widths.map((w, i) => ({ widthPt: w, align: t.align[i] ?? (numberColumn(t, i, headerRows) ? 'right' : 'left') })),
      header: cells(t.header, TABLE.headerRole),
      rows: t.rows.map((r, i) => cells(r, roleOf(i + 1))),
      headerRows,
      spans,
      sizePt: size,
      lineHeightPt: size * TABLE.lineHeight,
      paddingXPt: cellPaddingX(size),
      paddingYPt: TABLE.cellPaddingYPt,
      ruleWidthPt: rule,
      blankBefore: 0,
      keepWithNext: false,
      at: t.at,
    };
    if (t.caption) g.caption = paragraph('tableCaption', plain(t.caption, TABLE.caption.role), { at: t.at });
    return g;
  }

  private image(img: ImageBlock, columnPt: number): GImage {
    const { widthPt, heightPt } = imageBox(img, columnPt);
    const g: GImage = {
      kind: 'image',
      path: img.path,
      format: img.format,
      widthPt,
      heightPt,
      gridLines: Math.ceil(heightPt / GRID.linePitchPt - 1e-6),
      alt: img.alt,
      blankBefore: 0,
      keepWithNext: Boolean(img.caption),
      at: img.at,
    };
    if (img.caption) g.caption = paragraph('imageCaption', plain(img.caption, IMAGE.caption.role), { at: img.at });
    return g;
  }

  private outline(b: GBlock, entry: Omit<OutlineEntry, 'id'> & { prefix: string }): string {
    const id = this.id(entry.prefix);
    b.outline = { id, text: entry.text, level: entry.level, ...(entry.parentId ? { parentId: entry.parentId } : {}) };
    return id;
  }

  note(note: EditorNote, flow: Flow): void {
    const role = EDITOR_NOTE.bodyRole;
    let blocks = note.blocks;
    // The title runs into the first paragraph (or stands alone before the rest), or heads it.
    let opening: GBlock;
    if (note.runIn) {
      const lead: GRun = { text: `${note.title}：`, role: EDITOR_NOTE.runInRole };
      const first = blocks[0];
      if (first?.type === 'paragraph') {
        opening = this.paragraph(first, role, 'note', [lead]);
        blocks = blocks.slice(1);
      } else {
        opening = paragraph('note', [lead], { at: note.at });
      }
    } else {
      opening = paragraph('noteTitle', plain(note.title, EDITOR_NOTE.titleRole), { at: note.at });
    }
    this.outline(opening, { prefix: 'note', text: note.title, level: 0 });
    const out: GBlock[] = [opening];
    for (const b of blocks) out.push(...this.blocks(b, role, 'note', TEXT_BLOCK.widthPt));
    flow.add(out, 0, EDITOR_NOTE.blankLinesAfter);
  }

  private news(item: NewsItem, parentId: string): GBlock[] {
    const leadRole = NEWS_ITEM.leadRole;
    const lead: GRun[] = [
      { text: NEWS_ITEM.star, role: leadRole, lead: true },
      ...composeRuns(item.lead, leadRole).map((r) => ({ ...r, lead: true })),
    ];
    const [first, ...rest] = item.body;
    // The lead runs into the first paragraph, or stands as one of its own.
    const leadBlock: GBlock =
      first?.type === 'paragraph'
        ? { ...this.paragraph(first, 'body', 'body', lead), indentChars: NEWS_ITEM.indentChars }
        : paragraph('body', lead, { indentChars: NEWS_ITEM.indentChars, at: item.at });
    const out: GBlock[] = [leadBlock];
    if (first && first.type !== 'paragraph') out.push(...this.blocks(first, 'body', 'body', TEXT_BLOCK.widthPt));
    for (const b of rest) out.push(...this.blocks(b, 'body', 'body', TEXT_BLOCK.widthPt));
    const target = this.outline(leadBlock, { prefix: 'item', parentId, text: item.leadText, level: 1 });
    this.listed.push({ kind: 'news', text: item.leadText, target });
    return out;
  }

  /** A title too long for one line breaks into balanced lines, measured with the title face. */
  titleLines(title: string): string[] {
    const t = ARTICLE.title;
    return balancedLines([{ text: title, role: t.role }], t.sizePt, TEXT_BLOCK.widthPt, this.metrics);
  }

  private article(a: Article, parentId: string, flow: Flow): void {
    const t = ARTICLE.title;
    const runs: GRun[] = this.titleLines(a.title).map((text, i) =>
      i > 0 ? { text, role: t.role, breakBefore: true } : { text, role: t.role },
    );
    const title = paragraph('articleTitle', runs, { at: a.at });
    const header: GParagraph[] = [title];
    const target = this.outline(title, { prefix: 'article', parentId, text: a.title, level: 1 });
    this.listed.push({ kind: 'article', text: a.title, target });
    if (a.subtitle) header.push(paragraph('articleSubtitle', plain(a.subtitle, ARTICLE.subtitle.role), { at: a.at }));
    flow.add(header, ARTICLE.blankLinesBefore, ARTICLE.blankLinesAfterHeader);
    flow.add(a.blocks.flatMap((b) => this.blocks(b, 'body', 'body', TEXT_BLOCK.widthPt)));
  }

  section(s: Section, flow: Flow): void {
    const head = paragraph('sectionHead', plain(s.heading, SECTION_HEAD.role), { at: s.entries[0]?.at });
    const id = this.outline(head, { prefix: 'section', text: s.heading, level: 0 });
    this.listed.push({ kind: 'section', text: s.heading, target: id });
    flow.add([head], SECTION_HEAD.blankLinesBefore);
    for (const e of s.entries) {
      if (e.kind === 'news') flow.add(this.news(e, id));
      else this.article(e, id, flow);
    }
  }

  endBlock(): GEndBlock {
    const eb = this.issue.endBlock;
    const size = END_BLOCK.sizePt;
    const inner = TEXT_BLOCK.widthPt - 2 * END_BLOCK.indentChars * size;
    const order = END_BLOCK.order as readonly string[];
    const dist = [...eb.distribution].sort((a, b) => order.indexOf(a.label) - order.indexOf(b.label));
    const outer = mm(END_BLOCK.outerRuleMm);
    const thin = mm(END_BLOCK.innerRuleMm);
    const rules: GEndBlock['rules'] = [{ afterLines: 0, widthPt: outer }];
    let count = 0;
    const distribution = dist.map((d) => {
      const label = `${d.label}：`;
      if (count > 0) rules.push({ afterLines: count, widthPt: thin });
      const lines = distributionLines(label, d.text, END_BLOCK.role, size, inner, this.metrics, d.at).lines.length;
      count += lines;
      return d.at ? { label, text: d.text, lines, at: d.at } : { label, text: d.text, lines };
    });
    if (eb.copies) {
      if (count > 0) rules.push({ afterLines: count, widthPt: thin });
      count += 1;
    }
    if (count > 0) rules.push({ afterLines: count, widthPt: thin });
    count += 1;
    rules.push({ afterLines: count, widthPt: outer });
    const g: GEndBlock = {
      style: 'endBlock',
      role: END_BLOCK.role,
      sizePt: size,
      linePitchPt: END_BLOCK.linePitchPt,
      indentChars: END_BLOCK.indentChars,
      distribution,
      printer: eb.printer,
      printDate: eb.printDate,
      rules,
      lines: count,
      blankBefore: END_BLOCK.blankLinesBefore,
      onEvenPage: eb.onEvenPage,
      anchorPt: END_BLOCK.anchorPt,
    };
    if (eb.copies) g.copies = eb.copies;
    if (eb.at) g.at = eb.at;
    return g;
  }

  pageNumber(): GPageNumber {
    return {
      style: 'pageNumber',
      role: PAGE_NUMBER.role,
      sizePt: PAGE_NUMBER.sizePt,
      prefix: PAGE_NUMBER.prefix,
      suffix: PAGE_NUMBER.suffix,
      belowTextBlockPt: mm(PAGE_NUMBER.belowTextBlockMm),
      indentChars: PAGE_NUMBER.indentChars,
    };
  }

  meta(): GMeta {
    const m = this.issue.masthead;
    return {
      ...this.issue.meta,
      seriesLine: m.seriesLine,
      name: m.name,
      label: m.label,
      date: m.date,
      publisher: m.publisher,
      headlines: this.issue.sections.flatMap((s) => s.entries.map((e) => (e.kind === 'news' ? e.leadText : e.title))),
    };
  }

  text(): GText {
    return composeText();
  }

  galley(): Galley {
    const flow = new Flow();
    if (this.issue.note) this.note(this.issue.note, flow);
    for (const s of this.issue.sections) this.section(s, flow);
    clearAfterTables(flow.blocks);
    const g: Galley = {
      meta: this.meta(),
      page: this.page(),
      styles: STYLES,
      text: this.text(),
      masthead: this.masthead(),
      contentsChoice: { setting: this.issue.contents.setting, items: 0, printed: false },
      body: flow.blocks,
      endBlock: this.endBlock(),
      pageNumber: this.pageNumber(),
      fonts: this.issue.fonts,
      at: { masthead: { file: 'bulletin.yaml', line: 1 }, endBlock: { file: `${this.issue.meta.dir}/issue.yaml`, line: 1 } },
    };
    // Decided on the galley as it stands without a box: `auto` counts its pages.
    const { contents, choice } = decideContents(g, this.issue.contents, this.listed, this.metrics);
    g.contentsChoice = choice;
    if (contents) g.contents = contents;
    return g;
  }
}

/**
 * The issue's fonts as a measuring interface, for a format that has no faces of its own
 * (DOCX, HTML). `progress` hears which file serves which role.
 */
export function issueMetrics(issue: Issue, progress: OnProgress = silent): Faces {
  return new Faces(new FontResolver(issue), progress);
}

/** The merged cells a table can hold: inside the grid, each over cells no other one takes. */
function tableSpans(spans: readonly GSpan[], rows: number, cols: number): GSpan[] {
  const taken = new Set<string>();
  const out: GSpan[] = [];
  for (const s of spans) {
    const fit = { row: s.row, col: s.col, rows: Math.min(s.rows, rows - s.row), cols: Math.min(s.cols, cols - s.col) };
    if (fit.row >= rows || fit.col >= cols || (fit.rows < 2 && fit.cols < 2)) continue;
    const keys: string[] = [];
    for (let r = fit.row; r < fit.row + fit.rows; r++) for (let c = fit.col; c < fit.col + fit.cols; c++) keys.push(`${r},${c}`);
    if (keys.some((k) => taken.has(k))) continue;
    for (const k of keys) taken.add(k);
    out.push(fit);
  }
  return out;
}

/**
 * Rows that form the table's head: the header row, and every row a cell of the head merges
 * down into (a two-level header), so that no merged cell crosses from the head into the body.
 */
function tableHeadRows(spans: readonly GSpan[], rows: number): number {
  let head = 1;
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of spans) {
      if (s.row < head && s.row + s.rows > head) {
        head = s.row + s.rows;
        grew = true;
      }
    }
  }
  return Math.min(head, rows);
}

/** Composes an issue once for every output format. */
export function compose(issue: Issue, metrics: Metrics, options: ComposeOptions = {}): Galley {
  return new Composer(issue, metrics, options).galley();
}
