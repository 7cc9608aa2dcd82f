/**
 * LibreOffice as a real client of the DOCX: headless conversion to PDF with a private profile
 * and a fontconfig file that maps the official font names to the shipped fonts, then the
 * PDF's text lines with their positions (poppler's pdftotext -bbox-layout).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './docx-build.js';

export const FONTCONFIG_FILE = path.join(ROOT, 'test', 'fontconfig', 'fonts.conf');

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/** Why the LibreOffice tests cannot run here, or undefined when they can. */
export function libreOfficeMissing(): string | undefined {
  if (!onPath('soffice')) return '未安装 LibreOffice（soffice），跳过 DOCX 的 LibreOffice 端到端测试；CI 会安装 libreoffice-writer-nogui';
  if (!onPath('pdftotext')) return '未安装 poppler-utils（pdftotext），跳过 DOCX 的 LibreOffice 端到端测试';
  return undefined;
}

/** Converts DOCX bytes to PDF bytes with LibreOffice. */
export function docxToPdf(docx: Uint8Array, stem = 'bulletin'): Uint8Array {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-lo-'));
  try {
    const input = path.join(work, `${stem}.docx`);
    fs.writeFileSync(input, docx);
    const profile = path.join(work, 'profile');
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, input],
      { encoding: 'utf8', timeout: 120_000, env: { ...process.env, FONTCONFIG_FILE, HOME: work } },
    );
    const output = path.join(work, `${stem}.pdf`);
    if (!fs.existsSync(output)) throw new Error(`LibreOffice did not convert: status ${r.status}\n${r.stdout}\n${r.stderr}`);
    return new Uint8Array(fs.readFileSync(output));
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
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
