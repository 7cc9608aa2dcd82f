/**
 * The flow of the body after the masthead: editor's note, then each column with its head
 * 【…】 and its entries (news items, articles). Blank lines between parts collapse to the
 * larger of what the part before leaves and what the part after asks for, so two rules that
 * each want one blank line give one, as in the PDF.
 */
import { AlignmentType, TextRun, type FileChild, type ParagraphChild } from 'docx';
import { ARTICLE, BODY, EDITOR_NOTE, KINSOKU, MASTHEAD, NEWS_ITEM, SECTION_HEAD } from '../../layout/spec.js';
import type { Article, EditorNote, NewsItem, Section } from '../../model/types.js';
import { BODY_LOOK, blockToDocx, paragraphBlock, type BlockContext, type BlockLook } from './blocks.js';
import { gridParagraph } from './paragraph.js';
import { fontsFor, modelRuns, textRun } from './runs.js';
import { STYLE } from './styles.js';
import { TEXT_WIDTH_TW, charAdvanceTw, halfPoints } from './units.js';

class Flow {
  readonly children: FileChild[] = [];
  private pending: number;

  constructor(initialBlankLines: number) {
    this.pending = initialBlankLines;
  }

  /** Blank lines to put before a part that asks for `own`; settles what was pending. */
  take(own = 0): number {
    const n = Math.max(this.pending, own);
    this.pending = 0;
    return n;
  }

  leave(n: number): void {
    this.pending = Math.max(this.pending, n);
  }
}

function note(ctx: BlockContext, n: EditorNote, flow: Flow): void {
  const look: BlockLook = { style: STYLE.note, role: EDITOR_NOTE.bodyRole };
  const size = EDITOR_NOTE.sizePt;
  let blocks = n.blocks;
  if (n.runIn) {
    // 编者按： prints run-in, in its own role, at the start of the first paragraph.
    const lead = [textRun(ctx.issue, `${n.title}：`, { role: EDITOR_NOTE.runInRole, sizePt: size })];
    const [first, ...rest] = n.blocks;
    if (first?.type === 'paragraph') {
      flow.children.push(paragraphBlock(ctx, first, look, flow.take(), lead));
      blocks = rest;
    } else {
      flow.children.push(gridParagraph({ style: STYLE.note, sizePt: size, firstChars: BODY.indentChars, beforeLines: flow.take(), children: lead }));
    }
  } else {
    flow.children.push(
      gridParagraph({
        style: STYLE.noteTitle,
        sizePt: size,
        align: AlignmentType.CENTER,
        beforeLines: flow.take(),
        keepNext: true,
        children: [textRun(ctx.issue, n.title, { role: EDITOR_NOTE.titleRole, sizePt: size })],
      }),
    );
  }
  for (const b of blocks) flow.children.push(...blockToDocx(ctx, b, look, flow.take()));
  flow.leave(EDITOR_NOTE.blankLinesAfter);
}

function newsItem(ctx: BlockContext, item: NewsItem, flow: Flow): void {
  const leadLook = { role: NEWS_ITEM.leadRole, sizePt: BODY.sizePt, charStyle: STYLE.itemLead };
  const lead: ParagraphChild[] = [textRun(ctx.issue, NEWS_ITEM.star, leadLook), ...modelRuns(ctx.issue, item.lead, leadLook)];
  const [first, ...rest] = item.body;
  if (first?.type === 'paragraph') {
    flow.children.push(paragraphBlock(ctx, first, BODY_LOOK, flow.take(), lead));
  } else {
    flow.children.push(gridParagraph({ style: STYLE.body, sizePt: BODY.sizePt, firstChars: NEWS_ITEM.indentChars, beforeLines: flow.take(), children: lead }));
    if (first) flow.children.push(...blockToDocx(ctx, first, BODY_LOOK, 0));
  }
  for (const b of rest) flow.children.push(...blockToDocx(ctx, b, BODY_LOOK, flow.take()));
}

/**
 * A long title wraps into balanced lines: as many lines as it needs at the title size, the
 * characters shared evenly, and no line starting with punctuation that must not begin one.
 */
export function balancedTitleLines(title: string, sizePt: number): string[] {
  const chars = [...title];
  const perLine = Math.floor(TEXT_WIDTH_TW / charAdvanceTw(sizePt));
  const count = Math.ceil(chars.length / perLine);
  if (count <= 1) return [title];
  const even = Math.ceil(chars.length / count);
  const out: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = Math.min(chars.length, start + even);
    while (end < chars.length && end > start + 1 && KINSOKU.noLineStart.includes(chars[end])) end--;
    out.push(chars.slice(start, end).join(''));
    start = end;
  }
  return out;
}

function article(ctx: BlockContext, a: Article, flow: Flow): void {
  const t = ARTICLE.title;
  const titleRuns: ParagraphChild[] = balancedTitleLines(a.title, t.sizePt).map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : undefined,
        font: fontsFor(ctx.issue, t.role),
        size: halfPoints(t.sizePt),
        characterSpacing: BODY.docxRunSpacingTwips,
        color: BODY.color,
      }),
  );
  flow.children.push(
    gridParagraph({ style: STYLE.articleTitle, sizePt: t.sizePt, align: AlignmentType.CENTER, beforeLines: flow.take(ARTICLE.blankLinesBefore), keepNext: true, children: titleRuns }),
  );
  if (a.subtitle) {
    const s = ARTICLE.subtitle;
    flow.children.push(
      gridParagraph({ style: STYLE.articleSubtitle, sizePt: s.sizePt, align: AlignmentType.CENTER, keepNext: true, children: [textRun(ctx.issue, a.subtitle, s)] }),
    );
  }
  flow.leave(ARTICLE.blankLinesAfterHeader);
  for (const b of a.blocks) flow.children.push(...blockToDocx(ctx, b, BODY_LOOK, flow.take()));
}

function section(ctx: BlockContext, s: Section, flow: Flow): void {
  flow.children.push(
    gridParagraph({
      style: STYLE.sectionHead,
      sizePt: SECTION_HEAD.sizePt,
      align: AlignmentType.LEFT,
      firstChars: SECTION_HEAD.indentChars,
      beforeLines: flow.take(SECTION_HEAD.blankLinesBefore),
      keepNext: true,
      children: [textRun(ctx.issue, s.heading, SECTION_HEAD)],
    }),
  );
  for (const e of s.entries) {
    if (e.kind === 'news') newsItem(ctx, e, flow);
    else article(ctx, e, flow);
  }
}

/** Everything between the masthead and the end block. */
export function bodyContent(ctx: BlockContext): FileChild[] {
  const flow = new Flow(MASTHEAD.afterRuleLines);
  if (ctx.issue.note) note(ctx, ctx.issue.note, flow);
  for (const s of ctx.issue.sections) section(ctx, s, flow);
  return flow.children;
}
