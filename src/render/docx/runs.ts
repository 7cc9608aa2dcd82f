/**
 * Galley runs → DOCX runs that carry only what differs from their paragraph's style: a font
 * when the run's role is not the style's, w:b for bold, the item-lead character style, a
 * script position. Everything else (size, colour, spacing, language, the style's font) is
 * inherited, so restyling in Word reaches every run. A run's text is the Galley's text, as
 * printed: nothing is added to steer a client's line breaking (spec §11).
 */
import { ExternalHyperlink, Tab, TextRun, type ParagraphChild } from 'docx';
import type { GRun, Galley, StyleId } from '../../layout/galley.js';
import { STYLE, fontsFor } from './styles.js';

/** `sizePt` only where the Galley sets text smaller than its style (a wide table). */
export function docxRun(g: Galley, r: GRun, style: StyleId, sizePt?: number): ParagraphChild {
  const inherited = r.lead ? g.text.leadRole : g.styles[style].role;
  const run = new TextRun({
    text: r.text,
    break: r.breakBefore ? 1 : undefined,
    style: r.lead ? STYLE.itemLead : undefined,
    font: r.role !== inherited ? fontsFor(g, r.role) : undefined,
    bold: r.bold || undefined,
    size: sizePt !== undefined && sizePt !== g.styles[style].sizePt ? sizePt * 2 : undefined,
    superScript: r.script === 'super' || undefined,
    subScript: r.script === 'sub' || undefined,
  });
  return r.link ? new ExternalHyperlink({ link: r.link, children: [run] }) : run;
}

export function docxRuns(g: Galley, runs: GRun[], style: StyleId, sizePt?: number): ParagraphChild[] {
  return runs.filter((r) => r.text !== '').map((r) => docxRun(g, r, style, sizePt));
}

/** A tab as a run of its own: a '\t' inside a run's text is a literal character to LibreOffice. */
export function tabRun(): TextRun {
  return new TextRun({ children: [new Tab()] });
}
