/**
 * The contents box (本期要目), decided once in the composition: whether the issue prints it
 * (`contents: auto | always | never`; `auto` counts the pages of the issue laid out without
 * it), what it lists (each column's head beside its first item; a news item's lead without
 * its closing 。, after ★; an article's title), its columns, and how many grid lines each
 * entry takes, set by the one line setter (lines.ts) that also sets it on paper.
 */
import type { ContentsChoice } from '../model/types.js';
import type { GContents, GContentsChoice, GContentsEntry, Galley } from './galley.js';
import { cellOf, setLines, type PrintType, type SetLine, type SetterFonts } from './lines.js';
import { countPages } from './paginate.js';
import { BODY, CONTENTS, GRID } from './spec.js';

/** What the body lists, in reading order, with the outline entry of its block. */
export interface Listed {
  kind: 'section' | 'news' | 'article';
  text: string;
  target: string;
}

/** A headline as the box prints it: a lead's closing 。 belongs to the body's run-in sentence. */
const headline = (text: string): string => text.replace(/。$/u, '');

/** On the body grid, one character a cell, nothing stretched or hung. */
const gridFrame = (widthPt: number, type: PrintType) => ({ ...type, firstWidthPt: widthPt, widthPt, grid: true, justify: false });

/** A headline's lines, from the box's text column to its right padding, in the body's printed type. */
export function contentsEntryLines(
  box: Pick<GContents, 'lineChars' | 'textChars'>,
  entry: Pick<GContentsEntry, 'runs'>,
  type: PrintType,
  fonts: SetterFonts,
): SetLine[] {
  return setLines(entry.runs, gridFrame((box.lineChars - box.textChars) * cellOf(type), type), fonts);
}

/** A short text (a column head, a marker) as one line at its natural width. */
export function contentsLabel(runs: GContentsEntry['runs'], type: PrintType, fonts: SetterFonts): SetLine {
  return setLines(runs, gridFrame(Infinity, type), fonts)[0]!;
}

function contentsBox(listed: readonly Listed[], fonts: SetterFonts): GContents {
  const C = CONTENTS;
  const type: PrintType = { sizePt: BODY.sizePt, trackPt: BODY.pdfTrackPt };
  const cell = cellOf(type);
  const entries: GContentsEntry[] = [];
  let head: GContentsEntry['head'];
  for (const l of listed) {
    if (l.kind === 'section') {
      head = { runs: [{ text: l.text, role: C.headRole }], target: l.target };
      continue;
    }
    const e: GContentsEntry = { runs: [{ text: headline(l.text), role: C.itemRole }], lines: 0, target: l.target };
    if (head) e.head = head;
    if (l.kind === 'news') e.marker = { text: C.newsMarker, role: C.itemRole };
    entries.push(e);
    head = undefined;
  }
  // The head column as wide as the widest head, in whole cells.
  const headChars = Math.max(
    0,
    ...entries.map((e) => (e.head ? Math.ceil(contentsLabel(e.head.runs, type, fonts).widthPt / cell - 1e-6) : 0)),
  );
  const box: GContents = {
    title: { style: 'contentsTitle', runs: [{ text: C.title, role: C.titleRole }] },
    entries,
    style: 'contentsItem',
    paddingChars: C.paddingChars,
    lineChars: GRID.chars - 2 * C.paddingChars,
    headChars,
    textChars: headChars + C.markerChars,
    ruleWidthPt: C.ruleWidthPt,
    gridLines: 1,
    blankAfter: C.blankLinesAfter,
  };
  for (const e of entries) {
    e.lines = contentsEntryLines(box, e, type, fonts).length;
    box.gridLines += e.lines;
  }
  return box;
}

/**
 * Whether the galley (composed without a box) prints one, and the box: `never` never; `auto`
 * from CONTENTS.autoFromPages pages without the box and CONTENTS.autoMinItems items; `always`
 * whenever there is an item. A box taller than page 1's room under the masthead is not
 * printed; the choice says so (layout/limits.ts turns that into a message).
 */
export function decideContents(
  g: Galley,
  choice: ContentsChoice,
  listed: readonly Listed[],
  fonts: SetterFonts,
): { contents?: GContents; choice: GContentsChoice } {
  const items = listed.filter((l) => l.kind !== 'section').length;
  const out: GContentsChoice = { setting: choice.setting, items, printed: false, ...(choice.at ? { at: choice.at } : {}) };
  if (choice.setting === 'never' || items === 0) return { choice: out };
  if (choice.setting === 'auto') {
    if (items < CONTENTS.autoMinItems) return { choice: out };
    out.pagesWithout = countPages(g, fonts, CONTENTS.autoFromPages);
    if (out.pagesWithout < CONTENTS.autoFromPages) return { choice: out };
  }
  const box = contentsBox(listed, fonts);
  const room = g.page.lines - g.masthead.gridLines;
  if (box.gridLines > room) {
    out.tooTall = { lines: box.gridLines, room };
    return { choice: out };
  }
  out.printed = true;
  return { contents: box, choice: out };
}
