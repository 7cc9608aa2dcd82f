/**
 * How a PDF draws its text, read from pdfjs's operator lists: each text-showing operator
 * with the characters it shows, its font, the text rendering mode (0 fill, 2 fill and
 * stroke) and the line width in force, q/Q saving and restoring them as a viewer does.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface DrawnText {
  page: number;
  text: string;
  /** PostScript name of the font, without the subset tag. */
  font: string;
  /** Size set by Tf times the text matrix scale. */
  size: number;
  renderMode: number;
  /** Line width in text space units of the page (points here). */
  lineWidth: number;
}

interface GState {
  renderMode: number;
  lineWidth: number;
  font: string;
  fontSize: number;
  scale: number;
}

export async function drawnText(bytes: Uint8Array, pages?: number[]): Promise<DrawnText[]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const out: DrawnText[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      if (pages && !pages.includes(n)) continue;
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      let st: GState = { renderMode: 0, lineWidth: 1, font: '', fontSize: 0, scale: 1 };
      const stack: GState[] = [];
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push({ ...st });
        else if (fn === OPS.restore) st = stack.pop() ?? st;
        else if (fn === OPS.setTextRenderingMode) st.renderMode = args[0] as number;
        else if (fn === OPS.setLineWidth) st.lineWidth = args[0] as number;
        else if (fn === OPS.setFont) {
          const id = args[0] as string;
          const obj = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string }) : undefined;
          st.font = (obj?.name ?? id).replace(/^[A-Z]{6}\+/, '');
          st.fontSize = args[1] as number;
        } else if (fn === OPS.setTextMatrix) {
          const m = (typeof args[0] === 'number' ? args : args[0]) as ArrayLike<number>;
          st.scale = Math.hypot(m[0]!, m[1]!);
        } else if (fn === OPS.showText || fn === OPS.showSpacedText) {
          const glyphs = (args[0] as Array<{ unicode?: string } | number | null>).filter(
            (g): g is { unicode?: string } => typeof g === 'object' && g !== null,
          );
          const text = glyphs.map((g) => g.unicode ?? '').join('');
          if (text)
            out.push({ page: n, text, font: st.font, size: st.fontSize * st.scale, renderMode: st.renderMode, lineWidth: st.lineWidth });
        }
      }
    }
  } finally {
    await doc.destroy();
  }
  return out;
}
