/**
 * The faces a PDF uses, loaded on first use only: an issue without 楷体 text never reads the
 * 楷体 file, and pdfmake is told only about faces that some text asked for. Loaded faces stay
 * cached for the process (tests and benchmarks render several issues).
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError, type Diagnostic } from '../diagnostics.js';
import { FileRefused } from '../sources/user-file.js';
import { closeFontFile, openFontFile } from './font-file.js';
import { openFace, type FontkitFont } from './fontkit.js';
import { ROLE_LABELS, type FontResolver, type ResolvedFont } from './resolve.js';
import type { FontRole } from '../model/types.js';
import type { OnProgress } from '../progress.js';
import { byCodeUnits } from '../text-order.js';

export interface Face {
  /** pdfmake family name of this face. */
  key: string;
  file: string;
  postscriptName?: string;
  /** Line box of pdfkit, (ascent − descent) / em: inline height = lineEm × size × lineHeight. */
  lineEm: number;
  /** The face's ascent in em: a PDF writer puts the baseline this far below the text's top. */
  ascentEm: number;
  covers(codePoint: number): boolean;
  /** Advance width in em. */
  advance(codePoint: number): number;
}

const UNKNOWN = 0;
const HAS = 1;
const LACKS = 2;

class LoadedFace implements Face {
  readonly lineEm: number;
  readonly ascentEm: number;
  private readonly coverage = new Uint8Array(0x110000);
  private readonly widths = new Map<number, number>();

  constructor(
    /** Unique per file version, for caches outside this module. */
    readonly id: string,
    readonly key: string,
    readonly file: string,
    readonly postscriptName: string | undefined,
    readonly buffer: Buffer,
    private readonly face: FontkitFont,
  ) {
    this.lineEm = (face.ascent - face.descent) / face.unitsPerEm;
    this.ascentEm = face.ascent / face.unitsPerEm;
  }

  covers(cp: number): boolean {
    let c = this.coverage[cp];
    if (c === UNKNOWN) {
      c = this.face.hasGlyphForCodePoint(cp) ? HAS : LACKS;
      this.coverage[cp] = c;
    }
    return c === HAS;
  }

  advance(cp: number): number {
    let w = this.widths.get(cp);
    if (w === undefined) {
      w = this.face.glyphForCodePoint(cp).advanceWidth / this.face.unitsPerEm;
      this.widths.set(cp, w);
    }
    return w;
  }
}

/** The largest CJK collections (.ttc) are some 100 MB; beyond this it is no font. */
const MAX_FONT_BYTES = 512 * 1024 * 1024;

const loaded = new Map<string, LoadedFace>();
/** The version of each font file (and face) loaded last: an older one is let go when the file changes. */
const current = new Map<string, string>();

/** `what` names the role in messages, e.g. 正文（仿宋）. */
function load(r: ResolvedFont, what: string): LoadedFace {
  const id = `${r.file}#${r.postscriptName ?? ''}`;
  let st: fs.Stats;
  try {
    st = fs.statSync(r.file);
  } catch {
    throw UserError.at(r.file, `无法读取（${what}字体文件）。请检查 bulletin.yaml 中的 fonts 设置`);
  }
  const cacheKey = `${id}@${st.size}:${st.mtimeMs}`;
  let face = loaded.get(cacheKey);
  if (face) return face;
  let buffer: Buffer;
  try {
    buffer = openFontFile(r.file, {
      shown: r.file,
      maxBytes: MAX_FONT_BYTES,
      what: '字体文件',
      tooLargeHint: '请检查 bulletin.yaml 中的 fonts 设置',
    });
  } catch (e) {
    if (e instanceof FileRefused) throw new UserError(`${what}字体文件“${r.file}”：${e.detail}。请检查 bulletin.yaml 中的 fonts 设置`);
    throw e;
  }
  let fk: FontkitFont | undefined;
  try {
    fk = openFace(buffer, r.postscriptName);
  } catch {
    fk = undefined;
  }
  if (!fk || !fk.unitsPerEm)
    throw UserError.at(
      r.file,
      `不是可用的${what}字体文件（应为 TrueType/OpenType，如 .ttf、.otf、.ttc）。请检查 bulletin.yaml 中的 fonts 设置`,
    );
  // A stable key from the file name keeps two builds byte-identical and readable in pdffonts.
  const key = `${path.basename(r.file).replace(/[^\w.-]/g, '_')}${r.postscriptName ? `#${r.postscriptName}` : ''}`;
  face = new LoadedFace(cacheKey, key, r.file, r.postscriptName, buffer, fk);
  loaded.set(cacheKey, face);
  // The file changed (a long preview session): the face of its old version is not used again,
  // and its descriptor is closed.
  const before = current.get(id);
  if (before !== undefined && before !== cacheKey) {
    const old = loaded.get(before);
    loaded.delete(before);
    if (old) closeFontFile(old.buffer);
  }
  current.set(id, cacheKey);
  return face;
}

export class Faces {
  /** Characters no font has, one per character and place (see fallback.ts). */
  readonly missing = new Map<string, Diagnostic>();
  private readonly byRole = new Map<FontRole, LoadedFace>();
  private fallbackFace: LoadedFace | undefined;
  private readonly used = new Map<string, LoadedFace>();

  constructor(
    private readonly resolver: FontResolver,
    private readonly progress: OnProgress,
  ) {}

  role(role: FontRole): Face {
    let f = this.byRole.get(role);
    if (!f) {
      const r = this.resolver.resolve(role);
      f = load(r, ROLE_LABELS[role]);
      this.byRole.set(role, f);
      this.progress({ kind: 'font', role, font: r, seriesRoot: this.resolver.seriesRoot });
    }
    return f;
  }

  fallback(): Face {
    if (!this.fallbackFace) {
      const r = this.resolver.fallback();
      this.fallbackFace = load(r, '缺字补充');
    }
    return this.fallbackFace;
  }

  reportMissing(d: Diagnostic): void {
    const key = `${d.message}@${d.file}:${d.line}`;
    if (!this.missing.has(key)) this.missing.set(key, d);
  }

  /** Records that text is set in this face, so that it is registered with pdfmake. */
  use(face: Face): string {
    if (!this.used.has(face.key)) {
      const f = [...this.byRole.values(), this.fallbackFace].find((x) => x?.key === face.key);
      if (f) {
        this.used.set(face.key, f);
        if (f === this.fallbackFace)
          this.progress({ kind: 'font', role: 'fallback', font: this.resolver.fallback(), seriesRoot: this.resolver.seriesRoot });
      }
    }
    return face.key;
  }

  /** The faces some text used, with their bytes, for pdfmake's font table. */
  usedFaces(): Array<{ id: string; key: string; file: string; postscriptName?: string; buffer: Buffer }> {
    return [...this.used.values()].sort((a, b) => byCodeUnits(a.key, b.key));
  }
}
