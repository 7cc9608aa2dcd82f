/**
 * The one change to exceljs's internals (src/compat/exceljs): checked against the pinned
 * version, and differential — the replaced font writer writes exactly the children exceljs's
 * own writer writes, each as exceljs writes it, only in CT_Font's schema order.
 */
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { CT_FONT_ORDER, PINNED_EXCELJS, exceljsFontRender, loadExcelJs } from '../../src/compat/exceljs/index.js';
import { REPO } from '../helpers/series.js';

const require = createRequire(import.meta.url);
const FontXform = require('exceljs/lib/xlsx/xform/style/font-xform.js');
const XmlStream = require('exceljs/lib/utils/xml-stream.js');

/** A font with every property exceljs writes. */
const EVERYTHING = {
  bold: true,
  italic: true,
  strike: true,
  condense: true,
  extend: true,
  outline: true,
  shadow: true,
  underline: 'double',
  vertAlign: 'superscript',
  size: 14,
  color: { argb: 'FFFF0000' },
  name: '宋体',
  family: 2,
  charset: 134,
  scheme: 'minor',
};

function children(render: (xmlStream: never, model: never) => void, model: object, options?: object): string[] {
  const stream = new XmlStream();
  Reflect.apply(render, new FontXform(options), [stream, model]);
  const xml: string = stream.xml;
  return [...xml.replace(/^<(font|rPr)>|<\/(font|rPr)>$/g, '').matchAll(/<[^>]+>/g)].map((m) => m[0]);
}

describe('src/compat/exceljs', () => {
  test('is written against the version package.json pins', async () => {
    const pkg = require(`${REPO}/package.json`);
    expect(pkg.dependencies.exceljs).toBe(PINNED_EXCELJS);
    expect(require('exceljs/package.json').version).toBe(PINNED_EXCELJS);
    await loadExcelJs();
    expect(exceljsFontRender).toBeDefined();
  });

  test('a font: the same children as exceljs writes, in CT_Font’s order', async () => {
    await loadExcelJs();
    const ours = children(FontXform.prototype.render, EVERYTHING);
    const theirs = children(exceljsFontRender!, EVERYTHING);
    expect(ours).toHaveLength(CT_FONT_ORDER.length);
    expect([...ours].sort()).toEqual([...theirs].sort());
    expect(ours.map((c) => /^<(\w+)/.exec(c)![1])).toEqual([...CT_FONT_ORDER]);
    // exceljs's own order is not the schema's: this is what the change is for.
    expect(theirs.map((c) => /^<(\w+)/.exec(c)![1])).not.toEqual([...CT_FONT_ORDER]);
  });

  test('rich-text run properties are left as exceljs writes them', async () => {
    await loadExcelJs();
    const options = { tagName: 'rPr', fontNameTag: 'rFont' };
    expect(children(FontXform.prototype.render, EVERYTHING, options)).toEqual(children(exceljsFontRender!, EVERYTHING, options));
  });
});
