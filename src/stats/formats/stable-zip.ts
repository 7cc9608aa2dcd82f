/**
 * The workbook repacked with every entry stamped at one fixed time and in a fixed order,
 * [Content_Types].xml first as Office writes it: exceljs stamps the clock into zip entries,
 * which would make every run's bytes differ. (The DOCX files zip themselves the same way,
 * render/docx/reproducible-zip.ts.)
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

const CONTENT_TYPES = '[Content_Types].xml';

/** Noon local time on the date: zip stores local fields, noon survives every time zone. */
function entryTime(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12, 0, 0);
}

export function stableZip(packed: Uint8Array, isoDate: string): Uint8Array {
  const files = unzipSync(packed);
  const names = Object.keys(files).filter((n) => n !== CONTENT_TYPES).sort();
  const ordered: Zippable = {};
  for (const name of [CONTENT_TYPES, ...names]) if (files[name]) ordered[name] = files[name]!;
  return zipSync(ordered, { level: 9, mtime: entryTime(isoDate) });
}
