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

/** A text as printed, its role, and where it was written (the start of its block or yaml key). */
export interface PrintedText {
  text: string;
  role: FontRole;
  at?: SourcePos;
}

/** Every printed text of the issue, in reading order, as the PDF translator sets it. */
export function printedTexts(g: Galley): PrintedText[] {
  const out: PrintedText[] = [];
  const runs = (rs: GRun[], at: SourcePos | undefined): void => {
    for (const r of rs) out.push({ text: r.text, role: r.role, ...(at ? { at } : {}) });
  };
  for (const l of g.masthead.lines) runs(l.runs, l.at ?? g.at.masthead);
  runs(g.masthead.publisher.left, g.masthead.publisher.leftAt ?? g.at.masthead);
  runs(g.masthead.publisher.right, g.masthead.publisher.rightAt ?? g.at.masthead);
  const block = (b: GBlock): void => {
    switch (b.kind) {
      case 'paragraph':
        runs(b.runs, b.at);
        return;
      case 'list':
        for (const item of b.items) {
          runs([item.marker], b.at);
          item.blocks.forEach(block);
        }
        return;
      case 'table':
        if (b.caption) block(b.caption);
        for (const row of [b.header, ...b.rows]) for (const cell of row) runs(cell, b.at);
        return;
      case 'image':
        if (b.caption) block(b.caption);
        return;
    }
  };
  g.body.forEach(block);
  const eb = g.endBlock;
  const ebText = (text: string, at: SourcePos | undefined): void => {
    out.push({ text, role: eb.role, at: at ?? g.at.endBlock });
  };
  for (const d of eb.distribution) {
    ebText(d.label, undefined);
    ebText(d.text, d.at);
  }
  if (eb.copies) ebText(eb.copies, eb.at?.copies);
  ebText(eb.printer, eb.at?.printer);
  ebText(eb.printDate, eb.at?.printDate);
  // The page number's digits are whatever the page count makes them: all ten are asked for.
  out.push({ text: `${g.pageNumber.prefix}0123456789${g.pageNumber.suffix}`, role: g.pageNumber.role });
  return out;
}

/**
 * Where the `nth` (from 0) occurrence of `ch` in a text written at `at` is in its file; the
 * block's own position when the file cannot tell (the character came from an escape).
 */
export type Locate = (at: SourcePos, ch: string, nth: number) => SourcePos;

/** One error per character and place that neither the role's face nor the fallback has. */
export function missingGlyphs(g: Galley, fonts: Metrics, locate: Locate): Diagnostic[] {
  const out = new Map<string, Diagnostic>();
  for (const t of printedTexts(g)) {
    const primary = fonts.role(t.role);
    const seen = new Map<string, number>();
    for (const ch of t.text) {
      const cp = ch.codePointAt(0)!;
      const nth = seen.get(ch) ?? 0;
      seen.set(ch, nth + 1);
      if (!needsGlyph(cp) || faceFor(cp, primary, fonts)) continue;
      const d = missingGlyph(ch, cp, primary, t.at && locate(t.at, ch, nth));
      // The publisher prints in the masthead and the end block: one place, one message.
      const key = `${d.file}:${d.line}:${d.column}:${cp}`;
      if (!out.has(key)) out.set(key, d);
    }
  }
  return [...out.values()];
}
