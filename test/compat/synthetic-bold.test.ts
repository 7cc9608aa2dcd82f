/**
 * Synthetic bold in pdfmake's Renderer (src/compat/pdfmake/synthetic-bold.ts), differentially:
 * the same document drawn with and without a piece marked `strokeWidth` shows the same text
 * at the same places; only the marked piece is filled and stroked (rendering mode 2) with a
 * line of that width, and the pieces around it are drawn as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { expect, test } from 'vitest';
import { runPdfmake } from '../../src/render/pdf/pdfmake-run.js';
import { FONTS_DIR } from '../../src/paths.js';
import { drawnText } from '../helpers/pdf-ops.js';
import { readPdf } from '../helpers/pdf-text.js';

const file = path.join(FONTS_DIR, 'FandolFang-Regular.otf');
const face = { id: 'synthetic-bold-test', key: 'fang', file, buffer: fs.readFileSync(file) };

function doc(stroke: number | undefined): TDocumentDefinitions {
  const piece = (text: string, x: number, strokeWidth?: number) => ({
    text: [{ text, font: 'fang', fontSize: 16, noWrap: true, ...(strokeWidth ? { strokeWidth } : {}) }],
    absolutePosition: { x, y: 100 },
  });
  return {
    pageSize: { width: 400, height: 300 },
    pageMargins: [0, 0, 0, 0],
    defaultStyle: { font: 'fang' },
    info: { creationDate: new Date('2024-04-24T00:00:00Z'), modDate: new Date('2024-04-24T00:00:00Z') } as TDocumentDefinitions['info'],
    content: [piece('一是', 50), piece('高校牵头。', 82, stroke), piece('联通协同节点', 162)],
  } as unknown as TDocumentDefinitions;
}

test('only the marked piece is stroked, with its width; text and positions are those of the plain document', async () => {
  const plain = await runPdfmake(doc(undefined), [face], new Set());
  const bold = await runPdfmake(doc(0.53), [face], new Set());
  const [a, b] = [await readPdf(plain), await readPdf(bold)];
  const items = (r: typeof a) =>
    r.pages.flatMap((p) => p.lines.flatMap((l) => l.items.map((i) => [i.text, i.x.toFixed(3), i.y.toFixed(3)])));
  expect(items(b)).toEqual(items(a));
  expect((await drawnText(plain)).map((d) => d.renderMode)).toEqual([0, 0, 0]);
  const drawn = await drawnText(bold);
  expect(drawn.map((d) => [d.text, d.renderMode])).toEqual([
    ['一是', 0],
    ['高校牵头。', 2],
    ['联通协同节点', 0],
  ]);
  expect(drawn[1]!.lineWidth).toBeCloseTo(0.53, 3);
});
