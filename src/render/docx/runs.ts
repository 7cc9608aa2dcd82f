/**
 * Galley runs → DOCX runs that carry only what differs from their paragraph's style: a font
 * when the run's role is not the style's, w:b for bold, the item-lead character style, a
 * script position. Everything else (size, colour, spacing, the style's font) is inherited,
 * so restyling in Word reaches every run.
 */
import { ExternalHyperlink, Tab, TextRun, type ParagraphChild } from 'docx';
import type { GRun, Galley, StyleId } from '../../layout/galley.js';
import { STYLE, fontsFor } from './styles.js';
import { docxPieces, type DocxPiece } from './typography.js';

/**
 * The East Asian language of a stretch kept whole around a number or Latin word: LibreOffice
 * breaks it by the Unicode rules, not by its Chinese breaker (typography.ts). Its digits and
 * letters are en-US already (styles.ts).
 */
const KEEP_LANGUAGE = 'en-US';

/** Only web and mail targets become hyperlinks; anything else prints as plain text. */
const LINKABLE = /^(https?:|mailto:)/i;

/** `sizePt` only where the Galley sets text smaller than its style (a wide table). */
export function docxRun(g: Galley, r: GRun, style: StyleId, sizePt?: number, piece: DocxPiece = { run: r, text: r.text }): ParagraphChild {
  const inherited = r.lead ? g.text.leadRole : g.styles[style].role;
  const run = new TextRun({
    text: piece.text,
    break: r.breakBefore ? 1 : undefined,
    style: r.lead ? STYLE.itemLead : undefined,
    font: r.role !== inherited ? fontsFor(g, r.role) : undefined,
    bold: r.bold || undefined,
    size: sizePt !== undefined && sizePt !== g.styles[style].sizePt ? sizePt * 2 : undefined,
    superScript: r.script === 'super' || undefined,
    subScript: r.script === 'sub' || undefined,
    language: piece.keep ? { eastAsia: KEEP_LANGUAGE } : undefined,
  });
  return r.link && LINKABLE.test(r.link) ? new ExternalHyperlink({ link: r.link, children: [run] }) : run;
}

export function docxRuns(g: Galley, runs: GRun[], style: StyleId, sizePt?: number): ParagraphChild[] {
  let prev: GRun | undefined;
  return docxPieces(runs.filter((r) => r.text !== '')).map((piece) => {
    // A galley run that starts a new line does so with its first piece only.
    const first = piece.run !== prev;
    prev = piece.run;
    return docxRun(g, first ? piece.run : { ...piece.run, breakBefore: false }, style, sizePt, piece);
  });
}

/** A tab as a run of its own: a '\t' inside a run's text is a literal character to LibreOffice. */
export function tabRun(): TextRun {
  return new TextRun({ children: [new Tab()] });
}
