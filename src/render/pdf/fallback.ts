/**
 * Per-character fallback: characters the role's font lacks (rare name characters such as 堃,
 * 喆) are set in the shipped fallback face; a character that neither has stops the build
 * with its file and line, because an empty box in a printed bulletin is worse than no PDF.
 */
import { UserError } from '../../diagnostics.js';
import { SHIPPED_FALLBACK_FONT } from '../../layout/spec.js';
import type { SourcePos } from '../../model/types.js';
import type { PdfFace, PdfFonts } from './fonts.js';
import path from 'node:path';

export interface Segment {
  text: string;
  face: PdfFace;
}

/** Characters that need no glyph: line breaks and the like are layout, not ink. */
function needsGlyph(cp: number): boolean {
  return cp !== 0x0a && cp !== 0x0d && cp !== 0x09;
}

export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function splitByCoverage(text: string, primary: PdfFace, fonts: PdfFonts, at: SourcePos | undefined): Segment[] {
  const out: Segment[] = [];
  let current: PdfFace | undefined;
  let buf = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let face: PdfFace;
    if (!needsGlyph(cp) || primary.covers(cp)) {
      face = current && !needsGlyph(cp) ? current : primary;
    } else {
      const fb = fonts.fallback();
      if (!fb.covers(cp)) throw missingGlyph(ch, cp, primary, at);
      face = fb;
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

function missingGlyph(ch: string, cp: number, primary: PdfFace, at: SourcePos | undefined): UserError {
  const code = codePointLabel(cp);
  const where = at ? `${at.file}:${at.line}` : '（设置文件）';
  const message = `字符“${ch}”（${code}）在字体 ${path.basename(primary.file)} 和缺字补充字体 ${SHIPPED_FALLBACK_FONT} 中都没有，PDF 中会成为空框。请改用常用字、删除该字符，或在 bulletin.yaml 的 fonts 中换用含有该字的字体`;
  return new UserError(`${where}：${message}`, [
    { severity: 'error', rule: 'pdf-missing-glyph', file: at?.file ?? 'bulletin.yaml', line: at?.line, column: at?.column, message },
  ]);
}
