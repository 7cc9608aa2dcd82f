/**
 * A CommonJS module loaded on its first use instead of when the library that requires it
 * loads: a stand-in is put into the module cache under the module's resolved file before that
 * library is first required. It loads the real module when first called (leaving the cache so
 * that the real one loads in its place), and behaves as it from then on.
 */
import Module from 'node:module';
import { type Pin, requirePinned, resolveChain } from './pinned.js';

/**
 * Puts the stand-in `make(load)` in the cache for `file`; `load()` returns the real module's
 * exports. `appRequire`'s cache is the one every CommonJS module shares.
 */
export function putStandIn(appRequire: NodeJS.Require, file: string, make: (load: () => unknown) => unknown): void {
  if (appRequire.cache[file]) return;
  const m = new Module(file);
  let real: unknown;
  let loaded = false;
  const load = (): unknown => {
    if (!loaded) {
      if (appRequire.cache[file] === m) delete appRequire.cache[file];
      real = appRequire(file);
      loaded = true;
    }
    return real;
  };
  m.filename = file;
  m.loaded = true;
  m.exports = make(load);
  appRequire.cache[file] = m;
}

/**
 * A stand-in for every copy of a pinned module that the pin's chains reach (each copy once),
 * after checking that they are the pinned version.
 */
export function putStandIns(appRequire: NodeJS.Require, pin: Pin, make: (load: () => unknown) => unknown): void {
  requirePinned(pin);
  for (const file of new Set(pin.chains.map(resolveChain))) if (file) putStandIn(appRequire, file, make);
}
