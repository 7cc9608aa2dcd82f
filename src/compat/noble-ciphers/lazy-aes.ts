/**
 * pdfkit requires @noble/ciphers' AES as it loads, for encrypted PDFs only (bulletin writes
 * none); loading it builds AES's tables, some 10 ms of every build. A stand-in (../stand-in.ts)
 * answers every member of the module by loading it then (test/compat/lazy-modules.test.ts).
 */
import { putStandIns } from '../stand-in.js';
import { PIN } from './pin.js';

/** Before pdfkit is first required. */
export function installLazyAes(appRequire: NodeJS.Require): void {
  putStandIns(
    appRequire,
    PIN,
    (load) =>
      new Proxy(
        {},
        {
          get: (_, key) => (load() as Record<PropertyKey, unknown>)[key],
          has: (_, key) => key in (load() as object),
          ownKeys: () => Reflect.ownKeys(load() as object),
          getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(load() as object, key),
        },
      ),
  );
}
