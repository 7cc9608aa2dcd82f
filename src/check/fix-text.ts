/**
 * `check --fix`: the corrections that cannot change meaning, for the findings of text-rules —
 * half-width , ; : ? ! ( ) in Chinese text, English quotes around Chinese, leading zeros in
 * dates. They run over the same prose lines the rules see, and change only characters the
 * syntax tree says are prose (src/check/prose-lines.ts): never code, HTML, a URL, a link target
 * or a reference definition. Times (08:30) and numbers (3.5) never qualify because the rules
 * want Chinese on both sides; apostrophes (Let's) and marks after digits (15.6") are no quotes;
 * front matter is touched only inside the printed values (title, subtitle, unit), never its
 * keys or structure.
 */
import type { SourceFile } from '../sources/load.js';
import { URL_IN_TEXT } from './prose-lines.js';
import { allProse, betweenChinese, frontMatterLines, HAN, isProse, notAQuote, proseLines, ZH, type TextLine } from './text-rules.js';

export interface Fix {
  line: number;
  column: number;
  old: string;
  new: string;
}

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const CN_DATE = /(\d{4})(\s*)年(\s*)(\d{1,2})(\s*)月(?:(\s*)(\d{1,2})(\s*)日)?/g;

export function fixesFor(src: SourceFile): Fix[] {
  const fixes: Fix[] = [];
  const lines = [
    ...frontMatterLines(src)
      .flat()
      .map((l) => ({ ...l, front: true })),
    ...proseLines(src)
      .flat()
      .map((l) => ({ ...l, front: false })),
  ];
  for (const l of lines) {
    // Body lines come with addresses blanked already; front-matter values are plain strings.
    const t = l.front ? l.text.replace(URL_IN_TEXT, (m) => ' '.repeat(m.length)) : l.text;
    // A front-matter value found at column 1 was not found verbatim on its line: leave it.
    if (l.front && l.column === 1) continue;
    const quoted: Fix[] = [];
    if (!l.front || !/["']/.test(src.text.split('\n')[l.line - 1]!.slice(0, l.column - 1))) quotes(t, l, quoted);
    // Punctuation is judged with the quotes already Chinese: “三个坚持”: takes a full-width colon.
    const chars = [...t.split('')];
    for (const q of quoted) chars[q.column - l.column] = q.new;
    fixes.push(...quoted);
    punctuation(chars.join(''), l, fixes);
    dates(t, l, fixes);
  }
  return fixes.sort((a, b) => a.line - b.line || a.column - b.column);
}

function punctuation(t: string, l: TextLine, fixes: Fix[]): void {
  // Brackets change as pairs, so a fix never leaves （…) behind; they go first, so that the
  // comma in ）, is judged next to the full-width bracket it will stand by.
  const chars = t.split('');
  const open: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!isProse(l, i)) continue;
    if (t[i] === '(') open.push(i);
    else if (t[i] === ')' && open.length) {
      const o = open.pop()!;
      const inner = t.slice(o + 1, i);
      const chinese = HAN.test(t[o - 1] ?? '') || HAN.test(inner) || HAN.test(t[i + 1] ?? '');
      // (1) (a) as list markers inside English stay; anything touching Chinese becomes full width.
      if (chinese) {
        fixes.push({ line: l.line, column: l.column + o, old: '(', new: '（' });
        fixes.push({ line: l.line, column: l.column + i, old: ')', new: '）' });
        chars[o] = '（';
        chars[i] = '）';
      }
    }
  }
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const full = FULL[ch];
    if (!full || !isProse(l, i)) continue;
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    if (betweenChinese(prev, next)) fixes.push({ line: l.line, column: l.column + i, old: ch, new: full });
  }
}

function quotes(t: string, l: TextLine, fixes: Fix[]): void {
  for (const [q, open, close] of [
    ['"', '“', '”'],
    ["'", '‘', '’'],
  ] as const) {
    const at: number[] = [];
    for (let i = 0; i < t.length; i++) if (t[i] === q && isProse(l, i) && !notAQuote(t, i)) at.push(i);
    // Only complete pairs on one line: an odd quote is left for the editor (check still warns).
    for (let k = 0; k + 1 < at.length; k += 2) {
      const a = at[k]!;
      const b = at[k + 1]!;
      const chinese = HAN.test(t.slice(a + 1, b)) || ZH.test(t[a - 1] ?? '') || ZH.test(t[b + 1] ?? '');
      if (!chinese) continue;
      fixes.push({ line: l.line, column: l.column + a, old: q, new: open });
      fixes.push({ line: l.line, column: l.column + b, old: q, new: close });
    }
  }
}

function dates(t: string, l: TextLine, fixes: Fix[]): void {
  for (const m of t.matchAll(CN_DATE)) {
    const [whole, y, , , mo, , , d] = m;
    if (!/^0/.test(mo!) && !(d !== undefined && /^0/.test(d))) continue;
    if (!allProse(l, m.index!, whole.length)) continue;
    const fixed = whole.replace(/年(\s*)0(\d)月/, '年$1$2月').replace(/月(\s*)0(\d)日/, '月$1$2日');
    if (fixed !== whole && y) fixes.push({ line: l.line, column: l.column + m.index!, old: whole, new: fixed });
  }
}

/** Applies fixes to LF text (columns are 1-based UTF-16 offsets in the line, as reported). */
export function applyFixes(text: string, fixes: Fix[]): string {
  const lines = text.split('\n');
  const byLine = new Map<number, Fix[]>();
  for (const f of fixes) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  for (const [line, list] of byLine) {
    let s = lines[line - 1]!;
    for (const f of [...list].sort((a, b) => b.column - a.column)) {
      const at = f.column - 1;
      if (s.slice(at, at + f.old.length) !== f.old) throw new Error(`fix out of place at ${line}:${f.column}`);
      s = s.slice(0, at) + f.new + s.slice(at + f.old.length);
    }
    lines[line - 1] = s;
  }
  return lines.join('\n');
}

/** `旧 → 新` with a little context, as printed for each change. */
export function describeFix(text: string, f: Fix): string {
  const line = text.split('\n')[f.line - 1] ?? '';
  const at = f.column - 1;
  const before = line.slice(Math.max(0, at - 3), at);
  const after = line.slice(at + f.old.length, at + f.old.length + 3);
  return `${before}${f.old}${after} → ${before}${f.new}${after}`;
}
