/**
 * Bold for a face that has none (仿宋, SYNTHETIC_BOLD in src/layout/spec.ts): pdfkit draws the
 * glyphs filled and stroked (text rendering mode 2) with a thin line in the text's colour. The
 * glyphs darken without moving — advances stay those of the regular face, so lines break as
 * in regular text and in the DOCX — and the text extracts as the same characters.
 *
 * pdfmake hands pdfkit a fixed set of options for each piece of text, none of them a
 * rendering mode, but it carries a piece's own properties through layout to the rendered
 * line (TextBreaker copies them to each word, LayoutBuilder clones them onto the line). So
 * a piece marked `strokeWidth` (render/pdf/draw-pages.ts) is drawn here: while pdfmake's
 * Renderer draws a line that holds such a piece, the pdfkit document's `text` draws the
 * marked pieces with fill and stroke inside their own graphics state. Installed once on the
 * Renderer's prototype; lines without marked pieces go through untouched.
 */
import { createRequire } from 'node:module';
import { UserError } from '../../diagnostics.js';
import { requirePinned, resolveChain } from '../pinned.js';
import { PIN } from './pin.js';

interface PdfkitDoc {
  text(text: string, x: number, y: number, options: Record<string, unknown>): PdfkitDoc;
  save(): PdfkitDoc;
  restore(): PdfkitDoc;
  lineWidth(w: number): PdfkitDoc;
  strokeColor(color: unknown, opacity?: unknown): PdfkitDoc;
  _fillColor?: [unknown, unknown?];
}

interface RenderedInline {
  text: string;
  /** Stroke width in points: the piece is emboldened. */
  strokeWidth?: number;
}

interface RendererProto {
  pdfDocument: PdfkitDoc;
  renderLine(line: { inlines: RenderedInline[] }, x: number, y: number): void;
}

const INSTALLED = Symbol.for('bulletin.syntheticBold');

/** The piece drawn filled and stroked; pdfkit's _fragment wraps it in q/Q, this in another. */
function strokedText(doc: PdfkitDoc, draw: PdfkitDoc['text'], inline: RenderedInline, args: Parameters<PdfkitDoc['text']>): PdfkitDoc {
  const [text, x, y, options] = args;
  doc.save();
  doc.lineWidth(inline.strokeWidth!);
  doc.strokeColor(...((doc._fillColor ?? ['black']) as [unknown, unknown?]));
  draw.call(doc, text, x, y, { ...options, fill: true, stroke: true });
  return doc.restore();
}

export function installSyntheticBold(): void {
  requirePinned(PIN);
  const require = createRequire(resolveChain(PIN.chains[0]!)!);
  const Renderer = (require('pdfmake/js/Renderer.js') as { default: { prototype: RendererProto } }).default;
  const proto = Renderer.prototype as RendererProto & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const renderLine = proto.renderLine;
  if (typeof renderLine !== 'function')
    throw new UserError(`pdfmake ${PIN.version} 的 Renderer.renderLine 不见了：src/compat/pdfmake 需要按所装的版本重新核对`);
  proto.renderLine = function (this: RendererProto, line, x, y) {
    if (!line.inlines.some((i) => i.strokeWidth)) return renderLine.call(this, line, x, y);
    const doc = this.pdfDocument;
    const draw = doc.text;
    // pdfmake draws the line's pieces in order, one `text` call each.
    const pieces = [...line.inlines];
    doc.text = function (this: PdfkitDoc, ...args: Parameters<PdfkitDoc['text']>) {
      const inline = pieces.shift();
      return inline?.strokeWidth && inline.text === args[0] ? strokedText(this, draw, inline, args) : draw.apply(this, args);
    };
    try {
      renderLine.call(this, line, x, y);
    } finally {
      delete (doc as Partial<PdfkitDoc>).text;
    }
  };
  proto[INSTALLED] = true;
}
