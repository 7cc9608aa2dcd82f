/**
 * pdfkit lays out every piece of text it measures or draws through fontkit's OpenType shaping
 * (script detection, a shaping plan, GSUB and GPOS passes): most of pdfmake's layout time.
 * For text set in this project's faces shaping does nothing: the Fandol faces and the
 * fallback carry no feature that fontkit applies by default (only halt, vhal, cpct … which
 * nobody asks for), and Han, kana, Latin and their punctuation go through fontkit's default
 * shaper. Then each character becomes its cmap glyph with its own advance, which is what
 * `plainRun` builds directly. It declines (and fontkit shapes) whenever that might not hold:
 * a face with any default feature, a kern table or AAT tables; a character that is a mark,
 * default-ignorable, a variation selector, or of a script with its own shaper (Hangul,
 * Arabic, Indic …). test/compat/plain-layout.test.ts compares it with fontkit's layout glyph by
 * glyph for every character of every shipped face.
 */
import { UserError } from '../../diagnostics.js';
import { PIN } from './pin.js';

/** Features fontkit 2.0.4's default shaper applies without being asked (DefaultShaper). */
const DEFAULT_FEATURES = new Set([
  'rvrn',
  'ltra',
  'ltrm',
  'rtla',
  'rtlm',
  'frac',
  'numr',
  'dnom',
  'ccmp',
  'locl',
  'rlig',
  'mark',
  'mkmk',
  'calt',
  'clig',
  'liga',
  'rclt',
  'curs',
  'kern',
  'vert',
]);

export interface PlainGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

export interface PlainFont {
  /** 'TTF' for sfnt files and collections; WOFF tables are compressed and not read here. */
  type: string;
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  stream: { buffer: Uint8Array };
  glyphForCodePoint(codePoint: number): PlainGlyph;
}

export interface PlainPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** What pdfkit's EmbeddedFont.layoutRun returns and its callers read. */
export interface PlainRun {
  glyphs: PlainGlyph[];
  positions: PlainPosition[];
  advanceWidth: number;
}

const faces = new WeakMap<object, boolean>();

/**
 * The feature tags of a GSUB or GPOS table, read from its FeatureList (OpenType: the header's
 * third uint16 is the list's offset; then a count and 6-byte records, tag first) without
 * fontkit decoding the whole table; undefined when the table is malformed.
 */
function featureTags(font: PlainFont, tag: 'GSUB' | 'GPOS'): string[] | undefined {
  const entry = font.directory.tables[tag];
  if (!entry) return [];
  const b = font.stream.buffer;
  const u16 = (at: number): number => (b[at]! << 8) | b[at + 1]!;
  const end = entry.offset + entry.length;
  if (entry.length < 10 || end > b.length) return undefined;
  const list = entry.offset + u16(entry.offset + 6);
  if (list + 2 > end) return undefined;
  const count = u16(list);
  if (list + 2 + count * 6 > end) return undefined;
  const tags: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = list + 2 + i * 6;
    tags.push(String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!));
  }
  return tags;
}

/** Whether fontkit's shaping of this face leaves glyphs and advances as the cmap gives them. */
export function isPlainFace(font: PlainFont): boolean {
  let plain = faces.get(font);
  if (plain === undefined) {
    const tables = font.directory.tables;
    const gsub = font.type === 'TTF' ? featureTags(font, 'GSUB') : undefined;
    const gpos = font.type === 'TTF' ? featureTags(font, 'GPOS') : undefined;
    plain =
      font.type === 'TTF' &&
      gsub !== undefined &&
      gpos !== undefined &&
      !('morx' in tables) &&
      !('mort' in tables) &&
      !('kern' in tables) &&
      !('GDEF' in tables) &&
      ![...gsub, ...gpos].some((tag) => DEFAULT_FEATURES.has(tag));
    faces.set(font, plain);
  }
  return plain;
}

/**
 * Characters that fontkit's default shaper handles and that are neither marks nor
 * default-ignorable in any Unicode version: Latin, Greek, Cyrillic without combining marks,
 * general punctuation and symbols, CJK (without the combining tone and kana voicing marks)
 * and full-width forms. Hangul is left out: it has a shaper of its own.
 */
export function isPlainCodePoint(cp: number): boolean {
  if (cp < 0x3000) {
    return (
      (cp >= 0x20 && cp <= 0x7e) ||
      (cp >= 0xa0 && cp <= 0x2ff && cp !== 0xad) ||
      (cp >= 0x370 && cp <= 0x482) ||
      (cp >= 0x2000 && cp <= 0x200a) ||
      (cp >= 0x2010 && cp <= 0x2027) ||
      (cp >= 0x202f && cp <= 0x205f) ||
      (cp >= 0x2070 && cp <= 0x20cf) ||
      (cp >= 0x2100 && cp <= 0x2bff) ||
      cp >= 0x2e80
    );
  }
  if (cp <= 0xffff) {
    return (
      cp <= 0x3029 ||
      (cp >= 0x3030 && cp <= 0x3098) ||
      (cp >= 0x309b && cp <= 0x312f) ||
      (cp >= 0x3190 && cp <= 0x31ff) ||
      (cp >= 0x3220 && cp <= 0x325f) ||
      (cp >= 0x3280 && cp <= 0x9fff) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe10 && cp <= 0xfe19) ||
      (cp >= 0xfe30 && cp <= 0xfe6f) ||
      (cp >= 0xff01 && cp <= 0xff9f) ||
      (cp >= 0xffe0 && cp <= 0xffee)
    );
  }
  return (cp >= 0x20000 && cp <= 0x3134f) || (cp >= 0x2f800 && cp <= 0x2fa1f);
}

/**
 * A face's glyphs by code point. fontkit keeps one glyph object per glyph id, created with
 * the code point first asked for, so the same object comes back for a code point every time.
 */
const glyphs = new WeakMap<object, Map<number, PlainGlyph>>();

/**
 * The run fontkit's layout would give for `text`, scaled by `scale` as pdfkit scales it, or
 * undefined where shaping might change something. Glyphs are fetched in the order fontkit
 * fetches them (its glyph objects are cached with the code points they were first asked for,
 * which end up in the PDF's ToUnicode map), the space glyph last, as fontkit's hiding of
 * default-ignorables does.
 */
export function plainRun(font: PlainFont, text: string, scale: number): PlainRun | undefined {
  if (!isPlainFace(font)) return undefined;
  let byCodePoint = glyphs.get(font);
  if (!byCodePoint) glyphs.set(font, (byCodePoint = new Map()));
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    else if (cp >= 0xd800 && cp <= 0xdfff) return undefined;
    if (!isPlainCodePoint(cp)) return undefined;
  }
  const run: PlainGlyph[] = [];
  const positions: PlainPosition[] = [];
  let advanceWidth = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let glyph = byCodePoint.get(cp);
    if (!glyph) byCodePoint.set(cp, (glyph = font.glyphForCodePoint(cp)));
    const xAdvance = glyph.advanceWidth * scale;
    run.push(glyph);
    positions.push({ xAdvance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: glyph.advanceWidth * scale });
    advanceWidth += xAdvance;
  }
  if (run.length > 0 && !byCodePoint.has(0x20)) byCodePoint.set(0x20, font.glyphForCodePoint(0x20));
  return { glyphs: run, positions, advanceWidth };
}

interface EmbeddedFontProto {
  font: PlainFont;
  scale: number;
  layoutRun(text: string, features?: unknown): PlainRun;
}

const patched = new WeakSet<object>();

/**
 * Puts `plainRun` in front of pdfkit's EmbeddedFont.layoutRun, through which its measuring
 * (widthOfString) and its drawing (encode) both lay text out. Text with OpenType features
 * asked for explicitly is shaped as before.
 */
export function installPlainLayout(embeddedFontProto: object): void {
  const proto = embeddedFontProto as EmbeddedFontProto;
  if (patched.has(proto)) return;
  if (typeof proto.layoutRun !== 'function')
    throw new UserError(`pdfkit ${PIN.version} 的 EmbeddedFont.layoutRun 不见了：src/compat/pdfkit 需要按所装的版本重新核对`);
  patched.add(proto);
  const shaped = proto.layoutRun;
  proto.layoutRun = function (this: EmbeddedFontProto, text: string, features?: unknown): PlainRun {
    if (features == null) {
      const run = plainRun(this.font, text, this.scale);
      if (run) return run;
    }
    return shaped.call(this, text, features);
  };
}
