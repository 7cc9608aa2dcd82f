/**
 * Font resolution per role: shipped file names, files in the series, installed family names
 * (read from the fonts' name tables), and clear errors for missing files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { UserError } from '../../src/diagnostics.js';
import { FontResolver } from '../../src/fonts/resolve.js';
import { readFaceNames } from '../../src/fonts/sfnt-names.js';
import { SystemFontIndex } from '../../src/fonts/system-fonts.js';
import { SHIPPED_FONTS } from '../../src/layout/spec.js';
import type { FontChoice, FontRole } from '../../src/model/types.js';
import { FONTS_DIR } from '../../src/paths.js';
import { tempDir } from '../helpers/series.js';
import { progressText } from '../../src/cli/report.js';

function fontsWith(role: FontRole, candidates: string[]): Record<FontRole, FontChoice> {
  const out = {} as Record<FontRole, FontChoice>;
  for (const r of Object.keys(SHIPPED_FONTS) as FontRole[]) out[r] = { officialName: r, candidates: [SHIPPED_FONTS[r]] };
  out[role] = { officialName: role, candidates };
  return out;
}

/** A font folder holding one copy of FandolKai, as an installed font would be. */
function installedKai(): SystemFontIndex {
  const dir = tempDir();
  fs.copyFileSync(path.join(FONTS_DIR, 'FandolKai-Regular.otf'), path.join(dir, 'kai.otf'));
  fs.writeFileSync(path.join(dir, 'broken.ttf'), 'not a font');
  return new SystemFontIndex({ dirs: [dir], cacheFile: null });
}

describe('font resolution', () => {
  test('a bare shipped file name resolves in the package fonts/ folder', () => {
    const seriesRoot = tempDir();
    const r = new FontResolver({ fonts: fontsWith('body', ['FandolFang-Regular.otf']), seriesRoot }, installedKai());
    const body = r.resolve('body');
    expect(body).toMatchObject({ file: path.join(FONTS_DIR, 'FandolFang-Regular.otf'), origin: 'shipped' });
    expect(progressText({ kind: 'font', role: 'body', font: body, seriesRoot })).toBe(
      '字体：正文（仿宋） → FandolFang-Regular.otf（随附）',
    );
  });

  test('a family name is found by the name table of an installed file; unknown names fall through', () => {
    const names = readFaceNames(path.join(FONTS_DIR, 'FandolKai-Regular.otf'))[0];
    expect(names.families).toContain('FandolKai');
    const r = new FontResolver(
      { fonts: fontsWith('kai', ['楷体_GB2312', 'fandol kai', 'FandolKai-Regular.otf']), seriesRoot: tempDir() },
      installedKai(),
    );
    expect(r.resolve('kai')).toMatchObject({ origin: 'system', candidate: 'fandol kai' });
    expect(path.basename(r.resolve('kai').file)).toBe('kai.otf');
  });

  test('a configured path that does not exist stops with the role and the path', () => {
    const root = tempDir();
    const r = new FontResolver({ fonts: fontsWith('hei', ['fonts/黑体.ttf', 'FandolHei-Regular.otf']), seriesRoot: root }, installedKai());
    expect(() => r.resolve('hei')).toThrow(UserError);
    expect(() => r.resolve('hei')).toThrow(/黑体.*fonts\/黑体\.ttf/);
  });

  test('a relative path is read from the series folder', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'fonts'));
    fs.copyFileSync(path.join(FONTS_DIR, 'FandolHei-Regular.otf'), path.join(root, 'fonts', 'hei.otf'));
    const r = new FontResolver({ fonts: fontsWith('hei', ['fonts/hei.otf']), seriesRoot: root }, installedKai());
    expect(r.resolve('hei')).toMatchObject({ file: path.join(root, 'fonts', 'hei.otf'), origin: 'file' });
  });

  test('only family names that nobody has installed: the message lists them', () => {
    const r = new FontResolver({ fonts: fontsWith('title', ['方正小标宋简体']), seriesRoot: tempDir() }, installedKai());
    expect(() => r.resolve('title')).toThrow(/方正小标宋简体/);
  });
});
