/**
 * The one place that talks to the pdfmake singleton. Font bytes already read for coverage
 * are handed over through pdfmake's virtual file system instead of being read again; the
 * network is closed and the local file system is open only to this images.
 */
import { createRequire } from 'node:module';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import { fontkit } from '../../fonts/fontkit.js';
import { installPlainLayout } from '../../fonts/plain-layout.js';
import { installSyntheticBold } from './synthetic-bold.js';

interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

export interface FaceBytes {
  id: string;
  key: string;
  file: string;
  postscriptName?: string;
  buffer: Buffer;
}

let hooked = false;

/**
 * pdfkit's font class is not exported: it is reached through the first embedded font a
 * document opens, and given the plain layout of fonts/plain-layout.ts.
 */
function hookPdfkit(): void {
  if (hooked) return;
  hooked = true;
  const require = createRequire(import.meta.url);
  const PDFKit = createRequire(require.resolve('pdfmake'))('pdfkit') as { prototype: { font(...a: unknown[]): unknown } };
  const proto = PDFKit.prototype;
  const open = proto.font;
  proto.font = function (this: { _font?: object }, ...args: unknown[]) {
    const r = open.apply(this, args);
    if (this._font && 'layoutRun' in this._font && 'font' in this._font) {
      installPlainLayout(Object.getPrototypeOf(this._font) as object);
      proto.font = open;
    }
    return r;
  };
}

export async function runPdfmake(doc: TDocumentDefinitions, faces: FaceBytes[], images: Set<string>): Promise<Uint8Array> {
  fontkit(); // first: it installs the patches pdfkit's fontkit must have before pdfkit loads
  const pdfmake = (await import('pdfmake')).default;
  hookPdfkit();
  installSyntheticBold();
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  const table: TFontDictionary = {};
  for (const f of faces) {
    // One virtual name per file version; the name never reaches the PDF.
    const name = `bulletin-font/${encodeURIComponent(f.id)}`;
    if (!vfs.existsSync(name)) vfs.writeFileSync(name, f.buffer);
    table[f.key] = { normal: f.postscriptName ? ([name, f.postscriptName] as unknown as string) : name };
  }
  pdfmake.setFonts(table);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p: string) => images.has(p));
  const buffer = await pdfmake.createPdf(doc).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
