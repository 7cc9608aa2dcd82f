/** The archive's manifest: what each archived file is, so that it can be verified years later. */
import fs from 'node:fs';
import path from 'node:path';
import type { ManifestItem } from './items.js';

export interface ManifestFile {
  /** Path relative to the archive folder, forward slashes. */
  path: string;
  format: string;
  size: number;
  sha256: string;
  /** Pages as this file's renderer laid it out, or, with pagesFrom, as the named format did. */
  pages: number;
  /**
   * Set when the file's own client paginates (the DOCX: Word/WPS break its pages at the
   * reader's end): the count is the PDF's, which LibreOffice's rendering of the DOCX matches
   * (test/docx/parity.test.ts); Word may differ with other fonts installed.
   */
  pagesFrom?: 'pdf';
}

export interface ManifestIssue {
  number: number;
  label: string;
  totalLabel?: string;
  special?: string;
  date: string;
  printDate: string;
  /** Issue folder relative to the series root. */
  source: string;
  inputHash: string;
  sections: Array<{ name: string; items: number }>;
  note?: string;
  articles: string[];
  /** Every item with headline, unit and text, for the index and its search (absent in older manifests). */
  items?: ManifestItem[];
  files: ManifestFile[];
}

export interface Manifest {
  series: string;
  name: string;
  publisher: string;
  tool: { name: 'bulletin'; version: string };
  issues: ManifestIssue[];
}

export const MANIFEST_FILE = 'manifest.json';

export function readManifest(dir: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

export function sortIssues(list: ManifestIssue[]): ManifestIssue[] {
  return [...list].sort((a, b) => a.date.localeCompare(b.date) || (a.special ?? '').localeCompare(b.special ?? '') || a.number - b.number);
}

export function manifestJson(m: Manifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}
