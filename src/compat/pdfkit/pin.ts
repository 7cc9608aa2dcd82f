/**
 * The pdfkit that pdfmake loads, whose embedded fonts lay text out without shaping where
 * shaping changes nothing (plain-layout.ts).
 */
import type { Pin } from '../pinned.js';

export const PIN: Pin = { name: 'pdfkit', version: '0.19.1', chains: [['pdfmake', 'pdfkit']], folder: 'pdfkit' };
