/**
 * The bound volume as one PDF, joined with pdf-lib: the front matter's pages, then every
 * issue's pages copied as they are (content streams, fonts and images untouched), with
 * bookmarks by issue, column and item, page labels that number the issues' pages 1, 2, … as
 * the 目录 does (the cover and the 目录 labelled apart), and fixed dates and file identifier,
 * so the same issues give the same bytes. Nothing here draws: the pages come finished.
 */
import crypto from 'node:crypto';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, type PDFPage } from 'pdf-lib';
import type { ContentsKind } from '../archive/contents.js';

export interface JoinedIssue {
  doc: PDFDocument;
  /** The issue's bookmark: 第9期（2024年4月24日）. */
  title: string;
  /** Where its parts begin, pages 1-based within the issue. */
  entries: Array<{ kind: ContentsKind; text: string; page: number }>;
  /** SHA-256 of its PDF: the volume's file identifier is made from what it holds. */
  sha256: string;
}

export interface JoinInput {
  front: PDFDocument;
  frontSha256: string;
  coverPages: number;
  contentsPages: number;
  issues: JoinedIssue[];
  meta: { title: string; author: string; isoDate: string };
  labels: { cover: string; contents: string };
  /** The bookmarks of the front matter. */
  marks: { cover: string; contents: string };
}

interface Mark {
  title: string;
  page: PDFPage;
  children: Mark[];
  /** Shown unfolded in the viewer's bookmark panel. */
  open: boolean;
}

/** Page-level things the volume never carries over: actions run on opening a page, annotations. */
const DROPPED = ['AA', 'Annots'].map((k) => PDFName.of(k));

function outline(doc: PDFDocument, marks: Mark[]): void {
  const ctx = doc.context;
  const root = ctx.nextRef();
  const visible = (m: Mark): number => (m.open ? m.children.reduce((n, c) => n + 1 + visible(c), 0) : 0);
  const all = (m: Mark): number => m.children.reduce((n, c) => n + 1 + all(c), 0);
  const place = (list: Mark[], parent: PDFRef): { first: PDFRef; last: PDFRef } => {
    const refs = list.map(() => ctx.nextRef());
    list.forEach((m, i) => {
      const dict = ctx.obj({
        Title: PDFHexString.fromText(m.title),
        Parent: parent,
        // The top of the page, the zoom as the reader has it.
        Dest: [m.page.ref, 'XYZ', 0, m.page.getHeight(), null],
      });
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < list.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (m.children.length) {
        const kids = place(m.children, refs[i]!);
        dict.set(PDFName.of('First'), kids.first);
        dict.set(PDFName.of('Last'), kids.last);
        dict.set(PDFName.of('Count'), PDFNumber.of(m.open ? visible(m) : -all(m)));
      }
      ctx.assign(refs[i]!, dict);
    });
    return { first: refs[0]!, last: refs.at(-1)! };
  };
  const top = place(marks, root);
  ctx.assign(root, ctx.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: marks.reduce((n, m) => n + 1 + visible(m), 0) }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** 封面; 目录 (目录1, 目录2 … when it has several pages); then 1, 2, … from the first issue's first page. */
function pageLabels(doc: PDFDocument, input: JoinInput): void {
  const ctx = doc.context;
  const nums: Array<number | PDFDict> = [0, ctx.obj({ P: PDFHexString.fromText(input.labels.cover) })];
  if (input.contentsPages > 0) {
    nums.push(
      input.coverPages,
      ctx.obj({ P: PDFHexString.fromText(input.labels.contents), ...(input.contentsPages > 1 ? { S: 'D' } : {}) }),
    );
  }
  nums.push(input.coverPages + input.contentsPages, ctx.obj({ S: 'D' }));
  doc.catalog.set(PDFName.of('PageLabels'), ctx.obj({ Nums: nums }));
}

/** Bookmarks of one issue: its note and column heads under it, each column's items under the column. */
function issueMark(issue: JoinedIssue, pages: PDFPage[]): Mark {
  const mark: Mark = { title: issue.title, page: pages[0]!, children: [], open: false };
  let column: Mark | undefined;
  for (const e of issue.entries) {
    const m: Mark = { title: e.text, page: pages[e.page - 1]!, children: [], open: true };
    if (e.kind === 'section' || e.kind === 'note') {
      mark.children.push(m);
      column = e.kind === 'section' ? m : undefined;
    } else (column ?? mark).children.push(m);
  }
  return mark;
}

export async function joinVolume(input: JoinInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const id = crypto.createHash('sha256').update(`${input.frontSha256}\0`);
  const copy = async (from: PDFDocument): Promise<PDFPage[]> => {
    for (const p of from.getPages()) for (const k of DROPPED) p.node.delete(k);
    const pages = await doc.copyPages(from, from.getPageIndices());
    for (const p of pages) doc.addPage(p);
    return pages;
  };
  const front = await copy(input.front);
  const marks: Mark[] = [{ title: input.marks.cover, page: front[0]!, children: [], open: false }];
  if (input.contentsPages > 0) marks.push({ title: input.marks.contents, page: front[input.coverPages]!, children: [], open: false });
  for (const issue of input.issues) {
    const pages = await copy(issue.doc);
    marks.push(issueMark(issue, pages));
    id.update(`${issue.sha256}\0`);
  }
  outline(doc, marks);
  pageLabels(doc, input);
  const date = new Date(`${input.meta.isoDate}T00:00:00Z`);
  doc.setTitle(input.meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(input.meta.author);
  doc.setCreator('bulletin');
  doc.setProducer('bulletin');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage('zh-CN');
  // A file identifier from what the volume holds, not from the clock.
  id.update(`${input.meta.title}\0${input.meta.isoDate}`);
  const hex = id.digest('hex').slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(hex), PDFHexString.of(hex)]);
  return doc.save({ addDefaultPage: false });
}
