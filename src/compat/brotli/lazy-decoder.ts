/**
 * fontkit requires brotli's decoder as it loads, though only a WOFF2 font needs it; loading it
 * unpacks brotli's dictionary, some 17 ms of every build and check. A stand-in (../stand-in.ts)
 * is the same function (`decompress(buffer, outSize)`, brotli/decompress.js's export) and loads
 * the decoder on its first call (test/compat/lazy-modules.test.ts).
 */
import { putStandIns } from '../stand-in.js';
import { PIN } from './pin.js';

type Decompress = (buffer: Uint8Array, outSize?: number) => Uint8Array;

/** Before fontkit is first required. */
export function installLazyBrotli(appRequire: NodeJS.Require): void {
  putStandIns(appRequire, PIN, (load) => (buffer: Uint8Array, outSize?: number) => (load() as Decompress)(buffer, outSize));
}
