/**
 * The named destinations of a PDF (what the contents box and the outline link to) are written
 * in the byte order ISO 32000-1 §7.9.6 asks for, on every machine: pdfkit's own order was the
 * machine's locale (src/compat/pdfkit/name-tree-order.ts).
 */
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { loadPdfmake } from '../../src/render/pdf/pdfmake-run.js';

const require = createRequire(import.meta.url);
const pdfkitFile = createRequire(require.resolve('pdfmake')).resolve('pdfkit');

test('a name tree lists its keys by their bytes, not by the locale', async () => {
  await loadPdfmake();
  const PDFKit = require(pdfkitFile) as new () => { _root: { data: { Names: { data: { Dests: any } } } }; end(): void };
  const doc = new PDFKit(); // its first font() installs the order
  const tree = doc._root.data.Names.data.Dests;
  // By bytes: B (0x42) < _ (0x5f) < a (0x61); by an English or Chinese locale: _x, a-1, B-1.
  for (const key of ['a-1', 'B-1', '_x', 'item-10', 'item-2']) tree.add(key, 1);
  const names = /\/Names \[([^\]]*)\]/.exec(String(tree.toString()))![1]!;
  const keys = [...names.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]);
  expect(keys).toEqual(['B-1', '_x', 'a-1', 'item-10', 'item-2']);
  doc.end();
});
