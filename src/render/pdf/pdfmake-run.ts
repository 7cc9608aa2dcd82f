/**
 * The one place that talks to the pdfmake singleton. Font bytes already read for coverage
 * are handed over through pdfmake's virtual file system instead of being read again; the
 * network is closed and the local file system is open only to this images.
 */
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import { installDocumentHook } from '../../compat/pdfkit/document-hook.js';
import { installSyntheticBold } from '../../compat/pdfmake/synthetic-bold.js';
import { createRequire } from 'node:module';
import { installLazyAes } from '../../compat/noble-ciphers/lazy-aes.js';
import { installLazyLinebreak } from '../../compat/linebreak/lazy-linebreak.js';
import { installPlainBreaks } from '../../compat/pdfmake/plain-breaks.js';
import { fontkit } from '../../fonts/fontkit.js';

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

/** pdfmake, loaded with what must be in place before pdfkit loads, and its patches installed. */
export async function loadPdfmake() {
  fontkit(); // first: it installs the patches pdfkit's fontkit must have before pdfkit loads
  const require = createRequire(import.meta.url);
  installLazyAes(require);
  installLazyLinebreak(require);
  // Required, not imported: the CLI's bundle runs as a script (src/startup/code-cache.ts).
  const pdfmake = require('pdfmake') as typeof import('pdfmake');
  installDocumentHook();
  installSyntheticBold();
  installPlainBreaks();
  return pdfmake;
}

export async function runPdfmake(doc: TDocumentDefinitions, faces: FaceBytes[], images: Set<string>): Promise<Uint8Array> {
  const pdfmake = await loadPdfmake();
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
