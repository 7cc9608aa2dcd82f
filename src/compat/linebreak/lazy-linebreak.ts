/**
 * pdfmake and pdfkit require linebreak as they load, and linebreak builds its Unicode line
 * breaking table (a compressed trie) as it loads: some 7 ms of every build. bulletin's pages
 * reach pdfmake with every line already set (render/pdf/draw-pages.ts), and pdfmake's word
 * splitting is answered without it (../pdfmake/plain-breaks.ts), so a build never breaks a
 * line with it. A stand-in (../stand-in.ts) constructs the real LineBreaker on first use
 * (test/compat/lazy-modules.test.ts).
 */
import { putStandIns } from '../stand-in.js';
import { PIN } from './pin.js';

type Breaker = new (text: string) => object;

/** Before pdfmake is first required. */
export function installLazyLinebreak(appRequire: NodeJS.Require): void {
  // Both libraries only construct it (`new LineBreaker(text)`); a constructor that returns an
  // object gives `new` that object.
  putStandIns(
    appRequire,
    PIN,
    (load) =>
      function LineBreaker(text: string): object {
        return new (load() as Breaker)(text);
      },
  );
}
