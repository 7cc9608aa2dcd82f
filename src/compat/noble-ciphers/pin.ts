/** The AES of @noble/ciphers that pdfkit requires for encrypted PDFs, loaded on first use (lazy-aes.ts). */
import type { Pin } from '../pinned.js';

export const PIN: Pin = {
  name: '@noble/ciphers',
  version: '1.3.0',
  chains: [['pdfmake', 'pdfkit', '@noble/ciphers/aes']],
  folder: 'noble-ciphers',
};
