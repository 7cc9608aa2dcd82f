/**
 * fontkit requires brotli's decoder as it loads, though only a WOFF2 font needs it; loading it
 * unpacks brotli's dictionary, some 17 ms of every build and check. This puts a stand-in into
 * the CommonJS module cache before fontkit is first required: the same function
 * (`decompress(buffer, outSize)`, brotli/decompress.js's export), which loads the decoder on
 * its first call and hands over (test/compat/lazy-brotli.test.ts).
 */
import Module from 'node:module';
import { requirePinned, resolveChain } from '../pinned.js';
import { PIN } from './pin.js';

type Decompress = (buffer: Uint8Array, outSize?: number) => Uint8Array;

let installed = false;

/** Before fontkit is first required; `appRequire`'s cache is the one every CommonJS module shares. */
export function installLazyBrotli(appRequire: NodeJS.Require): void {
  if (installed) return;
  requirePinned(PIN);
  installed = true;
  for (const file of new Set(PIN.chains.map(resolveChain))) {
    if (!file || appRequire.cache[file]) continue;
    let real: Decompress | undefined;
    const m = new Module(file);
    m.filename = file;
    m.loaded = true;
    m.exports = function decompress(buffer: Uint8Array, outSize?: number): Uint8Array {
      if (!real) {
        // The stand-in leaves the cache so that the real module loads in its place.
        if (appRequire.cache[file] === m) delete appRequire.cache[file];
        real = appRequire(file) as Decompress;
      }
      return real(buffer, outSize);
    };
    appRequire.cache[file] = m;
  }
}
