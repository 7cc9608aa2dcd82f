/**
 * The brotli decoder fontkit requires for WOFF2 fonts, loaded when the first one is read
 * (lazy-decoder.ts).
 */
import type { Pin } from '../pinned.js';

export const PIN: Pin = {
  name: 'brotli',
  version: '1.3.3',
  chains: [
    ['fontkit', 'brotli/decompress.js'],
    ['pdfmake', 'pdfkit', 'fontkit', 'brotli/decompress.js'],
  ],
  folder: 'brotli',
};
