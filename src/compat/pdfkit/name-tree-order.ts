/**
 * pdfkit sorts the keys of a PDF name tree (the named destinations the contents box and the
 * outline link to) with `localeCompare`: in the machine's locale, so a key order (and the
 * file's bytes) could differ between a Chinese and an English Windows, and ISO 32000-1 §7.9.6
 * asks for the keys "in lexical order", byte by byte. The keys bulletin makes are ASCII (sec-1,
 * item-12), so comparing code units is that order. Initialising ICU's collator for the first
 * comparison was also some 7 ms of every build.
 */
import { UserError } from '../../diagnostics.js';
import { byCodeUnits } from '../../text-order.js';
import { PIN } from './pin.js';

interface NameTree {
  _compareKeys(a: string, b: string): number;
}

let installed = false;

/** Installs the order on pdfkit's name tree class, reached through a document's Dests tree. */
export function installNameTreeOrder(tree: object): void {
  if (installed) return;
  const proto = Object.getPrototypeOf(tree) as NameTree;
  if (typeof proto._compareKeys !== 'function')
    throw new UserError(`pdfkit ${PIN.version} 的 PDFNameTree._compareKeys 不见了：src/compat/pdfkit 需要按所装的版本重新核对`);
  proto._compareKeys = byCodeUnits;
  installed = true;
}
