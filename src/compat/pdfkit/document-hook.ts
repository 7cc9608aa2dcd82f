/**
 * pdfkit exports its document class only: its embedded font and name tree classes are reached
 * through the first document pdfmake opens, when it sets its first font (PDFKit.prototype.font,
 * put back once both have been seen). The font gets the plain layout (plain-layout.ts), the
 * name tree of named destinations its byte order (name-tree-order.ts). To be called before
 * pdfmake opens its first document.
 */
import { createRequire } from 'node:module';
import { requirePinned, resolveChain } from '../pinned.js';
import { installNameTreeOrder } from './name-tree-order.js';
import { PIN } from './pin.js';
import { installPlainLayout } from './plain-layout.js';

interface Document {
  _font?: object;
  _root?: { data?: { Names?: { data?: { Dests?: object } } } };
}

let hooked = false;

export function installDocumentHook(): void {
  if (hooked) return;
  requirePinned(PIN);
  hooked = true;
  const file = resolveChain(PIN.chains[0]!);
  const PDFKit = createRequire(file!)(file!) as { prototype: { font(...a: unknown[]): unknown } };
  const proto = PDFKit.prototype;
  const open = proto.font;
  let font = false;
  let tree = false;
  proto.font = function (this: Document, ...args: unknown[]) {
    const dests = this._root?.data?.Names?.data?.Dests;
    if (!tree && dests) {
      installNameTreeOrder(dests);
      tree = true;
    }
    const r = open.apply(this, args);
    if (!font && this._font && 'layoutRun' in this._font && 'font' in this._font) {
      installPlainLayout(Object.getPrototypeOf(this._font) as object);
      font = true;
    }
    if (font && tree) proto.font = open;
    return r;
  };
}
