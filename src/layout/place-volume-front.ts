/**
 * The front matter of a bound volume on pages: the cover on one page, each line centred on its
 * grid lines; then the 目录 from the first grid line of the next page, its entries on the body
 * grid. An entry is never split between pages, an issue's line and a column head stay with the
 * entry after them, and the blank line before an issue is dropped at the top of a page (as the
 * body's pagination does). Each entry's last line ends in a leader of dots, aligned on one
 * pitch down the page, and its page number flush right.
 */
import type { PItem, PPage, PText } from './paged.js';
import { setLines, type SetLine, type SetterFonts } from './lines.js';
import { pageGeometry, printType } from './place-context.js';
import { baselineAt, lineItems, lineX } from './place-text.js';
import type { ContentsLine, VolumeFront } from './volume-front.js';

export interface FrontPages {
  meta: VolumeFront['meta'];
  widthPt: number;
  heightPt: number;
  pages: PPage[];
  coverPages: number;
  contentsPages: number;
}

function coverPage(f: VolumeFront, fonts: SetterFonts): PItem[] {
  const geo = pageGeometry(f);
  const items: PItem[] = [];
  for (const l of f.cover.lines) {
    const st = f.styles[l.style];
    const type = printType({ g: f }, st.sizePt);
    const size = type.sizePt;
    const emTop = geo.top + l.line * geo.pitch + (l.gridLines * geo.pitch - size) / 2;
    const lines = setLines(
      l.runs,
      { ...type, firstWidthPt: geo.blockWidth, widthPt: geo.blockWidth, grid: false, justify: false },
      fonts,
      f.at,
    );
    // A name too long for one line goes on to the next grid lines, still centred.
    lines.forEach((set, k) => {
      const baseline = baselineAt(emTop + k * geo.pitch, size, st.role, fonts);
      items.push(
        ...lineItems(set, lineX(set, 'center', geo.left, geo.blockWidth), baseline, f.text, l.cmyk ? { color: { cmyk: l.cmyk } } : {}),
      );
    });
  }
  const r = f.cover.rule;
  const y = geo.top + (r.afterLine + 1) * geo.pitch;
  items.push({ kind: 'rule', x1: geo.left, y1: y, x2: geo.left + geo.blockWidth, y2: y, widthPt: r.widthPt, color: { cmyk: r.cmyk } });
  return items;
}

interface Entry {
  line: ContentsLine;
  set: SetLine[];
}

/** Lines entry i needs on a page so that it is not left alone at the foot: it and what it keeps with. */
function need(entries: Entry[], i: number, blank: number): number {
  let n = blank;
  let j = i;
  for (; j < entries.length && entries[j]!.line.keepWithNext; j++) n += (j > i ? entries[j]!.line.blankBefore : 0) + entries[j]!.set.length;
  const next = entries[j];
  if (next) n += (j > i ? next.line.blankBefore : 0) + next.set.length;
  return n;
}

export function placeVolumeFront(f: VolumeFront, fonts: SetterFonts): FrontPages {
  const geo = pageGeometry(f);
  const c = f.contents;
  const pages: PPage[] = [{ number: 1, blank: false, items: coverPage(f, fonts) }];
  let page!: PPage;
  let line = 0;
  let fresh = true;
  const newPage = (): void => {
    page = { number: pages.length + 1, blank: false, items: [] };
    pages.push(page);
    line = 0;
    fresh = true;
  };
  newPage();

  const title = f.styles[c.title.style];
  const titleType = printType({ g: f }, title.sizePt);
  const titleSize = titleType.sizePt;
  for (const set of setLines(
    c.title.runs,
    { ...titleType, firstWidthPt: geo.blockWidth, widthPt: geo.blockWidth, grid: false, justify: false },
    fonts,
    f.at,
  )) {
    const baseline = baselineAt(geo.top + line * geo.pitch + (geo.pitch - titleSize) / 2, titleSize, title.role, fonts);
    page.items.push(...lineItems(set, lineX(set, 'center', geo.left, geo.blockWidth), baseline, f.text));
    line++;
  }
  line += c.title.blankAfter;

  const reserve = c.pageColumnChars * geo.cell;
  const entries: Entry[] = c.lines.map((l) => {
    const st = f.styles[l.style];
    const type = printType({ g: f }, st.sizePt);
    const first = geo.blockWidth - l.firstChars * geo.cell - reserve;
    const rest = geo.blockWidth - l.restChars * geo.cell - reserve;
    return { line: l, set: setLines(l.runs, { ...type, firstWidthPt: first, widthPt: rest, grid: true, justify: false }, fonts, l.at) };
  });

  entries.forEach((e, i) => {
    let blank = fresh ? 0 : e.line.blankBefore;
    const wanted = need(entries, i, blank);
    if (!fresh && wanted > geo.lines - line && wanted <= geo.lines) {
      newPage();
      blank = 0;
    }
    if (!fresh && blank + e.set.length > geo.lines - line) {
      newPage();
      blank = 0;
    }
    line += blank;
    const st = f.styles[e.line.style];
    const type = printType({ g: f }, st.sizePt);
    const size = type.sizePt;
    e.set.forEach((set, k) => {
      const baseline = baselineAt(geo.top + line * geo.pitch, size, st.role, fonts);
      const x = geo.left + (k === 0 ? e.line.firstChars : e.line.restChars) * geo.cell;
      page.items.push(...lineItems(set, x, baseline, f.text));
      if (k === e.set.length - 1) page.items.push(...pageNumber(f, fonts, e.line, x + set.widthPt + set.hangPt, baseline, size));
      line++;
    });
    fresh = false;
  });
  return { meta: f.meta, widthPt: geo.pageWidth, heightPt: geo.pageHeight, pages, coverPages: 1, contentsPages: pages.length - 1 };
}

/** The number flush right on the entry's last line, and the leader between the text and it. */
function pageNumber(f: VolumeFront, fonts: SetterFonts, l: ContentsLine, textEnd: number, baseline: number, size: number): PItem[] {
  const geo = pageGeometry(f);
  const c = f.contents;
  const oneLine = { sizePt: size, firstWidthPt: Infinity, widthPt: Infinity, grid: false, justify: false };
  const [number] = setLines([{ text: l.page, role: c.pageRole }], oneLine, fonts, l.at);
  const right = geo.left + geo.blockWidth;
  const items: PItem[] = lineItems(number!, right - number!.widthPt, baseline, f.text);
  // Dots on one pitch from the text block's left edge, so that they line up down the page.
  const pitch = c.leader.pitchChars * geo.cell;
  const clear = c.leader.clearChars * geo.cell;
  const from = Math.ceil((textEnd + clear - geo.left) / pitch - 1e-6);
  const to = Math.floor((right - number!.widthPt - clear - geo.left) / pitch + 1e-6);
  const count = to - from;
  if (count < 1) return items;
  const [dot] = setLines([c.leader.run], oneLine, fonts, l.at);
  const piece = dot!.pieces[0]!;
  const leader: PText = {
    kind: 'text',
    text: c.leader.run.text.repeat(count),
    face: piece.face,
    sizePt: size,
    // Each dot's own advance centred in its slot of the pitch.
    x: geo.left + from * pitch + (pitch - piece.widthPt) / 2,
    baseline,
    widthPt: count * pitch,
    spacingPt: pitch - piece.widthPt,
  };
  return [leader, ...items];
}
