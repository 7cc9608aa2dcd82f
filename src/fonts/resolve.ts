/**
 * Which font file serves a role: the candidates of issue.fonts[role] in order. A candidate is
 * either a file (absolute, relative to the series root, or a bare name of a shipped font) or
 * an installed family name. A file that is named but missing is the user's mistake and stops
 * the build; a family name that is not installed simply lets the next candidate try.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SERIES_FILE } from '../config/series.js';
import { UserError } from '../diagnostics.js';
import { SHIPPED_FALLBACK_FONT } from '../layout/spec.js';
import type { FontRole, Issue } from '../model/types.js';
import { FONTS_DIR } from '../paths.js';
import { SystemFontIndex } from './system-fonts.js';

export type FontOrigin = 'shipped' | 'file' | 'system';

export interface ResolvedFont {
  /** Absolute path of the file. */
  file: string;
  /** Face of a collection (.ttc), by PostScript name. */
  postscriptName?: string;
  origin: FontOrigin;
  /** What the user configured: a file name or a family name. */
  candidate: string;
  /** Family names configured before this one that are not installed here. */
  notInstalled?: string[];
}

/** Role names as the user reads them in messages. */
export const ROLE_LABELS: Record<FontRole, string> = {
  title: '标题（小标宋）',
  body: '正文（仿宋）',
  hei: '黑体',
  kai: '楷体',
  song: '页码（宋体）',
};

const FONT_EXT = /\.(ttf|otf|ttc|otc)$/i;

function isFilePath(candidate: string): boolean {
  return FONT_EXT.test(candidate) || candidate.includes('/') || candidate.includes('\\');
}

function readable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export class FontResolver {
  private readonly cache = new Map<FontRole, ResolvedFont>();

  constructor(
    private readonly issue: Pick<Issue, 'fonts' | 'seriesRoot'>,
    private readonly system: SystemFontIndex = sharedIndex(),
  ) {}

  resolve(role: FontRole): ResolvedFont {
    let r = this.cache.get(role);
    if (!r) {
      r = this.lookUp(role);
      this.cache.set(role, r);
    }
    return r;
  }

  private lookUp(role: FontRole): ResolvedFont {
    const choice = this.issue.fonts[role];
    const tried: string[] = [];
    for (const candidate of choice.candidates) {
      if (isFilePath(candidate)) {
        const bare = !candidate.includes('/') && !candidate.includes('\\');
        const inSeries = path.resolve(this.issue.seriesRoot, candidate);
        const notInstalled = tried.length ? [...tried] : undefined;
        if (readable(inSeries)) return { file: inSeries, origin: 'file', candidate, notInstalled };
        const shipped = path.join(FONTS_DIR, candidate);
        if (bare && readable(shipped)) return { file: shipped, origin: 'shipped', candidate, notInstalled };
        throw UserError.at(
          SERIES_FILE,
          `${ROLE_LABELS[role]}字体文件“${candidate}”找不到或无法读取（查找位置：${inSeries}${bare ? `、${shipped}` : ''}）。请检查 bulletin.yaml 中 fonts.${role} 的设置`,
          { rule: 'font' },
        );
      }
      const face = this.system.find(candidate);
      if (face)
        return {
          file: face.file,
          postscriptName: face.postscriptName,
          origin: 'system',
          candidate,
          notInstalled: tried.length ? [...tried] : undefined,
        };
      tried.push(candidate);
    }
    const names = tried.map((t) => `“${t}”`).join('、');
    throw UserError.at(
      SERIES_FILE,
      tried.length > 0
        ? `${ROLE_LABELS[role]}没有可用的字体：${names}都没有安装。请安装字体，或在 bulletin.yaml 的 fonts.${role} 最后加上随附字体文件名`
        : `${ROLE_LABELS[role]}没有设置字体。请在 bulletin.yaml 的 fonts.${role} 中写上字体`,
      { rule: 'font' },
    );
  }

  fallback(): ResolvedFont {
    return { file: path.join(FONTS_DIR, SHIPPED_FALLBACK_FONT), origin: 'shipped', candidate: SHIPPED_FALLBACK_FONT };
  }

  /** `字体：正文（仿宋）→ FandolFang-Regular.otf（随附）` */

  /** The series folder, against which a configured font file is shown. */
  get seriesRoot(): string {
    return this.issue.seriesRoot;
  }
}

let index: SystemFontIndex | undefined;
function sharedIndex(): SystemFontIndex {
  index ??= new SystemFontIndex();
  return index;
}
