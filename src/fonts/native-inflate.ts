/**
 * fontkit, unicode-properties and pdfkit's line breaker unpack their Unicode tables at load
 * time with tiny-inflate, a DEFLATE decoder in plain JavaScript: about a third of loading
 * pdfkit and fontkit. Node's own zlib gives the same bytes some twenty times faster. This
 * puts a drop-in for tiny-inflate into the CommonJS module cache before fontkit is first
 * required; the tables, and so every output byte, stay the same (test/fonts/native-inflate.test.ts).
 */
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';

/** tiny-inflate's contract: raw DEFLATE `source` into `dest`, returning `dest`, cut to what was written. */
export function inflateInto(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const out = zlib.inflateRawSync(source);
  const n = Math.min(out.length, dest.length);
  dest.set(out.subarray(0, n));
  return n < dest.length ? dest.slice(0, n) : dest;
}

let installed = false;

/** Every tiny-inflate that fontkit or its Unicode tables would load, answered by zlib. */
export function installNativeInflate(appRequire: NodeJS.Require): void {
  if (installed) return;
  installed = true;
  /** The file that `ids[last]` resolves to, each id required from the file before it. */
  const chain = (ids: string[]): string | undefined => {
    let file: string | undefined;
    try {
      for (const id of ids) file = (file ? createRequire(file) : appRequire).resolve(id);
    } catch {
      return undefined;
    }
    return file;
  };
  const targets = new Set([
    chain(['fontkit', 'tiny-inflate']),
    chain(['fontkit', 'unicode-properties', 'unicode-trie', 'tiny-inflate']),
    chain(['pdfmake', 'pdfkit', 'linebreak', 'unicode-trie', 'tiny-inflate']),
  ]);
  for (const file of targets) {
    if (!file || path.basename(path.dirname(file)) !== 'tiny-inflate' || appRequire.cache[file]) continue;
    const m = new Module(file);
    m.filename = file;
    m.loaded = true;
    m.exports = inflateInto;
    appRequire.cache[file] = m;
  }
}
