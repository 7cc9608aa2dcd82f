/**
 * pdfkit opens its own fontkit font over the bytes the app already opened (src/fonts/faces.ts
 * hands them over through pdfmake's virtual file system), and decodes cmap, hmtx, vmtx and
 * the rest a second time; in a process that renders several issues (archive, preview, tests)
 * it decodes them, and the CFF table, again for every document. Every fontkit font over the
 * same bytes (the same Buffer, the same face of a collection) shares one table cache here, as
 * fontkit's own variations of a font do: decoded tables are read-only to fontkit, pdfkit and
 * the subsetter (which copies what it changes).
 */
import { UserError } from '../../diagnostics.js';
import { requirePinned } from '../pinned.js';
import { PIN } from './pin.js';

interface FontkitInternals {
  type: string;
  stream: { buffer: Uint8Array };
  _directoryPos: number;
  variationCoords: unknown;
  _tables: Record<string, unknown>;
  _getTable(table: { tag: string }): unknown;
}

/** Table caches by the file's bytes and the face's offset within them. */
const caches = new WeakMap<Uint8Array, Map<number, Record<string, unknown>>>();
const linked = new WeakSet<object>();

function link(font: FontkitInternals): void {
  linked.add(font);
  if (font.type !== 'TTF' || font.variationCoords != null || !(font.stream?.buffer instanceof Uint8Array)) return;
  let byFace = caches.get(font.stream.buffer);
  if (!byFace) caches.set(font.stream.buffer, (byFace = new Map()));
  const shared = byFace.get(font._directoryPos);
  if (!shared) {
    byFace.set(font._directoryPos, font._tables);
    return;
  }
  for (const [tag, table] of Object.entries(font._tables)) if (!(tag in shared)) shared[tag] = table;
  font._tables = shared;
}

let installed = false;

/**
 * Installs the sharing on fontkit's font class, reached through the first font the app opens.
 * A font binds its table getters to `_getTable` when it is made, so that first font, made
 * before the patch, is linked here at once.
 */
export function installSharedTables(anyFont: object): void {
  if (!linked.has(anyFont) && '_tables' in anyFont) link(anyFont as FontkitInternals);
  if (installed) return;
  requirePinned(PIN);
  let proto: object | null = Object.getPrototypeOf(anyFont) as object | null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, '_getTable')) proto = Object.getPrototypeOf(proto) as object | null;
  if (!proto) throw new UserError(`fontkit ${PIN.version} 的 _getTable 不见了：src/compat/fontkit 需要按所装的版本重新核对`);
  installed = true;
  const p = proto as FontkitInternals;
  const own = p._getTable;
  p._getTable = function (this: FontkitInternals, table: { tag: string }): unknown {
    if (!linked.has(this)) link(this);
    return own.call(this, table);
  };
}
