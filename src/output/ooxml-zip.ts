/**
 * The one reproducible zip writer for the Office files bulletin writes (the bulletin's DOCX, the
 * stats DOCX and xlsx): [Content_Types].xml first, as Office writes it, then every entry in name
 * order, each stamped with one fixed time, so that the same sources give the same bytes.
 */
import { zipSync, type DeflateOptions, type Zippable } from 'fflate';

const CONTENT_TYPES = '[Content_Types].xml';

export type ZipLevel = NonNullable<DeflateOptions['level']>;

/**
 * The entries' time: the given date at noon, in local time, because zip stores local date and
 * time fields; noon keeps the fields the same in every time zone and DST rule.
 */
function entryTime(isoDate: string): Date {
  const [y = 1980, m = 1, d = 1] = isoDate.split('-').map(Number);
  return new Date(y, m - 1, d, 12, 0, 0);
}

/**
 * `level`: the deflate level (0 stores the entries); each file kind says its own, since the
 * size and the time to open differ with what the entries hold.
 */
export function ooxmlZip(files: Record<string, Uint8Array>, isoDate: string, level: ZipLevel): Uint8Array {
  const names = Object.keys(files)
    .filter((n) => n !== CONTENT_TYPES)
    .sort();
  const ordered: Zippable = {};
  for (const name of [CONTENT_TYPES, ...names]) {
    const f = files[name];
    if (f) ordered[name] = f;
  }
  return zipSync(ordered, { level, mtime: entryTime(isoDate) });
}
