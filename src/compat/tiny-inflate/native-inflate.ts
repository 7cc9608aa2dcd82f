/**
 * fontkit, unicode-properties and pdfkit's line breaker unpack their Unicode tables at load
 * time with tiny-inflate, a DEFLATE decoder in plain JavaScript: about a third of loading
 * pdfkit and fontkit. Node's own zlib gives the same bytes some twenty times faster. This
 * puts a drop-in for tiny-inflate into the CommonJS module cache before fontkit is first
 * required; the tables, and so every output byte, stay the same
 * (test/compat/native-inflate.test.ts).
 */
import Module from 'node:module';
import zlib from 'node:zlib';
import { requirePinned, resolveChain } from '../pinned.js';
import { PIN } from './pin.js';

/** tiny-inflate's contract: raw DEFLATE `source` into `dest`, returning `dest`, cut to what was written. */
export function inflateInto(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const out = zlib.inflateRawSync(source);
  const n = Math.min(out.length, dest.length);
  dest.set(out.subarray(0, n));
  return n < dest.length ? dest.slice(0, n) : dest;
}

let installed = false;

/**
 * Every tiny-inflate that fontkit or its Unicode tables would load, answered by zlib. Before
 * fontkit is first required: the module cache is read when a module is required. `appRequire`
 * is the app's require, whose cache is the one every CommonJS module shares.
 */
export function installNativeInflate(appRequire: NodeJS.Require): void {
  if (installed) return;
  requirePinned(PIN);
  installed = true;
  for (const file of new Set(PIN.chains.map(resolveChain))) {
    if (!file || appRequire.cache[file]) continue;
    const m = new Module(file);
    m.filename = file;
    m.loaded = true;
    m.exports = inflateInto;
    appRequire.cache[file] = m;
  }
}
