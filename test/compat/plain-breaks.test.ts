/**
 * pdfmake's word splitting answered without linebreak for the pieces of lines already set
 * (src/compat/pdfmake/plain-breaks.ts): for every such line the answer is pdfmake's own,
 * property for property and in the same order; texts pdfmake may wrap, or pieces not marked
 * as continuing, still go to pdfmake's getBreaks.
 */
import { createRequire } from 'node:module';
import { beforeAll, expect, test } from 'vitest';
import { PDFMAKE_GET_BREAKS } from '../../src/compat/pdfmake/plain-breaks.js';
import { loadPdfmake } from '../../src/render/pdf/pdfmake-run.js';

type Item = Record<string, unknown>;
interface Breaker {
  getBreaks(texts: unknown, stack?: unknown): Item[];
}

let breaker: Breaker;
let pdfmakeOwn: (texts: unknown, stack?: unknown) => Item[];

beforeAll(async () => {
  await loadPdfmake();
  const require = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const TextBreaker = (require('pdfmake/js/TextBreaker.js') as { default: new () => Breaker }).default;
  breaker = new TextBreaker();
  pdfmakeOwn = (TextBreaker.prototype as unknown as Record<symbol, typeof pdfmakeOwn>)[PDFMAKE_GET_BREAKS]!;
  expect(typeof pdfmakeOwn).toBe('function');
});

/** A line as render/pdf/draw-pages.ts gives it: pieces, each noWrap, each but the last noNewLine. */
function line(...pieces: Item[]): Item[] {
  return pieces.map((p, i) => ({ ...p, noWrap: true, ...(i < pieces.length - 1 ? { noNewLine: true } : {}) }));
}

const lines: Item[][] = [
  line({ text: '江西省高校与县域基础教育协同提质行动', font: 'title', fontSize: 22 }),
  line({ text: '一是', font: 'hei', fontSize: 16 }, { text: '强化组织领导，', font: 'fang', fontSize: 16, color: '#000000' }),
  line(
    { text: '（', font: 'fang', fontSize: 16 },
    { text: 'ABC ', font: 'fb', fontSize: 16 },
    { text: 'def）。', font: 'fang', fontSize: 16 },
  ),
  line({ text: '— 1 —', font: 'song', fontSize: 14, characterSpacing: 0.5 }),
  line({ text: '本期要目', font: 'hei', fontSize: 16, linkToDestination: 'item-3', strokeWidth: 0.3 }),
  line({ text: '', font: 'fang', fontSize: 16 }),
];

test('for the pieces of set lines, the answer is pdfmake getBreaks’ own, in the same property order', () => {
  for (const l of lines) {
    const ours = breaker.getBreaks(structuredClone(l));
    const theirs = pdfmakeOwn.call(breaker, structuredClone(l));
    expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
    expect(ours.map((w) => w.text)).toEqual(l.map((p) => p.text));
  }
  // One piece, not in an array.
  const one = { text: '南昌大学', noWrap: true, font: 'fang' };
  expect(JSON.stringify(breaker.getBreaks({ ...one }))).toBe(JSON.stringify(pdfmakeOwn.call(breaker, { ...one })));
});

test('text that pdfmake may wrap, or a piece not marked as continuing, goes to pdfmake and is split into words', () => {
  const wrapped = breaker.getBreaks([{ text: 'ab cd', font: 'fang' }]);
  expect(wrapped.map((w) => w.text)).toEqual(['ab ', 'cd']);
  const loose = [
    { text: 'ab', noWrap: true },
    { text: 'cd', noWrap: true },
  ];
  expect(JSON.stringify(breaker.getBreaks(structuredClone(loose)))).toBe(JSON.stringify(pdfmakeOwn.call(breaker, structuredClone(loose))));
  expect(breaker.getBreaks(structuredClone(loose))[0]!.noNewLine).toBe(true);
  const breakAll = [{ text: 'abc', noWrap: true, wordBreak: 'break-all' }];
  expect(JSON.stringify(breaker.getBreaks(structuredClone(breakAll)))).toBe(
    JSON.stringify(pdfmakeOwn.call(breaker, structuredClone(breakAll))),
  );
});
