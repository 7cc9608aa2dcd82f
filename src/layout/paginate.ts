/**
 * The paged edition: the Galley's blocks placed on pages of the 22-line grid (composition.md).
 * Decided here and nowhere else:
 * - the contents box, when the Galley has one, right under the masthead, a blank line after it;
 * - blank lines before a block are dropped at the top of a page;
 * - a body paragraph split between pages keeps at least `minSplitLines` lines on each side
 *   (no widow, no orphan, spec §11); heads, titles and what keeps with the next block are not
 *   split, and a head never ends a page: it moves on with the first lines of what follows;
 * - a table breaks only between rows, its header row repeated on the next page; an image
 *   and its caption never break;
 * - the end block sits at the foot of the last page, its last rule on the text block's bottom
 *   edge; with `onEvenPage`, on the first even page where it fits, a page left blank (and
 *   unnumbered) only where the body ends on an even page with no room for it.
 */
import type { Galley } from './galley.js';
import type { SetterFonts } from './lines.js';
import type { PagedDocument, PItem, PPage } from './paged.js';
import { bodyFlow, type FlowBlock } from './flow-blocks.js';
import { pageGeometry, type PlaceContext } from './place-context.js';
import { placeEndBlock, placePageNumber } from './place-end-block.js';
import { placeContents } from './place-contents.js';
import { placeMasthead } from './place-masthead.js';

/** Flow blocks by index: a body's Flow, or an array of them. */
type Blocks = { at(i: number): FlowBlock | undefined };

/** Lines on a page, and where the next free grid line is. */
class Pager {
  readonly pages: PPage[] = [];
  page!: PPage;
  line = 0;
  /** Nothing of the body is on this page yet: blank lines before a block are dropped. */
  fresh = true;

  constructor(private readonly ctx: PlaceContext) {
    this.newPage();
  }

  get lines(): number {
    return this.ctx.geo.lines;
  }

  remaining(): number {
    return this.lines - this.line;
  }

  newPage(): void {
    this.page = { number: this.pages.length + 1, blank: false, items: [] };
    this.pages.push(this.page);
    this.line = 0;
    this.fresh = true;
  }

  /** The y of the top of grid line `line` of the page. */
  top(line = this.line): number {
    return this.ctx.geo.top + line * this.ctx.geo.pitch;
  }

  put(items: PItem[], lines: number): void {
    this.page.items.push(...items);
    this.line += lines;
    this.fresh = false;
  }
}

/** Lines a block's first part needs on a page: all of an unsplittable block, the first lines of a paragraph. */
function firstPart(b: FlowBlock, min: number, pitch: number): number {
  const rows = b.rows.reduce((a, r) => a + r.lines, 0);
  if (b.table) {
    const t = b.table;
    return rows + Math.ceil((t.headerPt + (t.rowsPt[0] ?? 0) + t.rulePt) / pitch - 1e-6);
  }
  if (!b.splittable) return rows;
  return rows >= 2 * min ? min : rows;
}

function totalLines(b: FlowBlock, pitch: number): number {
  const rows = b.rows.reduce((a, r) => a + r.lines, 0);
  if (!b.table) return rows;
  const t = b.table;
  return rows + Math.ceil((t.headerPt + t.rowsPt.reduce((a, h) => a + h, 0) + t.rulePt) / pitch - 1e-6);
}

export class Paginator {
  private readonly pager: Pager;
  private readonly min: number;

  constructor(private readonly ctx: PlaceContext) {
    this.pager = new Pager(ctx);
    this.min = ctx.g.text.minSplitLines;
  }

  /**
   * Lines block i needs on this page so that a head does not end it: the block and every
   * block that keeps with the next after it, and the first part of the block they keep with.
   */
  private keepNeed(flow: Blocks, i: number, blank: number): number {
    const pitch = this.ctx.geo.pitch;
    let need = blank;
    let j = i;
    for (let b = flow.at(j); b?.keepWithNext; b = flow.at(++j)) need += (j > i ? b.blankBefore : 0) + totalLines(b, pitch);
    const next = flow.at(j);
    if (next) need += next.blankBefore + firstPart(next, this.min, pitch);
    return need;
  }

  /** The body's blocks; with `untilPages`, only until there are that many pages. */
  body(flow: Blocks, untilPages = Infinity): void {
    const p = this.pager;
    for (let i = 0, b = flow.at(0); b && p.pages.length < untilPages; b = flow.at(++i)) {
      let blank = p.fresh ? 0 : b.blankBefore;
      if (b.keepWithNext && !p.fresh) {
        const need = this.keepNeed(flow, i, blank);
        if (need > p.remaining() && need <= p.lines) {
          p.newPage();
          blank = 0;
        }
      }
      if (blank >= p.remaining()) {
        p.newPage();
        blank = 0;
      }
      p.line += blank;
      this.rows(b);
      if (b.table) this.table(b);
    }
  }

  /** A block's rows, split between pages where the block allows it and the widow and orphan rule does. */
  private rows(b: FlowBlock): void {
    const p = this.pager;
    const rows = b.rows;
    const count = (from: number): number => rows.slice(from).reduce((a, r) => a + r.lines, 0);
    // What must come onto the page with the rows: a table's header and first row.
    const tail = b.table ? firstPart(b, this.min, this.ctx.geo.pitch) - count(0) : 0;
    let k = 0;
    while (k < rows.length) {
      if (count(k) + tail <= p.remaining()) {
        this.putRows(rows.slice(k));
        return;
      }
      if (!b.splittable) {
        if (!p.fresh) {
          p.newPage();
          continue;
        }
        // Taller than a page: what fits, the rest on the next.
        const n = Math.max(1, this.fitting(rows, k, p.remaining()));
        this.putRows(rows.slice(k, k + n));
        k += n;
        if (k < rows.length) p.newPage();
        continue;
      }
      let take = p.remaining();
      if (rows.length - k - take < this.min) take = rows.length - k - this.min;
      if (take < this.min) {
        if (!p.fresh) {
          p.newPage();
          continue;
        }
        take = Math.min(p.remaining(), rows.length - k);
      }
      this.putRows(rows.slice(k, k + take));
      k += take;
      if (k < rows.length) p.newPage();
    }
  }

  private fitting(rows: FlowBlock['rows'], k: number, room: number): number {
    let n = 0;
    let used = 0;
    while (k + n < rows.length && used + rows[k + n]!.lines <= room) used += rows[k + n++]!.lines;
    return n;
  }

  private putRows(rows: FlowBlock['rows']): void {
    const p = this.pager;
    for (const r of rows) p.put(r.draw(p.top()), r.lines);
  }

  /** A table's rows: as many as fit each page, under the header row. */
  private table(b: FlowBlock): void {
    const p = this.pager;
    const t = b.table!;
    const pitch = this.ctx.geo.pitch;
    let r = 0;
    do {
      const room = p.remaining() * pitch;
      let h = t.headerPt + t.rulePt;
      let to = r;
      while (to < t.rowsPt.length && h + t.rowsPt[to]! <= room + 1e-6) h += t.rowsPt[to++]!;
      if (to === r && r < t.rowsPt.length) {
        if (!p.fresh) {
          p.newPage();
          continue;
        }
        h += t.rowsPt[to++]!;
      }
      p.put(t.draw(r, to, p.top()), Math.min(p.remaining(), Math.ceil(h / pitch - 1e-6)));
      r = to;
      if (r < t.rowsPt.length) p.newPage();
    } while (r < t.rowsPt.length);
  }

  /** The end block at the foot of the last page, or of the first even page after it where the series asks. */
  endBlock(): void {
    const p = this.pager;
    const eb = this.ctx.g.endBlock;
    const need = eb.blankBefore + eb.lines;
    const fits = (): boolean => p.fresh || p.remaining() >= need;
    if (!eb.onEvenPage) {
      if (!fits()) p.newPage();
    } else if (p.page.number % 2 === 1) {
      p.newPage();
    } else if (!fits()) {
      p.newPage();
      p.page.blank = true;
      p.newPage();
    }
    p.put(placeEndBlock(this.ctx), 0);
  }

  /** The pages so far. */
  get pages(): readonly PPage[] {
    return this.pager.pages;
  }

  masthead(): void {
    const { items, lines } = placeMasthead(this.ctx);
    this.pager.put(items, lines);
    this.pager.fresh = true;
  }

  /**
   * The contents box under the masthead, then its blank line: the body follows as after any
   * block (a head at the foot of the page moves on), or on page 2 when the box fills page 1.
   */
  contents(): void {
    const box = this.ctx.g.contents;
    if (!box) return;
    const p = this.pager;
    p.put(placeContents(this.ctx, box, p.top()), box.gridLines);
    if (p.remaining() <= box.blankAfter) p.newPage();
    else p.line += box.blankAfter;
  }

  document(): PagedDocument {
    for (const page of this.pager.pages) if (!page.blank) page.items.push(...placePageNumber(this.ctx, page.number));
    const geo = this.ctx.geo;
    return { meta: this.ctx.g.meta, widthPt: geo.pageWidth, heightPt: geo.pageHeight, pages: this.pager.pages };
  }
}

/** The Galley paged: masthead, contents box, body and end block; with `untilPages`, only until there are that many pages. */
function paged(g: Galley, fonts: SetterFonts, untilPages = Infinity): Paginator {
  const ctx: PlaceContext = { g, fonts, geo: pageGeometry(g) };
  const pager = new Paginator(ctx);
  pager.masthead();
  pager.contents();
  pager.body(bodyFlow(ctx), untilPages);
  if (pager.pages.length < untilPages) pager.endBlock();
  return pager;
}

/** The Galley on pages, every line set and placed. */
export function paginate(g: Galley, fonts: SetterFonts): PagedDocument {
  return paged(g, fonts).document();
}

/**
 * The Galley's pages as paginate counts them, counted up to `atMost`: a page once begun is never
 * taken back, so the body is paged only until there are that many.
 */
export function countPages(g: Galley, fonts: SetterFonts, atMost: number): number {
  return Math.min(paged(g, fonts, atMost).pages.length, atMost);
}
