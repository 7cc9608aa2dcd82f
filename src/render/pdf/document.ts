/**
 * The pdfmake document of an issue: page geometry from the spec, masthead, body flow, a
 * spacer that reserves the end block's height after the body, and the footers that draw page
 * numbers and the end block once the page count is known.
 *
 * pdfmake calls pageBreakBefore for every node after a layout pass, and lays the document
 * out again after each break it is asked for: heads that keep with what follows, the lines
 * of a paragraph that widows.ts moves so that no line stands alone at a page's top or foot,
 * and the end-block spacer, which asks for a break to the next even page when the series
 * wants the end block there (a page left blank on the way carries no number).
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Galley } from '../../layout/galley.js';
import { blockNodes } from './blocks.js';
import { planEndBlock } from './end-block.js';
import { KEEP_WITH_NEXT, type RenderEnv } from './flow.js';
import { mastheadNodes } from './masthead.js';
import { pageNumberNode } from './page-number.js';
import { isLine, splitBreaksBefore, staysOnPage } from './widows.js';

const SPACER_ID = 'bulletin-end-block';

/** headlineLevel of footer nodes, which pdfmake lists among a page's nodes too. */
const FOOTER_LEVEL = -1;

function markFooter(node: Content): Content {
  const n = node as unknown as Record<string, unknown>;
  n.headlineLevel = FOOTER_LEVEL;
  for (const key of ['stack', 'columns']) {
    const kids = n[key];
    if (Array.isArray(kids)) kids.forEach((k) => typeof k === 'object' && k !== null && markFooter(k as Content));
  }
  return node;
}

interface NodeInfo {
  id?: string;
  headlineLevel?: number;
  text?: unknown;
  table?: unknown;
  image?: unknown;
  canvas?: unknown;
  pageNumbers: number[];
  startPosition: { top: number };
}

/**
 * A head that must stay with what follows ends its page when no body content (other than
 * further heads, as a title before its subtitle) starts on that page after it.
 */
function isBody(n: NodeInfo): boolean {
  return (
    n.headlineLevel !== FOOTER_LEVEL &&
    n.headlineLevel !== KEEP_WITH_NEXT &&
    n.id !== SPACER_ID &&
    (n.text !== undefined || n.table !== undefined || n.image !== undefined)
  );
}

function endsPage(page: number, following: unknown[], nextPage: unknown[]): boolean {
  const rest = following as NodeInfo[];
  // A paragraph's first line that the widow and orphan rules send to the next page is no body
  // that stays.
  if (rest.some((n, i) => isBody(n) && n.pageNumbers.includes(page) && staysOnPage(n, rest.slice(i)))) return false;
  // A head with no body after it at all (the last thing an editor wrote) has nothing to keep
  // with; moving it would only move it again, page after page.
  return (nextPage as NodeInfo[]).some(isBody);
}

interface BreakContext {
  getFollowingNodesOnPage(): unknown[];
  getNodesOnNextPage(): unknown[];
}

/**
 * The nodes after a node on its page and the nodes of the next page, asked of pdfmake once a
 * page instead of once a node: each of its getters scans to the end of the document, so asking
 * for every node was quadratic in the nodes (an item of 10,000 list entries took minutes).
 * Within a page the answer for a later node is the earlier answer less what came before it.
 */
function pageNeighbours(): (info: NodeInfo, ctx: BreakContext) => { following: NodeInfo[]; nextPage: NodeInfo[] } {
  let cache: { page: number; list: NodeInfo[]; at: Map<NodeInfo, number>; next: NodeInfo[] } | undefined;
  return (info, ctx) => {
    const page = info.pageNumbers[0]!;
    if (!cache || cache.page !== page || !cache.at.has(info)) {
      const list = [info, ...(ctx.getFollowingNodesOnPage() as NodeInfo[])];
      cache = { page, list, at: new Map(list.map((n, i) => [n, i])), next: ctx.getNodesOnNextPage() as NodeInfo[] };
    }
    const c = cache;
    const i = c.at.get(info)!;
    // A node that runs over onto the next page and comes before this one is not after it.
    return { following: c.list.slice(i + 1), nextPage: c.next.filter((n) => (c.at.get(n) ?? Infinity) > i) };
  };
}

export interface DocumentPlan {
  doc: TDocumentDefinitions;
  /** Pages left blank before an even-page end block, filled in during layout. */
  blankPages: Set<number>;
  /** The page count, known once pdfmake has laid the document out. */
  pages(): number;
}

/** The issue date at 00:00 UTC: the same sources give the same bytes. */
export function issueDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function buildDocument(galley: Galley, env: RenderEnv): DocumentPlan {
  const content: Content[] = [...mastheadNodes(env, galley.masthead, galley.at.masthead)];
  for (const b of galley.body) content.push(...blockNodes(env, b));

  const end = planEndBlock(env, galley.endBlock, galley.at.endBlock);
  const spacerHeight = end.heightPt + env.grid.lines(galley.endBlock.blankBefore);
  // A zero-length line draws nothing but measures as tall as the end block, and moves to a
  // new page as a whole when it does not fit. Not a polyline: pdfmake offsets a polyline's
  // points in place, and they are shared between its layout passes, so the spacer grew by
  // its own position on every pass after a keep-with-next break.
  const spacer = {
    canvas: [{ type: 'line', x1: 0, y1: spacerHeight, x2: 0, y2: spacerHeight, lineColor: 'white', lineWidth: 0.01 }],
    id: SPACER_ID,
  } as Record<string, unknown>;
  // pdfmake's pageBreakBefore can only ask for a plain 'before' break, which lands on the
  // same odd page when the spacer had already moved to a new page for lack of room. The
  // spacer's own pageBreak therefore answers 'beforeOdd' once asked to break — pdfmake's
  // name for a break that lands on an even page (it skips a page when the next one would be
  // odd) — and ignores pdfmake writing 'before' over it.
  let breakMode: string | undefined;
  Object.defineProperty(spacer, 'pageBreak', { get: () => breakMode, set: () => undefined, enumerable: true });
  content.push(spacer as unknown as Content);

  // Register the page-number face before layout: pdfmake reads its font table up front.
  pageNumberNode(env, galley.pageNumber, 1234567890);

  const blankPages = new Set<number>();
  const around = pageNeighbours();
  let pageCount = 0;
  const onEven = galley.endBlock.onEvenPage;
  const date = issueDate(galley.meta.isoDate);

  const doc: TDocumentDefinitions = {
    pageSize: { width: galley.page.widthPt, height: galley.page.heightPt },
    pageMargins: [galley.page.marginLeftPt, galley.page.marginTopPt, galley.page.marginRightPt, galley.page.marginBottomPt],
    language: 'zh-CN',
    info: {
      title: galley.meta.title,
      author: galley.meta.author,
      creator: 'bulletin',
      producer: 'bulletin',
      creationDate: date,
      modDate: date,
    } as TDocumentDefinitions['info'],
    defaultStyle: { font: env.fonts.role('body') && env.fonts.use(env.fonts.role('body')), fontSize: galley.text.bodyPdfSizePt },
    content,
    footer: (page: number, count: number) => {
      pageCount = count;
      const nodes: Content[] = [];
      if (!blankPages.has(page)) nodes.push(pageNumberNode(env, galley.pageNumber, page));
      if (page === count) nodes.push(...end.nodes);
      return nodes.length ? markFooter({ stack: nodes }) : null;
    },
    pageBreakBefore: (node, ctx) => {
      const info = node as unknown as NodeInfo;
      if (info.headlineLevel === KEEP_WITH_NEXT) {
        const n = around(info, ctx);
        return endsPage(info.pageNumbers[0], n.following, n.nextPage);
      }
      const atTop = Math.abs(info.startPosition.top - env.grid.marginTopPt) < 0.5;
      if (isLine(info)) {
        const n = around(info, ctx);
        if (splitBreaksBefore(info, n.following, n.nextPage, atTop)) return true;
      }
      if (info.id !== SPACER_ID || !onEven) return false;
      // The end block starts an even page of its own, as the DOCX's even-page section does in
      // Word and LibreOffice (a DOCX cannot know where its body ends): after a body ending on
      // an even page, the odd page between is left blank.
      const page = info.pageNumbers[0];
      if (page % 2 === 0) {
        if (atTop) return false;
        blankPages.add(page + 1);
      } else if (atTop) blankPages.add(page);
      breakMode = 'beforeOdd';
      return true;
    },
  };
  return { doc, blankPages, pages: () => pageCount };
}
