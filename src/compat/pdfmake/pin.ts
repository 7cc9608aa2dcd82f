/** The pdfmake whose Renderer draws emboldened pieces (synthetic-bold.ts). */
import type { Pin } from '../pinned.js';

export const PIN: Pin = { name: 'pdfmake', version: '0.3.11', chains: [['pdfmake']], folder: 'pdfmake' };
