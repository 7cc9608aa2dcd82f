/** The docx whose compiler hands over the package's files before zipping (package-files.ts). */
import type { Pin } from '../pinned.js';

export const PIN: Pin = { name: 'docx', version: '9.15.2', chains: [['docx']], folder: 'docx' };
