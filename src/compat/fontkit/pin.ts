/**
 * The fontkit the app and pdfkit load (one module): fonts over the same bytes share their
 * tables (shared-tables.ts), the CFF subsetter scans subroutines instead of drawing glyphs
 * (cff-subset.ts).
 */
import type { Pin } from '../pinned.js';

export const PIN: Pin = { name: 'fontkit', version: '2.0.4', chains: [['fontkit'], ['pdfmake', 'pdfkit', 'fontkit']], folder: 'fontkit' };
