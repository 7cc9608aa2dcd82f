/** Every pinned library whose internals src/compat touches (test/compat/pins.test.ts checks them all). */
import { PIN as BROTLI } from './brotli/pin.js';
import { PIN as DOCX } from './docx/pin.js';
import { PIN as EXCELJS } from './exceljs/pin.js';
import { PIN as FONTKIT } from './fontkit/pin.js';
import { PIN as LINEBREAK } from './linebreak/pin.js';
import { PIN as NOBLE_CIPHERS } from './noble-ciphers/pin.js';
import { PIN as PDFKIT } from './pdfkit/pin.js';
import { PIN as PDFMAKE } from './pdfmake/pin.js';
import { PIN as TINY_INFLATE } from './tiny-inflate/pin.js';
import type { Pin } from './pinned.js';

export const PINS: readonly Pin[] = [PDFMAKE, PDFKIT, FONTKIT, BROTLI, NOBLE_CIPHERS, TINY_INFLATE, LINEBREAK, DOCX, EXCELJS];
