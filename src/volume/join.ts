/**
 * The bound volume as one PDF, joined with pdf-lib: the front matter's pages, then every
 * issue's pages copied as they are (content streams, fonts and images untouched), with
 * bookmarks by issue, column and item, page labels that number the issues' pages 1, 2, … as
 * the 目录 does (the cover and the 目录 labelled apart), and fixed dates and file identifier,
 * so the same issues give the same bytes. Nothing here draws: the pages come finished.
 */
import crypto from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject, type PDFPage } from 'pdf-lib';
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

/**
 * Page-level things the volume never copies: actions run on opening a page, annotations. The
 * one kind of annotation a bulletin makes, a contents-box line linking to its item's page, is
 * made again in the volume (internalLinks): from its rectangle and the page and point it opens,
 * nothing else of what the file says.
 */
const DROPPED = ['AA', 'Annots'].map((k) => PDFName.of(k));

/** A link from a rectangle of one page to a point of another, pages 0-based within their file. */
interface InternalLink {
  page: number;
  rect: number[];
  to: { page: number; x: number | null; y: number | null };
}

/** Enough for any contents box; a name tree deeper or larger than this is no bulletin's. */
const MAX_TREE_DEPTH = 8;
const MAX_LINKS = 10_000;

const num = (o: PDFObject | undefined): number | undefined => (o instanceof PDFNumber ? o.asNumber() : undefined);
const text = (o: PDFObject | undefined): string | undefined =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : o instanceof PDFName ? o.decodeText() : undefined;

/** The named destinations of a file (its catalog's /Names /Dests tree), as [page ref, x, y]. */
function namedDestinations(doc: PDFDocument): Map<string, PDFArray> {
  const out = new Map<string, PDFArray>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const walk = (node: PDFDict | undefined, depth: number): void => {
    if (!node || depth > MAX_TREE_DEPTH) return;
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; pairs && i + 1 < pairs.size() && out.size < MAX_LINKS; i += 2) {
      const key = text(pairs.lookup(i));
      const dest = pairs.lookup(i + 1);
      const array = dest instanceof PDFDict ? dest.lookupMaybe(PDFName.of('D'), PDFArray) : dest instanceof PDFArray ? dest : undefined;
      if (key !== undefined && array) out.set(key, array);
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walk(names?.lookupMaybe(PDFName.of('Dests'), PDFDict), 0);
  return out;
}

/** The links of a file that open a place in the same file, by a name or an explicit destination. */
function internalLinks(doc: PDFDocument): InternalLink[] {
  const pages = doc.getPages();
  const index = new Map(pages.map((p, i) => [p.ref.toString(), i]));
  const named = namedDestinations(doc);
  const out: InternalLink[] = [];
  pages.forEach((page, i) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let k = 0; annots && k < annots.size() && out.length < MAX_LINKS; k++) {
      const a = annots.lookupMaybe(k, PDFDict);
      if (!a || a.lookupMaybe(PDFName.of('Subtype'), PDFName)?.asString() !== '/Link') continue;
      const action = a.lookupMaybe(PDFName.of('A'), PDFDict);
      if (action && action.lookupMaybe(PDFName.of('S'), PDFName)?.asString() !== '/GoTo') continue;
      const target = action ? action.lookup(PDFName.of('D')) : a.lookup(PDFName.of('Dest'));
      const name = text(target);
      const dest = name !== undefined ? named.get(name) : target instanceof PDFArray ? target : undefined;
      const ref = dest?.get(0);
      const to = ref instanceof PDFRef ? index.get(ref.toString()) : undefined;
      const rect = a.lookupMaybe(PDFName.of('Rect'), PDFArray);
      const corners = rect && rect.size() === 4 ? [0, 1, 2, 3].map((c) => num(rect.lookup(c))) : [];
      if (to === undefined || corners.length !== 4 || corners.some((c) => c === undefined || !Number.isFinite(c))) continue;
      const xyz = dest!.lookupMaybe(1, PDFName)?.asString() === '/XYZ';
      out.push({
        page: i,
        rect: corners as number[],
        to: { page: to, x: xyz ? (num(dest!.lookup(2)) ?? null) : null, y: xyz ? (num(dest!.lookup(3)) ?? null) : null },
      });
    }
  });
  return out;
}

/** The links again, on the volume's copies of the pages. */
function relink(doc: PDFDocument, pages: PDFPage[], links: InternalLink[]): void {
  const ctx = doc.context;
  for (const l of links) {
    const annot = ctx.register(
      ctx.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: l.rect,
        Border: [0, 0, 0],
        F: 4,
        Dest: [pages[l.to.page]!.ref, 'XYZ', l.to.x, l.to.y, null],
      }),
    );
    const page = pages[l.page]!.node;
    const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (annots) annots.push(annot);
    else page.set(PDFName.of('Annots'), ctx.obj([annot]));
  }
}

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
    const links = internalLinks(from);
    for (const p of from.getPages()) for (const k of DROPPED) p.node.delete(k);
    const pages = await doc.copyPages(from, from.getPageIndices());
    for (const p of pages) doc.addPage(p);
    relink(doc, pages, links);
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
