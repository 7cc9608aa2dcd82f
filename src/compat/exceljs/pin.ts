/** The exceljs whose font writer index.ts puts in schema order (its loader checks this version too). */
import type { Pin } from '../pinned.js';
import { PINNED_EXCELJS } from './index.js';

export const PIN: Pin = { name: 'exceljs', version: PINNED_EXCELJS, chains: [['exceljs']], folder: 'exceljs' };
