/**
 * Galley runs → pdfmake inline pieces: the per-character fallback and the kinsoku glue
 * (rules from src/layout) applied to pdfmake's pieces. Every piece also gets its own lineHeight factor so that its line box
 * is exactly the requested height whatever the face's ascender and descender are: a line
 * mixing 仿宋, 黑体 and the fallback face must not grow taller than one grid pitch.
 */
import type { FontRole, GText, SourcePos } from '../../layout/galley.js';
import { splitByCoverage } from '../../layout/fallback.js';
import type { Face, Faces } from '../../fonts/faces.js';
import { gluedBefore, latinMeetsChinese, mixedStretches, noBreakBefore } from '../../layout/kinsoku.js';
import { breakLines, type BreakChar } from '../../layout/linebreak.js';

export interface Inline {
  text: string;
  font: string;
  fontSize: number;
  lineHeight: number;
  color?: string | number[];
  noWrap?: boolean;
  characterSpacing?: number;
  /** pdfmake's own flag: the next piece is kept on this piece's line. */
  noNewLine?: boolean;
  sup?: boolean;
  sub?: boolean;
  /**
   * Emboldened: stroke width in points. pdfmake carries it through layout to the rendered
   * line, where synthetic-bold.ts draws the piece filled and stroked.
   */
  strokeWidth?: number;
}

export interface TextStyle {
  role: FontRole;
  sizePt: number;
  /** The line box every piece must have, in points (one grid pitch for body text). */
  boxPt: number;
  color?: string | number[];
}

export interface InlineEnv {
  fonts: Faces;
  text: GText;
  at: SourcePos | undefined;
}

/** A run whose role is already decided (prefixes such as ★ or 编者按： are runs too). */
export interface StyledRun {
  text: string;
  role: FontRole;
  script?: 'super' | 'sub';
  /** Embolden the face (faux bold: the glyph outlines are stroked as well as filled). */
  bold?: boolean;
}

interface Seg {
  text: string;
  face: Face;
  run: StyledRun;
  glued: boolean;
  /** Last segment of a glued stretch. */
  glueEnd: boolean;
}

function toInline(env: InlineEnv, s: Seg, style: TextStyle): Inline {
  const inline: Inline = {
    text: s.text,
    font: env.fonts.use(s.face),
    fontSize: style.sizePt,
    lineHeight: style.boxPt / (s.face.lineEm * style.sizePt),
  };
  if (style.color !== undefined) inline.color = style.color;
  if (s.run.script === 'super') inline.sup = true;
  if (s.run.script === 'sub') inline.sub = true;
  if (s.run.bold) inline.strokeWidth = env.text.syntheticBoldStrokeEm * style.sizePt;
  if (s.glued) {
    inline.noWrap = true;
    if (!s.glueEnd) inline.noNewLine = true;
  }
  return inline;
}

/**
 * The pieces of one paragraph. Kinsoku is decided over the whole paragraph, across runs: a
 * `——` at the start of a plain run after a bold one must still stay with the bold text.
 */
export function paragraphInlines(env: InlineEnv, runs: StyledRun[], style: Omit<TextStyle, 'role'>): Inline[] {
  const chars: string[] = [];
  const owner: number[] = [];
  runs.forEach((r, ri) => {
    for (const ch of r.text) {
      chars.push(ch);
      owner.push(ri);
    }
  });
  const glue = gluedBefore(chars);
  const segs: Seg[] = [];
  let i = 0;
  while (i < chars.length) {
    let j = i + 1;
    while (j < chars.length && glue[j]) j++;
    const glued = j - i > 1;
    // Within the stretch, split where the run changes, then where the face changes.
    let k = i;
    while (k < j) {
      let m = k + 1;
      while (m < j && owner[m] === owner[k]) m++;
      const run = runs[owner[k]];
      const primary = env.fonts.role(run.role);
      for (const s of splitByCoverage(chars.slice(k, m).join(''), primary, env.fonts, env.at)) {
        const prev = segs.at(-1);
        if (!glued && prev && !prev.glued && prev.face === s.face && prev.run === run) prev.text += s.text;
        else segs.push({ text: s.text, face: s.face, run, glued, glueEnd: false });
      }
      k = m;
    }
    if (glued) segs[segs.length - 1].glueEnd = true;
    i = j;
  }
  return merge(segs.map((s) => toInline(env, s, { ...style, role: s.run.role })));
}

/** Plain text in one role. */
export function textInlines(env: InlineEnv, text: string, style: TextStyle): Inline[] {
  return paragraphInlines(env, [{ text, role: style.role }], style);
}

/** Joins free neighbours of the same look, so pdfmake handles fewer pieces. */
function merge(list: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const x of list) {
    const prev = out.at(-1);
    if (
      prev &&
      !prev.noWrap &&
      !x.noWrap &&
      prev.font === x.font &&
      prev.fontSize === x.fontSize &&
      prev.lineHeight === x.lineHeight &&
      prev.color === x.color &&
      prev.sup === x.sup &&
      prev.sub === x.sub &&
      prev.strokeWidth === x.strokeWidth
    ) {
      prev.text += x.text;
    } else {
      out.push(x);
    }
  }
  return out;
}

/** Punctuation that may be squeezed into the end of a full line rather than pushed down. */
const SQUEEZABLE = new Set(Array.from('。，、；：？！）》」』】〕〗〉”’'));

/**
 * How lines are measured when they are decided: the nominal size with the tightening every
 * character gets in Word and LibreOffice, so that the DOCX's clients and the PDF break alike;
 * the PDF then sets each decided line at its own glyph size, justified to the full width.
 */
export interface LineMeasure {
  sizePt: number;
  trackingPt: number;
}

/**
 * Justified text broken into lines here (see linebreak.ts): each line is a list of pieces
 * that pdfmake must not break, with the character spacing that makes the line exactly
 * `firstWidth` (first line) or `width` points wide; last lines keep their natural spacing.
 */
export function justifiedLines(
  env: InlineEnv,
  runs: StyledRun[],
  style: Omit<TextStyle, 'role'>,
  firstWidth: number,
  width: number,
  measure: LineMeasure = { sizePt: style.sizePt, trackingPt: 0 },
): Inline[][] {
  const chars: BreakChar[] = [];
  runs.forEach((r, look) => {
    const primary = env.fonts.role(r.role);
    for (const seg of splitByCoverage(r.text, primary, env.fonts, env.at)) {
      for (const ch of seg.text) chars.push({ ch, face: seg.face, look, glued: false, squeezable: SQUEEZABLE.has(ch) });
    }
  });
  const text = chars.map((c) => c.ch);
  const glue = noBreakBefore(text);
  const kept = mixedStretches(text, glue);
  const gap = env.text.scriptChangeEm * measure.sizePt;
  chars.forEach((c, i) => {
    c.glued = glue[i];
    // Where the DOCX's clients start a new stretch of text: Latin meets Chinese, a kept
    // stretch begins or ends, the run changes (LATIN_IN_CJK).
    if (i > 0 && (latinMeetsChinese(text[i - 1], c.ch) || kept[i] !== kept[i - 1] || c.look !== chars[i - 1].look)) c.gapBefore = gap;
  });
  // No punctuation is squeezed into a full line: LibreOffice and Word push the character
  // before it down instead, and the PDF breaks as they do.
  const lines = breakLines(chars, measure.sizePt, firstWidth, width, 0, measure.trackingPt);
  const advance = (c: BreakChar): number => c.face.advance(c.ch.codePointAt(0)!) * style.sizePt;
  return lines.map((line, li) => {
    const natural = line.chars.reduce((a, c, k) => a + advance(c) + (k > 0 ? (c.gapBefore ?? 0) : 0), 0);
    const pieces: Array<{ text: string; face: Face; look: number; n: number; gap?: number }> = [];
    line.chars.forEach((c, k) => {
      const prev = pieces.at(-1);
      // Where a hanzi meets a digit, the client's missing run spacing (LATIN_IN_CJK) is a
      // piece of its own: a space of the size that makes it that wide.
      if (k > 0 && c.gapBefore) pieces.push({ text: ' ', face: c.face, look: c.look, n: 1, gap: c.gapBefore });
      else if (prev && !prev.gap && prev.face === c.face && prev.look === c.look) {
        prev.text += c.ch;
        prev.n++;
        return;
      }
      pieces.push({ text: c.ch, face: c.face, look: c.look, n: 1 });
    });
    const n = pieces.reduce((a, p) => a + p.n, 0);
    const target = (li === 0 ? firstWidth : width) - 0.01;
    const stretch = !line.last || natural > target;
    const spacing = stretch && n - pieces.length > 0 ? (target - natural) / (n - pieces.length) : 0;
    return pieces.map((p) => {
      const run = runs[p.look];
      const size = p.gap ? p.gap / p.face.advance(0x20) : style.sizePt;
      const inline = toInline(env, { text: p.text, face: p.face, run, glued: true, glueEnd: true }, { ...style, sizePt: size, role: run.role });
      if (spacing !== 0 && !p.gap) inline.characterSpacing = spacing;
      return inline;
    });
  });
}
