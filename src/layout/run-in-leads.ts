/**
 * Run-in leads (spec §11): `一是……。` at the head of a paragraph prints in bold 仿宋, however
 * the clerk typed it — bold to the 。, bold on 一是 only, or not bold at all — so that all
 * leads of an article print alike. A rule of the composition, not of the sources: the printed
 * result must not depend on whether a clerk typed `**`, and a source is never rewritten for it.
 *
 * A lead starts at the head of a paragraph (or right after the run-in heading `一、……。` that
 * opens it) with an ordinal and 是, and ends at its first 。. In the same paragraph, a sentence
 * that starts with the next ordinal (二是 after 一是) is the next lead: clerks write a whole
 * sequence in one paragraph (第9期 of the sample series does).
 */
import type { Run } from '../model/types.js';

/** A lead's place in the paragraph's text (UTF-16 offsets) and how the source typed it. */
export interface LeadSpan {
  start: number;
  end: number;
  text: string;
  /** Every character bold in the source (a closing 。 written after the bold may be plain). */
  typedBold: boolean;
}

const DIGITS = '一二三四五六七八九';
/** 一 … 九十九 as written before 是. */
const ORDINAL = /^(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=是)/;

function ordinalValue(s: string): number {
  const ten = s.indexOf('十');
  if (ten < 0) return DIGITS.indexOf(s) + 1;
  const tens = ten === 0 ? 1 : DIGITS.indexOf(s[0]!) + 1;
  const ones = ten === s.length - 1 ? 0 : DIGITS.indexOf(s[ten + 1]!) + 1;
  return tens * 10 + ones;
}

/** The leads of a paragraph, in order; none when its head is not a lead. */
export function findLeads(runs: readonly Run[]): LeadSpan[] {
  // A run in a font of its own at the head is a run-in heading (一、 in 黑体, （一） in 楷体).
  const headRun = runs[0]?.font ? runs[0].text.length : 0;
  const text = runs.map((r) => r.text).join('');
  const bold = new Array<boolean>(text.length);
  let at = 0;
  for (const r of runs) for (let k = 0; k < r.text.length; k++) bold[at++] = Boolean(r.bold);
  const out: LeadSpan[] = [];
  let from = headRun + (/^[\s\u3000]*/.exec(text.slice(headRun))?.[0].length ?? 0);
  let want: number | undefined;
  for (;;) {
    const m = ORDINAL.exec(text.slice(from));
    if (!m || (want !== undefined && ordinalValue(m[0]) !== want)) break;
    const close = text.indexOf('。', from);
    if (close < 0) break;
    const end = close + 1;
    const typedBold = bold.slice(from, close).every(Boolean);
    out.push({ start: from, end, text: text.slice(from, end), typedBold });
    want = ordinalValue(m[0]) + 1;
    from = end;
  }
  return out;
}

/**
 * The runs with every lead set bold; the rest of each run as it was. A run that names its own
 * font (a run-in heading, or text given a role on purpose) is left as it is.
 */
export function boldLeads(runs: readonly Run[]): Run[] {
  const leads = findLeads(runs);
  if (!leads.length) return [...runs];
  const inLead = (i: number): boolean => leads.some((l) => i >= l.start && i < l.end);
  const out: Run[] = [];
  let at = 0;
  for (const r of runs) {
    let piece = '';
    let pieceBold: boolean | undefined;
    const flush = (): void => {
      if (!piece) return;
      const run: Run = { ...r, text: piece };
      if (pieceBold) run.bold = true;
      else delete run.bold;
      out.push(run);
      piece = '';
    };
    for (const ch of r.text) {
      // Surrogate pairs advance by their length; leads hold no such characters at their edges.
      const b = Boolean(r.bold) || (!r.font && inLead(at));
      if (piece && b !== pieceBold) flush();
      pieceBold = b;
      piece += ch;
      at += ch.length;
    }
    flush();
  }
  return out;
}
