/**
 * The tiny-inflate that fontkit's and pdfkit's Unicode tables load, answered by Node's zlib
 * (native-inflate.ts).
 */
import type { Pin } from '../pinned.js';

export const PIN: Pin = {
  name: 'tiny-inflate',
  version: '1.0.3',
  chains: [
    ['fontkit', 'tiny-inflate'],
    ['fontkit', 'unicode-properties', 'unicode-trie', 'tiny-inflate'],
    ['pdfmake', 'pdfkit', 'linebreak', 'unicode-trie', 'tiny-inflate'],
  ],
  folder: 'tiny-inflate',
};
