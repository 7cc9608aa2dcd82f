/** The Unicode line breaker that pdfmake and pdfkit require as they load, loaded on first use (lazy-linebreak.ts). */
import type { Pin } from '../pinned.js';

export const PIN: Pin = {
  name: 'linebreak',
  version: '1.1.0',
  chains: [
    ['pdfmake', 'linebreak'],
    ['pdfmake', 'pdfkit', 'linebreak'],
  ],
  folder: 'linebreak',
};
