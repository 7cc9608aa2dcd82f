/**
 * Reading a bound volume back as a reader's tools see it: the bookmarks with the page each one
 * opens (pdfjs), the page labels a viewer shows (pdfjs), the text of every page (pdftotext) and
 * the images drawn on every page, by content (pdfimages). Nothing here uses the code under test.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdf } from '../helpers/pdf-text.js';
import { tempDir } from '../helpers/series.js';

export interface Mark {
  title: string;
  /** 1-based page of the file. */
  page: number;
  items: Mark[];
}

export interface VolumeRead {
  pages: number;
  labels: string[] | null;
  outline: Mark[];
}

export async function readVolume(file: string): Promise<VolumeRead> {
  const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0 }).promise;
  const walk = async (list: Awaited<ReturnType<typeof doc.getOutline>>): Promise<Mark[]> => {
    const out: Mark[] = [];
    for (const o of list ?? []) {
      const dest = typeof o.dest === 'string' ? await doc.getDestination(o.dest) : o.dest;
      const ref = dest?.[0];
      const page = ref && typeof ref === 'object' ? (await doc.getPageIndex(ref as { num: number; gen: number })) + 1 : NaN;
      out.push({ title: o.title, page, items: await walk(o.items) });
    }
    return out;
  };
  const read = { pages: doc.numPages, labels: await doc.getPageLabels(), outline: await walk(await doc.getOutline()) };
  await doc.destroy();
  return read;
}

/** Every link of the file that opens a page of it: on which page (1-based), where, and which page it opens. */
export async function internalLinks(file: string): Promise<Array<{ page: number; rect: number[]; to: number }>> {
  const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0 }).promise;
  const out: Array<{ page: number; rect: number[]; to: number }> = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    for (const a of await page.getAnnotations()) {
      if (a.subtype !== 'Link' || !a.dest) continue;
      const dest = typeof a.dest === 'string' ? await doc.getDestination(a.dest) : a.dest;
      const ref = dest?.[0];
      if (!ref || typeof ref !== 'object') continue;
      out.push({
        page: n,
        rect: (a.rect as number[]).map((v) => Math.round(v * 100) / 100),
        to: (await doc.getPageIndex(ref as { num: number; gen: number })) + 1,
      });
    }
  }
  await doc.destroy();
  return out;
}

function need(tool: string): void {
  const r = spawnSync(tool, ['-v'], { encoding: 'utf8' });
  if (r.error) throw new Error(`${tool} (poppler-utils) is needed: bash scripts/install-test-deps.sh`);
}

/** The text of every page as pdftotext reads it, in order. */
export function pageTexts(file: string): string[] {
  need('pdftotext');
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  // A form feed ends every page.
  return r.stdout.split('\f').slice(0, -1);
}

/** SHA-256 of every image drawn on each page (as pdfimages extracts it), page by page. */
export function pageImages(file: string, pages: number): string[][] {
  need('pdfimages');
  const dir = tempDir('bulletin-images-');
  const r = spawnSync('pdfimages', ['-all', '-p', file, path.join(dir, 'img')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const out: string[][] = Array.from({ length: pages }, () => []);
  for (const name of fs.readdirSync(dir).sort()) {
    const page = Number(/^img-(\d+)-/.exec(name)?.[1]);
    out[page - 1]!.push(
      crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(dir, name)))
        .digest('hex'),
    );
  }
  return out;
}

/** What a reader reads: the letters, without the spaces and line breaks of the layout. */
export const letters = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/**
 * The 目录's entries as printed on pages `from` to `to` (1-based, inclusive): each entry's text,
 * its lines joined and the leader dots dropped, and the page number it ends with. Lines are
 * read with pdfjs, grouped by baseline (pdftotext -layout splits a leader after 楷体 text).
 */
export async function contentsEntries(file: string, from: number, to: number): Promise<Array<{ text: string; page: number }>> {
  const read = await readPdf(new Uint8Array(fs.readFileSync(file)));
  const lines = read.pages.slice(from - 1, to).flatMap((p) => p.lines.map((l) => l.text));
  const out: Array<{ text: string; page: number }> = [];
  let pending = '';
  for (const line of lines) {
    const t = letters(line);
    if (!t || t === '目录') continue;
    const m = /^(.*?)[·.…]*(\d+)$/.exec(t);
    if (m && /·/.test(t)) {
      out.push({ text: pending + m[1]!, page: Number(m[2]) });
      pending = '';
    } else pending += t;
  }
  return out;
}
