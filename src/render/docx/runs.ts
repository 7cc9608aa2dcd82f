/**
 * Model runs to DOCX runs. Every run names its official font for all four scripts (Word picks
 * the East Asian font by w:eastAsia, Latin by w:ascii/w:hAnsi) and carries the body's character
 * spacing, so that clients that ignore the document grid still fit 28 characters a line.
 */
import { ExternalHyperlink, Tab, TextRun, type ParagraphChild } from 'docx';
import { BODY, BOLD_ROLE } from '../../layout/spec.js';
import type { FontRole, Issue, Run } from '../../model/types.js';
import { halfPoints } from './units.js';

/** How the runs of one block look by default. */
export interface RunLook {
  role: FontRole;
  sizePt: number;
  color?: string;
  /** Character style id, for runs an editor restyles together (the lead of a news item). */
  charStyle?: string;
}

/** The four font slots, all set to the role's official family name. */
export function fontsFor(issue: Issue, role: FontRole): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  const name = issue.fonts[role].officialName;
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

/**
 * The role a run prints in: its own font, else the block's; bold maps through BOLD_ROLE
 * exactly as in the PDF (there is no bold 仿宋 to embed, so bold body text prints in 黑体), and
 * the DOCX sets no w:b, so that Word does not embolden 黑体 once more and both outputs agree.
 */
export function roleOf(run: Pick<Run, 'font' | 'bold'>, blockRole: FontRole): FontRole {
  const role = run.font ?? blockRole;
  return run.bold ? BOLD_ROLE[role] : role;
}

/** One text run in a role and size. */
export function textRun(issue: Issue, text: string, look: RunLook, extra: { script?: Run['script'] } = {}): TextRun {
  return new TextRun({
    text,
    style: look.charStyle,
    font: fontsFor(issue, look.role),
    size: halfPoints(look.sizePt),
    characterSpacing: BODY.docxRunSpacingTwips,
    color: look.color ?? BODY.color,
    superScript: extra.script === 'super' || undefined,
    subScript: extra.script === 'sub' || undefined,
  });
}

/**
 * A tab as a run of its own, in the look of the text around it. A '\t' inside a run's text is
 * a literal character to LibreOffice, so tabs are always w:tab elements.
 */
export function tabRun(issue: Issue, look: RunLook): TextRun {
  return new TextRun({
    children: [new Tab()],
    font: fontsFor(issue, look.role),
    size: halfPoints(look.sizePt),
    characterSpacing: BODY.docxRunSpacingTwips,
    color: look.color ?? BODY.color,
  });
}

/** Only web and mail targets become hyperlinks; anything else prints as plain text. */
const LINKABLE = /^(https?:|mailto:)/i;

/**
 * Model runs to DOCX children. Italic is not carried: the PDF has no italic CJK faces, and a
 * slanted hanzi is not an official form. Links keep their target as an external hyperlink
 * without a link colour, so the page looks as the PDF does; their random relationship ids are
 * made stable when the zip is repacked (reproducible-zip.ts).
 */
export function modelRuns(issue: Issue, runs: readonly Run[], look: RunLook): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const r = textRun(issue, run.text, { ...look, role: roleOf(run, look.role) }, { script: run.script });
    out.push(run.link && LINKABLE.test(run.link) ? new ExternalHyperlink({ link: run.link, children: [r] }) : r);
  }
  return out;
}
