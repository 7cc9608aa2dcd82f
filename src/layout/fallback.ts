/**
 * Per-character fallback: characters the role's font lacks (rare name characters such as 堃,
 * 喆) are set in the shipped fallback face; a character that neither has is recorded with its
 * file and line, and the build stops once every such character of the issue is known
 * (missingGlyphsError), because an empty box in a printed bulletin is worse than no PDF.
 */
import { UserError, type Diagnostic } from '../diagnostics.js';
import { SHIPPED_FALLBACK_FONT } from './spec.js';
import type { SourcePos } from '../model/types.js';
import type { Face, Faces } from '../fonts/faces.js';
import path from 'node:path';

export interface Segment {
  text: string;
  face: Face;
}

/** Characters that need no glyph: line breaks and the like are layout, not ink. */
export function needsGlyph(cp: number): boolean {
  return cp !== 0x0a && cp !== 0x0d && cp !== 0x09;
}

export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The face a character is set in: the role's own face, else the fallback face; undefined when
 * neither has it. The PDF's splitting below and `check` (coverage.ts) both ask this, so they
 * cannot disagree about which characters are missing.
 */
export function faceFor(cp: number, primary: Face, fonts: { fallback(): Face }): Face | undefined {
  if (primary.covers(cp)) return primary;
  const fb = fonts.fallback();
  return fb.covers(cp) ? fb : undefined;
}

export function splitByCoverage(text: string, primary: Face, fonts: Faces, at: SourcePos | undefined): Segment[] {
  const out: Segment[] = [];
  let current: Face | undefined;
  let buf = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let face: Face;
    if (!needsGlyph(cp)) {
      face = current ?? primary;
    } else {
      const found = faceFor(cp, primary, fonts);
      if (!found) fonts.reportMissing(missingGlyph(ch, cp, primary, at));
      face = found ?? primary;
    }
    if (face !== current && buf) {
      out.push({ text: buf, face: current! });
      buf = '';
    }
    current = face;
    buf += ch;
  }
  if (buf) out.push({ text: buf, face: current! });
  return out;
}

export function missingGlyph(ch: string, cp: number, primary: Face, at: SourcePos | undefined): Diagnostic {
  const message = `字符“${ch}”（${codePointLabel(cp)}）在字体 ${path.basename(primary.file)} 和缺字补充字体 ${SHIPPED_FALLBACK_FONT} 中都没有，印出来会是空框。请改用常用字、删除该字符，或在 bulletin.yaml 的 fonts 中换用含有该字的字体`;
  return { severity: 'error', rule: 'pdf-missing-glyph', file: at?.file ?? 'bulletin.yaml', line: at?.line, column: at?.column, message };
}

/** One error for every character of the issue that no font has: the reporter prints each diagnostic at its place. */
export function missingGlyphsError(list: Diagnostic[]): UserError {
  return new UserError(`有 ${list.length} 处字符在所有字体中都没有，没有生成 PDF；每一处的位置和改法见上`, list);
}
