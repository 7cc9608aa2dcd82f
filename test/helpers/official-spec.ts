/**
 * The official layout's numbers as the tests' oracle, typed from the project's spec
 * (shared/spec/official-format.md; section numbers below) — never read from src/layout/spec.ts,
 * so a wrong number in the code cannot pass as right. Points from millimetres: 72 / 25.4.
 */
export const MM = 72 / 25.4;

/** §1 Page and grid (standard; right/bottom derived). */
export const SPEC_PAGE = { widthMm: 210, heightMm: 297, topMm: 37, leftMm: 28, rightMm: 26, bottomMm: 35 } as const;
/** §1 The text block (版心): 156 × 225 mm = 442.2 × 637.8 pt. */
export const SPEC_BLOCK = { widthMm: 156, heightMm: 225, widthPt: 442.2, heightPt: 637.8 } as const;
/**
 * §1 22 lines of 28 characters. The pitch: "use an exact pitch ≤ 28.95 pt" (22 × 29 pt overflows);
 * a character cell is 442.2 / 28 ≈ 15.79 pt, less than a 16 pt glyph, tightened by about 0.2 pt.
 */
export const SPEC_GRID = { lines: 22, chars: 28, pitchPt: 28.95, cellPt: 442.2 / 28 } as const;
/** §1, §6, §7: body 三号 16 pt (tightened by about 0.2 pt to the cell); end block and page numbers 四号 14 pt. */
export const SPEC_SIZE = { bodyPt: 16, bodyTighteningPt: 0.25, endBlockPt: 14, pageNumberPt: 14 } as const;
/** §9 (GB/T 15834 §5.1): marks that never begin a line, and that never end one. */
export const SPEC_KINSOKU = { noLineStart: '。，、；：？！”’）】》」', noLineEnd: '“‘（【《「' } as const;
/** §3: a body paragraph's first line is indented 2 characters. */
export const SPEC_BODY_INDENT_CHARS = 2;
/** §7: `— 1 —`, 四号 14 pt, about 7 mm below the text block, 1 character in from the outer edge. */
export const SPEC_PAGE_NUMBER = { sizePt: 14, belowBlockMm: 7, indentChars: 1, format: (n: number): string => `— ${n} —` } as const;
