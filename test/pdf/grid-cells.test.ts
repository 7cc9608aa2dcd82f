/**
 * The print's lines, glyph by glyph, held against the spec (official-format.md §1, §9, §11)
 * for 第9期, the mixed fixture and the news fixture (dates, counts, quoted titles):
 * - every full line of all-CJK body text holds its characters one to a cell, 28 cells from
 *   the block's left edge (26 after a first-line indent), a closing mark hung in the 29th;
 *   a line ends early only where what follows could not end it (an opening mark, a number
 *   with its unit, a dash or ellipsis, marks that cannot all hang), its cells kept;
 * - no number is split, no line starts with a mark that may not begin one nor ends with one
 *   that may not end one, —— and …… stay whole;
 * - where hanzi meet digits or Latin letters no space is added: the gaps of a line are all
 *   alike.
 * The geometry is the spec's: A4, margins 37 mm (top) and 28 mm (left), a 156 × 225 mm block
 * of 22 lines of 28 characters. Glyphs are read back with pdfminer.
 */
import { beforeAll, describe, expect } from 'vitest';
import type { Block, Issue } from '../../src/model/types.js';
import { needs } from '../helpers/clients.js';
import { SPEC_SIZE } from '../helpers/official-spec.js';
import { readGlyphs, type Glyph, type GlyphLine, type GlyphPage } from '../helpers/pdf-glyphs.js';
import { renderPdf } from '../helpers/render-format.js';
import { FIXTURES, requireModel, SAMPLE } from '../helpers/series.js';

const MM = 72 / 25.4;
const LEFT = 28 * MM;
const TOP = 37 * MM;
const BLOCK_W = 156 * MM;
const BLOCK_H = 225 * MM;
const CHARS = 28;
const LINES = 22;
const CELL = BLOCK_W / CHARS;
const PITCH = BLOCK_H / LINES;
/** Placement tolerance: a hundredth of a cell. */
const TOL = 0.16;

const NO_START = new Set(Array.from('。，、；：？！”’）】》」'));
const NO_END = new Set(Array.from('“‘（【《「'));
const CLOSING = new Set(Array.from('。，、；：？！”’）】》」』〕〗〉'));
const fullWidth = (ch: string): boolean => ch.codePointAt(0)! >= 0x2e80 || '“”‘’—…·★●'.includes(ch);
const digit = (ch: string | undefined): boolean => ch !== undefined && /[0-9]/.test(ch);
const han = (ch: string | undefined): boolean => ch !== undefined && /\p{Script=Han}/u.test(ch);

function blockTexts(b: Block): string[] {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return [b.runs.map((r) => r.text).join('')];
    case 'list':
      return b.items.flatMap((i) => i.flatMap(blockTexts));
    default:
      return [];
  }
}

/** The body paragraphs of the model as printed (a news item's lead runs into its first paragraph). */
function paragraphs(issue: Issue): string[] {
  const out: string[] = [];
  if (issue.note) {
    const [first, ...rest] = issue.note.blocks.flatMap(blockTexts);
    out.push(issue.note.runIn ? `${issue.note.title}：${first ?? ''}` : (first ?? ''), ...rest);
  }
  for (const s of issue.sections) {
    for (const e of s.entries) {
      if (e.kind === 'news') {
        const [first, ...rest] = e.body.flatMap(blockTexts);
        out.push(`★${e.lead.map((r) => r.text).join('')}${first ?? ''}`, ...rest);
      } else out.push(...e.blocks.flatMap(blockTexts));
    }
  }
  return out.map((t) => t.replace(/[ \t\n]/g, ''));
}

/**
 * Lines of 三号 body paragraphs (set one cell wide) inside the text block, in reading order
 * across pages: lines whose text is part of a paragraph of the model.
 */
function bodyLines(pages: GlyphPage[], paras: string[]): Array<GlyphLine & { page: number }> {
  return pages.flatMap((p) =>
    p.lines
      .map((l) => ({ ...l, text: l.text.replace(/[ \t\n]/g, ''), glyphs: l.glyphs.filter((g) => !/^[ \t\n]$/.test(g.ch)), page: p.number }))
      .filter((l) => l.y > TOP && l.y < TOP + BLOCK_H && l.glyphs.every((g) => g.size > CELL - 0.1 && g.size < 16.01))
      .filter((l) => l.text !== '' && paras.some((para) => para.includes(l.text))),
  );
}

interface Pair {
  a: GlyphLine & { page: number };
  b: GlyphLine & { page: number };
}

/** Consecutive lines of one paragraph: a directly above b (or b at the top of the next page), their texts adjacent in it. */
function continuations(lines: Array<GlyphLine & { page: number }>, paras: string[]): Pair[] {
  const out: Pair[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    const next = b.page === a.page ? Math.abs(b.y - a.y - PITCH) < 0.2 : b.page === a.page + 1;
    if (next && paras.some((p) => p.includes(a.text + b.text))) out.push({ a, b });
  }
  return out;
}

/** Why a full line may end before its last cell: what opens the next line could not end this one. */
function shortReason(next: string): string | undefined {
  const [c0, c1, c2] = Array.from(next);
  if (NO_END.has(c0!)) return 'opening mark';
  if (/[0-9A-Za-z]/.test(c0!)) return 'number or Latin word';
  if (c1 === '—' || c1 === '…') return 'dash or ellipsis';
  if (CLOSING.has(c1!) && CLOSING.has(c2!)) return 'marks that cannot all hang';
  return undefined;
}

interface Findings {
  full: number;
  twentyEight: number;
  short: Record<string, number>;
  problems: string[];
  checkedPairs: number;
  mixed: number;
}

function inspect(pages: GlyphPage[], issue: Issue): Findings {
  const paras = paragraphs(issue);
  const lines = bodyLines(pages, paras);
  const pairs = continuations(lines, paras);
  const f: Findings = { full: 0, twentyEight: 0, short: {}, problems: [], checkedPairs: pairs.length, mixed: 0 };
  const cellOf = (g: Glyph): number => (g.x - LEFT) / CELL;
  for (const { a, b } of pairs) {
    const at = `p${a.page} “${a.text}” / “${b.text}”`;
    const aChars = Array.from(a.text);
    const bChars = Array.from(b.text);
    // §9: forbidden starts and ends, dashes and ellipses whole; §11: numbers whole, with their unit.
    if (NO_START.has(bChars[0]!)) f.problems.push(`starts with ${bChars[0]}: ${at}`);
    if (NO_END.has(aChars.at(-1)!)) f.problems.push(`ends with ${aChars.at(-1)}: ${at}`);
    if ((aChars.at(-1) === '—' && bChars[0] === '—') || (aChars.at(-1) === '…' && bChars[0] === '…'))
      f.problems.push(`dash or ellipsis split: ${at}`);
    if (digit(aChars.at(-1)) && (digit(bChars[0]) || han(bChars[0]))) f.problems.push(`number split: ${at}`);
    if (!aChars.every(fullWidth)) {
      f.mixed++;
      continue;
    }
    // A full all-CJK line: every glyph in its cell.
    f.full++;
    const first = Math.round(cellOf(a.glyphs[0]!));
    let cell = first;
    a.glyphs.forEach((g, i) => {
      const expected = LEFT + cell * CELL;
      // The second of two hung marks follows the first's half cell.
      const hungPair = cell >= CHARS && i === a.glyphs.length - 1 && a.glyphs.length - 1 - (CHARS - first) === 1;
      if (hungPair) expected !== 0 && Math.abs(g.x - (expected - CELL / 2)) > TOL && f.problems.push(`hung mark off its place: ${at}`);
      else if (Math.abs(g.x - expected) > TOL)
        f.problems.push(`“${g.ch}” at ${g.x.toFixed(2)} pt, its cell starts at ${expected.toFixed(2)}: ${at}`);
      cell++;
    });
    const cells = a.glyphs.length;
    const end = first + cells;
    if (end > CHARS) {
      const hung = a.glyphs.slice(CHARS - first);
      if (hung.length > 2 || !hung.every((g) => CLOSING.has(g.ch))) f.problems.push(`past the last cell: ${at}`);
      else f.twentyEight++;
    } else if (end === CHARS) f.twentyEight++;
    else {
      const why = shortReason(b.text);
      if (!why) f.problems.push(`ends at cell ${end} of ${CHARS} for no reason: ${at}`);
      else f.short[why] = (f.short[why] ?? 0) + 1;
    }
  }
  // §11: no space where hanzi meet digits or Latin: a line's gaps between glyphs are all alike
  // (marks hung past the block aside: two of them share a cell there).
  for (const l of lines) {
    const inside = l.glyphs.filter((g) => g.x < LEFT + BLOCK_W - TOL);
    const gaps = inside.slice(1).map((g, i) => g.x - (inside[i]!.x + inside[i]!.width));
    if (gaps.length > 1 && Math.max(...gaps) - Math.min(...gaps) > 0.05) {
      const i = gaps.indexOf(Math.max(...gaps));
      f.problems.push(`uneven gap (${gaps[i]!.toFixed(2)} pt) at “${inside[i]!.ch}${inside[i + 1]!.ch}”: p${l.page} “${l.text}”`);
    }
  }
  return f;
}

/** Name, series, issue, and how many line pairs and full all-CJK lines it has at least (so no check passes empty). */
const CASES: Array<[string, string, string | undefined, { pairs: number; full: number }]> = [
  ['第9期', SAMPLE, '9', { pairs: 120, full: 100 }],
  ['mixed', `${FIXTURES}/mixed`, undefined, { pairs: 12, full: 10 }],
  ['news', `${FIXTURES}/news`, undefined, { pairs: 60, full: 15 }],
];

const pdfminer = needs('pdfminer');
const results = new Map<string, { pages: GlyphPage[]; issue: Issue }>();

beforeAll(async () => {
  if (pdfminer.missing) return;
  for (const [name, dir, arg] of CASES) {
    const issue = requireModel(dir, arg);
    const { bytes } = await renderPdf(issue, { log: () => undefined });
    results.set(name, { pages: readGlyphs(bytes), issue });
  }
}, 120_000);

describe.each(CASES)('%s: the print on the spec’s grid', (name, _dir, _arg, least) => {
  pdfminer.it(
    'every full all-CJK body line: one character a cell, 28 cells, a closing mark hung in the 29th; no number split, no forbidden line start or end, no space at hanzi–digit',
    (ctx) => {
      const { pages, issue } = results.get(name)!;
      const f = inspect(pages, issue);
      void ctx.annotate(
        `line pairs ${f.checkedPairs}; full all-CJK lines ${f.full}, of them 28 characters ${f.twentyEight} (${((100 * f.twentyEight) / f.full).toFixed(1)} %); ended early: ${JSON.stringify(f.short)}; mixed lines ${f.mixed}; ${pages.length} pages`,
      );
      expect(f.checkedPairs).toBeGreaterThanOrEqual(least.pairs);
      expect(f.full).toBeGreaterThanOrEqual(least.full);
      expect(f.problems).toEqual([]);
    },
  );

  pdfminer.it('body text is 三号, 16 pt glyphs tightened to the cell (spec §1), not shrunk to it', () => {
    const { pages, issue } = results.get(name)!;
    const glyphs = bodyLines(pages, paragraphs(issue)).flatMap((l) => l.glyphs);
    expect(glyphs.length).toBeGreaterThan(100);
    const sizes = new Set(glyphs.map((g) => g.size.toFixed(2)));
    expect([...sizes]).toEqual([SPEC_SIZE.bodyPt.toFixed(2)]);
  });

  pdfminer.it('page geometry: A4, the body inside the 156 × 225 mm block, 22 lines at most, one pitch apart', () => {
    const { pages, issue } = results.get(name)!;
    for (const p of pages) {
      const lines = bodyLines([p], paragraphs(issue));
      expect(lines.length).toBeLessThanOrEqual(LINES);
      for (const l of lines) {
        expect(l.glyphs[0]!.x).toBeGreaterThan(LEFT - TOL);
        // A closing mark may hang one cell past the block.
        expect(l.glyphs.at(-1)!.x).toBeLessThan(LEFT + BLOCK_W + CELL - TOL);
      }
      for (let i = 1; i < lines.length; i++) {
        const steps = (lines[i]!.y - lines[i - 1]!.y) / PITCH;
        expect(Math.abs(steps - Math.round(steps)), `${lines[i - 1]!.text} / ${lines[i]!.text}`).toBeLessThan(0.02);
      }
    }
  });
});
