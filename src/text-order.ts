/**
 * The one order of names and texts wherever an order reaches a file: items of the same order
 * number, issue folders, the files an archive hashes, the fonts of a PDF. UTF-16 code units
 * compared one by one, the same on every machine. `localeCompare` follows the machine's
 * locale: on a Chinese Windows it puts 江西 before 南昌 (by pinyin) and Han before Latin, so
 * the same sources gave another item order, and another archive hash, than on an English one.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
