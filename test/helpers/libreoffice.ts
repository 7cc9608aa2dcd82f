/**
 * LibreOffice as a measuring instrument for the DOCX: headless conversion to PDF with a private
 * profile and a fontconfig file that maps the official font names to the shipped fonts, then
 * the PDF's text lines with their positions (poppler's pdftotext -bbox-layout). The tests
 * measure with one release, Debian's current one (25.2.x from bookworm-backports, which
 * scripts/install-test-deps.sh installs): what it renders is a fact of that release.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './docx-build.js';

export const FONTCONFIG_FILE = path.join(ROOT, 'test', 'fontconfig', 'fonts.conf');

/** Which LibreOffice, and whether it is there: test/helpers/clients.ts (the one skip policy). */
export { REQUIRED_LIBREOFFICE, libreOfficeVersion } from './clients.js';

/** Runs soffice on files in `dir` with a profile of its own there. */
function soffice(dir: string, args: string[]): void {
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', ...args], {
    encoding: 'utf8',
    timeout: 180_000,
    cwd: dir,
    env: { ...process.env, FONTCONFIG_FILE, HOME: dir },
  });
  if (r.status !== 0) throw new Error(`soffice ${args.join(' ')} failed: status ${r.status}\n${r.stdout}\n${r.stderr}`);
}

/**
 * A file's bytes converted by LibreOffice: `name` is the input's file name (its extension tells
 * LibreOffice what it is), `to` the --convert-to filter, `ext` the extension of what it writes.
 */
export function convertWithLibreOffice(bytes: Uint8Array, name: string, to: string, ext: string): Buffer {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-lo-'));
  try {
    const input = path.join(work, name);
    fs.writeFileSync(input, bytes);
    soffice(work, ['--convert-to', to, '--outdir', work, input]);
    const output = path.join(work, `${path.parse(name).name}.${ext}`);
    if (!fs.existsSync(output)) throw new Error(`LibreOffice did not convert ${name} to ${ext}`);
    return fs.readFileSync(output);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Converts DOCX bytes to PDF bytes with LibreOffice. */
export function docxToPdf(docx: Uint8Array, stem = 'bulletin'): Uint8Array {
  return new Uint8Array(convertWithLibreOffice(docx, `${stem}.docx`, 'pdf', 'pdf'));
}

/**
 * The DOCX as LibreOffice renders it, and as it renders the same document after a change
 * made in its own format: each variant takes LibreOffice's flat ODF of the DOCX (.fodt) and
 * returns it changed (e.g. a setting its DOCX import drops, set the way the DOCX says). The
 * unchanged .fodt is rendered too, so a test can check that the round trip itself changes
 * nothing.
 */
export function docxToPdfVariants(
  docx: Uint8Array,
  variants: Record<string, (fodt: string) => string>,
): { docx: Uint8Array; fodt: Uint8Array; variants: Record<string, Uint8Array> } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-lo-'));
  try {
    fs.writeFileSync(path.join(work, 'doc.docx'), docx);
    soffice(work, ['--convert-to', 'fodt', '--outdir', work, 'doc.docx']);
    const fodt = fs.readFileSync(path.join(work, 'doc.fodt'), 'utf8');
    const names = Object.keys(variants);
    names.forEach((name, i) => fs.writeFileSync(path.join(work, `v${i}.fodt`), variants[name]!(fodt)));
    fs.renameSync(path.join(work, 'doc.fodt'), path.join(work, 'roundtrip.fodt'));
    soffice(work, ['--convert-to', 'pdf', '--outdir', work, 'doc.docx', 'roundtrip.fodt', ...names.map((_, i) => `v${i}.fodt`)]);
    const pdf = (stem: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(work, `${stem}.pdf`)));
    return { docx: pdf('doc'), fodt: pdf('roundtrip'), variants: Object.fromEntries(names.map((name, i) => [name, pdf(`v${i}`)])) };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export interface PdfLine {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

/** Pages of a PDF with their text lines, top to bottom, in points from the top-left corner. */
export function pdfLines(pdf: Uint8Array): PdfPage[] {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-bbox-'));
  try {
    const file = path.join(work, 'in.pdf');
    fs.writeFileSync(file, pdf);
    const r = spawnSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
    const pages: PdfPage[] = [];
    for (const pm of r.stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
      const lines: PdfLine[] = [];
      for (const lm of pm[3].matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
        // Words are joined as printed: with a space where there is a gap between them (a space
        // in the text, or the tab of a print line), without one where they touch.
        let text = '';
        let lastX = Number.NaN;
        for (const w of lm[5].matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
          if (text && +w[1] - lastX > 1) text += ' ';
          text += decodeEntities(w[3]);
          lastX = +w[2];
        }
        lines.push({ text, xMin: +lm[1], yMin: +lm[2], xMax: +lm[3], yMax: +lm[4] });
      }
      // pdftotext orders lines by blocks; the page is read top to bottom, left to right.
      lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
      pages.push({ width: +pm[1], height: +pm[2], lines });
    }
    return pages;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
