/**
 * The editorial structure: the editor's note, column heads 【省级动态】, news items
 * (★ + bold lead + first paragraph in one paragraph) and long-form articles (centred title in
 * balanced lines, ——subtitle, then body blocks). Column heads and entries go into the PDF
 * outline, so a reader can jump between them.
 */
import type { Content } from 'pdfmake/interfaces.js';
import { ARTICLE, BODY, EDITOR_NOTE, NEWS_ITEM, SECTION_HEAD } from '../../layout/spec.js';
import type { Article, EditorNote, NewsItem, Section } from '../../model/types.js';
import { blockNodes, gridParagraph } from './blocks.js';
import { firstTextNode, keepWithNext, type Flow, type RenderEnv } from './flow.js';
import { BLOCK_WIDTH_PT, CELL, PITCH, pdfSize } from './grid.js';
import { runRole, styled, textInlines, type StyledRun, type TextStyle } from './inlines.js';
import { balancedLines } from '../../layout/measure.js';

interface Outline {
  id: string;
  parentId?: string;
  text: string;
}

function withOutline(node: Content, o: Outline): Content {
  const n = firstTextNode(node) as unknown as Record<string, unknown>;
  n.id = o.id;
  n.outline = true;
  n.outlineText = o.text;
  if (o.parentId) n.outlineParentId = o.parentId;
  return node;
}

export function noteNodes(env: RenderEnv, note: EditorNote, flow: Flow): void {
  const role = EDITOR_NOTE.bodyRole;
  const nodes: Content[] = [];
  let blocks = note.blocks;
  if (note.runIn) {
    const first = blocks[0];
    const lead: StyledRun = { text: `${note.title}：`, role: EDITOR_NOTE.runInRole };
    if (first?.type === 'paragraph') {
      nodes.push(gridParagraph(env, [lead, ...styled(first.runs, first.font ?? role)], { indentChars: BODY.indentChars, at: first.at }));
      blocks = blocks.slice(1);
    } else {
      nodes.push(gridParagraph(env, [lead], { indentChars: BODY.indentChars, at: note.at }));
    }
  } else {
    const style: TextStyle = { role: EDITOR_NOTE.titleRole, sizePt: pdfSize(EDITOR_NOTE.sizePt), boxPt: PITCH };
    nodes.push({ text: textInlines({ fonts: env.fonts, at: note.at }, note.title, style), alignment: 'center' } as Content);
  }
  withOutline(nodes[0], { id: env.nextId('note'), text: note.title });
  for (const b of blocks) nodes.push(...blockNodes(env, b, role));
  flow.add(nodes, 0, EDITOR_NOTE.blankLinesAfter);
}

function sectionHead(env: RenderEnv, s: Section, id: string): Content {
  const style: TextStyle = { role: SECTION_HEAD.role, sizePt: pdfSize(SECTION_HEAD.sizePt), boxPt: PITCH };
  const at = s.entries[0]?.at;
  return withOutline(
    keepWithNext({ text: textInlines({ fonts: env.fonts, at }, s.heading, style), leadingIndent: SECTION_HEAD.indentChars * CELL } as Content),
    { id, text: s.heading },
  );
}

function newsNodes(env: RenderEnv, item: NewsItem, parentId: string): Content[] {
  const leadRole = NEWS_ITEM.leadRole;
  const lead: StyledRun[] = [
    { text: NEWS_ITEM.star, role: leadRole },
    ...item.lead.map((r) => ({ text: r.text, role: runRole(r, leadRole), script: r.script })),
  ];
  const [first, ...rest] = item.body;
  const nodes: Content[] = [];
  if (first?.type === 'paragraph') {
    nodes.push(gridParagraph(env, [...lead, ...styled(first.runs, first.font ?? 'body')], { indentChars: NEWS_ITEM.indentChars, at: first.at }));
  } else {
    nodes.push(gridParagraph(env, lead, { indentChars: NEWS_ITEM.indentChars, at: item.at }));
    if (first) nodes.push(...blockNodes(env, first, 'body'));
  }
  for (const b of rest) nodes.push(...blockNodes(env, b, 'body'));
  withOutline(nodes[0], { id: env.nextId('item'), parentId, text: item.leadText });
  return nodes;
}

function articleNodes(env: RenderEnv, a: Article, parentId: string, flow: Flow): void {
  const ienv = { fonts: env.fonts, at: a.at };
  const t = ARTICLE.title;
  const titleFace = env.fonts.role(t.role);
  const titleLines = balancedLines(a.title, titleFace, env.fonts, t.sizePt, BLOCK_WIDTH_PT);
  const header: Content[] = [
    withOutline(
      {
        text: textInlines(ienv, titleLines.join('\n'), { role: t.role, sizePt: t.sizePt, boxPt: PITCH }),
        alignment: 'center',
      } as Content,
      { id: env.nextId('article'), parentId, text: a.title },
    ),
  ];
  if (a.subtitle) {
    const s = ARTICLE.subtitle;
    header.push({ text: textInlines(ienv, a.subtitle, { role: s.role, sizePt: pdfSize(s.sizePt), boxPt: PITCH }), alignment: 'center' } as Content);
  }
  header.forEach(keepWithNext);
  flow.add(header, ARTICLE.blankLinesBefore, ARTICLE.blankLinesAfterHeader);
  flow.add(a.blocks.flatMap((b) => blockNodes(env, b, 'body')));
}

export function sectionNodes(env: RenderEnv, s: Section, flow: Flow): void {
  const id = env.nextId('section');
  flow.add(sectionHead(env, s, id), SECTION_HEAD.blankLinesBefore);
  for (const e of s.entries) {
    if (e.kind === 'news') flow.add(newsNodes(env, e, id));
    else articleNodes(env, e, id, flow);
  }
}
