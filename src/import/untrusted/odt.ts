/**
 * An ODT submission with everything taken out that points outside the package: an image,
 * object, font, section or script whose xlink:href is a URL, an absolute path, or a relative
 * path to no entry of the package (LibreOffice resolves those next to the file — in our case
 * the temporary folder — or fetches them over HTTP), DDE links and xml:base. Hyperlinks
 * (text:a, draw:a) stay: following them is the reader's choice, not the converter's.
 *
 * Every XML part is parsed strictly (saxes: well-formed XML, no DOCTYPE, so no entities that
 * could hide a URL) and written back from what was parsed, so LibreOffice reads exactly what
 * was checked here. Macros (Basic/, Scripts/) are dropped as well.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { markupAttr, markupText } from '../../output/escape.js';

const XLINK = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** More than any real document unpacks to; beyond it the file is refused rather than inflated. */
const MAX_UNPACKED = 256 * 1024 * 1024;
const MAX_ENTRIES = 20_000;

/** Elements that link by definition and are not reached by the xlink rule alone. */
const LINK_ELEMENTS = new Set([
  'dde-source',
  'dde-connection-decl',
  'dde-connection-decls',
  'dde-link',
  'dde-links',
  'table-source',
  'event-listeners',
  'scripts',
]);
/** Hyperlinks: their target is shown as a link, never loaded. */
const HYPERLINKS = new Set(['a']);

export interface OdtRemoved {
  /** Images, objects, sections, fonts and the like that pointed outside the package. */
  linked: number;
}

export class OdtUnreadable extends Error {}

function escapeAttr(s: string): string {
  return markupAttr(s).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** A package-relative reference to an entry (or folder of entries) that the package holds. */
function insidePackage(href: string, entries: string[]): boolean {
  let p: string;
  try {
    p = decodeURIComponent(href);
  } catch {
    return false;
  }
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(p) || /^[/\\]/.test(p) || p.includes('\\') || p.includes('?') || p.includes('#')) return false;
  p = p.replace(/^(\.\/)+/, '').replace(/\/$/, '');
  if (!p || p.split('/').some((part) => part === '..' || part === '.' || part === '')) return false;
  return entries.some((e) => e === p || e.startsWith(`${p}/`));
}

function sanitizeXml(xml: string, entries: string[], removed: OdtRemoved): string {
  const parser = new SaxesParser({ xmlns: true });
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  // Depth inside an element being left out (with everything in it).
  let skipping = 0;
  let failure: Error | undefined;
  parser.on('doctype', () => {
    failure ??= new OdtUnreadable('DOCTYPE');
  });
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (skipping) {
      if (!tag.isSelfClosing) skipping++;
      return;
    }
    const attrs = Object.values(tag.attributes);
    const href = attrs.find((a) => a.uri === XLINK && a.local === 'href');
    const leaves =
      LINK_ELEMENTS.has(tag.local) || (href !== undefined && !HYPERLINKS.has(tag.local) && !insidePackage(href.value, entries));
    if (leaves) {
      removed.linked++;
      if (!tag.isSelfClosing) skipping = 1;
      return;
    }
    out += `<${tag.name}`;
    for (const a of attrs) {
      if (a.uri === XML_NS && a.local === 'base') continue;
      // A form control's picture is a URL of its own.
      if (a.local === 'image-data' && !insidePackage(a.value, entries)) {
        removed.linked++;
        continue;
      }
      out += ` ${a.name}="${escapeAttr(a.value)}"`;
    }
    out += tag.isSelfClosing ? '/>' : '>';
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    if (skipping) {
      skipping--;
      return;
    }
    if (!tag.isSelfClosing) out += `</${tag.name}>`;
  });
  parser.on('text', (t) => {
    if (!skipping) out += markupText(t);
  });
  parser.on('cdata', (t) => {
    if (!skipping) out += markupText(t);
  });
  parser.write(xml).close();
  if (failure) throw failure instanceof OdtUnreadable ? failure : new OdtUnreadable(failure.message);
  return out;
}

/** Whether an entry is XML LibreOffice may parse: by name, or by its first character. */
function isXml(name: string, data: Uint8Array): boolean {
  if (/\.(xml|rdf)$/i.test(name)) return true;
  let i = 0;
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) i = 3;
  while (i < data.length && (data[i] === 0x20 || data[i] === 0x09 || data[i] === 0x0a || data[i] === 0x0d)) i++;
  return data[i] === 0x3c; // '<'
}

/** The ODT without external references, and how many were taken out; throws OdtUnreadable. */
export function sanitizeOdt(bytes: Uint8Array): { bytes: Uint8Array; removed: OdtRemoved } {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  let count = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        unpacked += f.originalSize;
        if (++count > MAX_ENTRIES || unpacked > MAX_UNPACKED) throw new OdtUnreadable('too large');
        return true;
      },
    });
  } catch (e) {
    throw e instanceof OdtUnreadable ? e : new OdtUnreadable((e as Error).message);
  }
  const entries = Object.keys(files);
  const removed: OdtRemoved = { linked: 0 };
  const out: Zippable = {};
  // The mimetype entry comes first and stored, as ODF requires.
  if (files.mimetype) out.mimetype = [files.mimetype, { level: 0 }];
  for (const [name, data] of Object.entries(files)) {
    if (name === 'mimetype') continue;
    if (/^(Basic|Scripts)\//.test(name)) continue;
    if (!isXml(name, data)) {
      out[name] = data;
      continue;
    }
    let xml: string;
    try {
      xml = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      throw new OdtUnreadable(`${name} is not UTF-8`);
    }
    out[name] = strToU8(sanitizeXml(xml, entries, removed));
  }
  return { bytes: zipSync(out), removed };
}
