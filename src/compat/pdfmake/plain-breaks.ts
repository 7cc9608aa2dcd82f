/**
 * pdfmake splits every text into words with linebreak (UAX #14) to wrap it, and, where one
 * text follows another, splits both again to learn whether they join into one word
 * (TextBreaker.getBreaks). bulletin's texts are the pieces of lines already set
 * (render/pdf/draw-pages.ts): each `noWrap`, each but a line's last marked `noNewLine`. For
 * such texts getBreaks returns each piece as one word with the piece's own properties, and
 * the joining it works out only sets `noNewLine` where the piece already has it; this answers
 * that directly, so that no build loads linebreak (../linebreak/lazy-linebreak.ts). Any other
 * text goes to pdfmake's getBreaks (test/compat/plain-breaks.test.ts compares the two).
 */
import { createRequire } from 'node:module';
import { UserError } from '../../diagnostics.js';
import { requirePinned, resolveChain } from '../pinned.js';
import { PIN } from './pin.js';

type Item = Record<string, unknown>;
type StyleStack = unknown;

interface StyleContextStack {
  getStyleProperty(item: Item, stack: StyleStack, property: string, defaultValue: unknown): unknown;
  copyStyle(source?: Item, destination?: Item): Item;
}

interface TextBreakerProto {
  getBreaks(texts: unknown, stack: StyleStack): Item[];
}

/** Where the prototype keeps pdfmake's own getBreaks once this is installed (the tests compare the two). */
export const PDFMAKE_GET_BREAKS = Symbol.for('bulletin.plainBreaks');

/** Whether pdfmake would break none of `texts` and join nothing that is not joined already. */
function allPlacedPieces(texts: unknown[], stack: StyleStack, styles: StyleContextStack): texts is Item[] {
  return texts.every((t, i) => {
    if (t === null || typeof t !== 'object' || Array.isArray(t)) return false;
    const item = t as Item;
    if (typeof item.text !== 'string' || item._textRef) return false;
    if (styles.getStyleProperty(item, stack, 'wordBreak', 'normal') === 'break-all') return false;
    if (!styles.getStyleProperty(item, stack, 'noWrap', false)) return false;
    return i === texts.length - 1 || item.noNewLine === true;
  });
}

export function installPlainBreaks(): void {
  requirePinned(PIN);
  const require = createRequire(resolveChain(PIN.chains[0]!)!);
  const TextBreaker = (require('pdfmake/js/TextBreaker.js') as { default: { prototype: TextBreakerProto } }).default;
  const styles = (require('pdfmake/js/StyleContextStack.js') as { default: StyleContextStack }).default;
  const proto = TextBreaker.prototype as TextBreakerProto & { [PDFMAKE_GET_BREAKS]?: TextBreakerProto['getBreaks'] };
  if (proto[PDFMAKE_GET_BREAKS]) return;
  const getBreaks = proto.getBreaks;
  if (typeof getBreaks !== 'function' || typeof styles.copyStyle !== 'function' || typeof styles.getStyleProperty !== 'function')
    throw new UserError(`pdfmake ${PIN.version} 的 TextBreaker.getBreaks 不见了：src/compat/pdfmake 需要按所装的版本重新核对`);
  proto.getBreaks = function (this: TextBreakerProto, texts: unknown, stack: StyleStack): Item[] {
    const list = Array.isArray(texts) ? texts : [texts];
    if (!allPlacedPieces(list, stack, styles)) return getBreaks.call(this, texts, stack);
    // As getBreaks makes each word: the text, then the piece's other properties in order.
    return list.map((item) => styles.copyStyle(item, { text: item.text }));
  };
  proto[PDFMAKE_GET_BREAKS] = getBreaks;
}
