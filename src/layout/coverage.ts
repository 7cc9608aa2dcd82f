/**
 * Characters no font has, found from the Galley and the faces alone: every text the printed
 * page carries, in the role it is set in, through the same chain the PDF sets it with (the
 * role's face, then the fallback face: fallback.ts). `check` learns of them without planning a
 * PDF, and `build` refuses them before any renderer runs, with the same list.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { FontRole, SourcePos } from '../model/types.js';
import { faceFor, missingGlyph, needsGlyph } from './fallback.js';
import type { GBlock, GRun, Galley } from './galley.js';
import type { Metrics } from './measure.js';
import type { Face } from '../fonts/faces.js';

/**
 * The text of one block (or yaml value) as printed, in source order, each part in its role,
 * and where the block was written. A news item's lead is set in its first paragraph but was
 * written before it (the ## heading): `precedes` marks such text.
 */
export interface PrintedText {
  parts: Array<{ text: string; role: FontRole }>;
  at?: SourcePos;
  precedes?: true;
}

/** Every printed text of the issue, in reading order, as the PDF translator sets it. */
export function printedTexts(g: Galley): PrintedText[] {
  const out: PrintedText[] = [];
  const add = (rs: Array<Pick<GRun, 'text' | 'role'>>, at: SourcePos | undefined, precedes = false): void => {
    if (rs.length === 0) return;
    out.push({
      parts: rs.map((r) => ({ text: r.text, role: r.role })),
      ...(at ? { at } : {}),
      ...(precedes ? { precedes: true as const } : {}),
    });
  };
  for (const l of g.masthead.lines) add(l.runs, l.at ?? g.at.masthead);
  add(g.masthead.publisher.left, g.masthead.publisher.leftAt ?? g.at.masthead);
  add(g.masthead.publisher.right, g.masthead.publisher.rightAt ?? g.at.masthead);
  const block = (b: GBlock): void => {
    switch (b.kind) {
      case 'paragraph':
        add(
          b.runs.filter((r) => r.lead),
          b.at,
          true,
        );
        add(
          b.runs.filter((r) => !r.lead),
          b.at,
        );
        return;
      case 'list':
        for (const item of b.items) {
          add([item.marker], b.at);
          item.blocks.forEach(block);
        }
        return;
      case 'table':
        if (b.caption) block(b.caption);
        add([b.header, ...b.rows].flat(2), b.at);
        return;
      case 'image':
        if (b.caption) block(b.caption);
        return;
    }
  };
  // The contents box sets headlines again, in its own roles, written where their blocks were.
  if (g.contents) {
    add(g.contents.title.runs, g.at.masthead);
    const blocks = new Map(g.body.filter((b) => b.outline).map((b) => [b.outline!.id, b]));
    for (const e of g.contents.entries) {
      if (e.head) add(e.head.runs, blocks.get(e.head.target)?.at);
      const b = blocks.get(e.target);
      const lead = b?.kind === 'paragraph' && b.runs.some((r) => r.lead);
      add([...(e.marker ? [e.marker] : []), ...e.runs], b?.at, lead);
    }
  }
  g.body.forEach(block);
  const eb = g.endBlock;
  const text = (t: string, at: SourcePos | undefined): void => add([{ text: t, role: eb.role }], at ?? g.at.endBlock);
  for (const d of eb.distribution) {
    text(d.label, undefined);
    text(d.text, d.at);
  }
  if (eb.copies) text(eb.copies, eb.at?.copies);
  text(eb.printer, eb.at?.printer);
  text(eb.printDate, eb.at?.printDate);
  // The page number's digits are whatever the page count makes them: all ten are asked for.
  add([{ text: `${g.pageNumber.prefix}0123456789${g.pageNumber.suffix}`, role: g.pageNumber.role }], undefined);
  return out;
}

/**
 * Where a character of a text written at `at` is in its file: the `nth` (from 0) occurrence
 * of `ch` from `at` on, before `until` (where the next text of the file starts); or, for text
 * that `precedes` its block, the `nth` of its `count` occurrences just before `at`, after
 * `since`. The block's own position when the file cannot tell (a character reference).
 */
export interface LocateQuery {
  at: SourcePos;
  ch: string;
  nth: number;
  until?: SourcePos;
  precedes?: { since?: SourcePos; count: number };
}

export type Locate = (q: LocateQuery) => SourcePos;

const before = (a: SourcePos, b: SourcePos): boolean => a.line < b.line || (a.line === b.line && (a.column ?? 1) < (b.column ?? 1));

/**
 * The neighbouring positions of the same file: where a block's text ends, and starts, at the
 * latest. Lists built in place and searched by halves: an item of 10,000 list entries has as
 * many texts, and copying or scanning the list for each made check take seconds.
 */
function neighbours(texts: PrintedText[]): (at: SourcePos) => { prev?: SourcePos; next?: SourcePos } {
  const byFile = new Map<string, SourcePos[]>();
  for (const t of texts) {
    if (!t.at) continue;
    const list = byFile.get(t.at.file);
    if (list) list.push(t.at);
    else byFile.set(t.at.file, [t.at]);
  }
  for (const list of byFile.values()) list.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  /** Index of the first position in `list` for which `test` holds (`test` is false, then true). */
  const first = (list: SourcePos[], test: (p: SourcePos) => boolean): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (test(list[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return (at) => {
    const list = byFile.get(at.file) ?? [];
    return { prev: list[first(list, (p) => !before(p, at)) - 1], next: list[first(list, (p) => before(at, p))] };
  };
}

/** Whether some character of the text is in neither the role's face nor the fallback. */
function lacksSome(text: string, primary: Face, fonts: Metrics): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (needsGlyph(cp) && !faceFor(cp, primary, fonts)) return true;
  }
  return false;
}

/** One error per character and place that neither the role's face nor the fallback has. */
export function missingGlyphs(g: Galley, fonts: Metrics, locate: Locate): Diagnostic[] {
  const out = new Map<string, Diagnostic>();
  const texts = printedTexts(g);
  const around = neighbours(texts);
  for (const t of texts) {
    // Nearly every text has all its characters: the counting that places a message is done
    // only where one is missing.
    if (!t.parts.some((p) => lacksSome(p.text, fonts.role(p.role), fonts))) continue;
    const counts = new Map<string, number>();
    for (const p of t.parts) for (const ch of p.text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const p of t.parts) {
      const primary = fonts.role(p.role);
      for (const ch of p.text) {
        const cp = ch.codePointAt(0)!;
        const nth = seen.get(ch) ?? 0;
        seen.set(ch, nth + 1);
        if (!needsGlyph(cp) || faceFor(cp, primary, fonts)) continue;
        let where: SourcePos | undefined;
        if (t.at) {
          const { prev, next } = around(t.at);
          where = locate({ at: t.at, ch, nth, until: next, ...(t.precedes ? { precedes: { since: prev, count: counts.get(ch)! } } : {}) });
        }
        const d = missingGlyph(ch, cp, primary, where);
        // The publisher prints in the masthead and the end block: one place, one message.
        const key = `${d.file}:${d.line}:${d.column}:${cp}`;
        if (!out.has(key)) out.set(key, d);
      }
    }
  }
  return [...out.values()];
}
