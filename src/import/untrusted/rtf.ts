/**
 * An RTF submission (or a .doc or .wps that holds RTF) with everything taken out that makes a
 * reader fetch or copy something from outside the file: field instructions (INCLUDEPICTURE
 * "C:\…" copies a local picture into the document when LibreOffice opens it; INCLUDETEXT,
 * LINK, DDE, IMPORT …), OLE objects (a linked object names a file), pictures linked by name
 * (pibName), the attached template and mail-merge data sources, Word 6 hyperlink sources.
 *
 * The file is split into groups exactly as an RTF reader does (\binN skips N raw bytes, \'hh
 * and \uN are text, a destination word switches its group wherever in the group it stands),
 * and a group that holds such a word is dropped whole; what a field or object shows (its
 * \fldrslt, its \result picture) stays. A hyperlink field is kept, rewritten from its decoded
 * URL, so that what LibreOffice reads is exactly what was checked here.
 */

interface Group {
  kind: 'group';
  start: number;
  end: number;
  /** False for a group still open at the end of the file. */
  closed: boolean;
  children: Node[];
}

interface Word {
  kind: 'word';
  start: number;
  end: number;
  word: string;
  param?: number;
}

interface Symbol_ {
  kind: 'symbol';
  start: number;
  end: number;
  /** The character after the backslash (\' carries its hex byte in `hex`). */
  char: string;
  hex?: number;
}

interface Text {
  kind: 'text';
  start: number;
  end: number;
}

type Node = Group | Word | Symbol_ | Text;

/** What was taken out, by kind, for the message to the clerk. */
export interface RtfRemoved {
  /** Fields that take content from elsewhere (INCLUDEPICTURE, INCLUDETEXT, LINK, DDE …). */
  linkFields: number;
  /** Linked OLE objects and pictures linked by file name. */
  linkedObjects: number;
  /** Attached template, mail-merge data sources, old-style hyperlink sources. */
  references: number;
}

// Field types that read a file, a URL or another program's data when the field is updated.
const LINKING_FIELDS = new Set([
  'INCLUDEPICTURE',
  'INCLUDETEXT',
  'INCLUDE',
  'LINK',
  'DDE',
  'DDEAUTO',
  'IMPORT',
  'DATABASE',
  'AUTOTEXTLIST',
]);
// Destinations that name something outside the file.
const REFERENCE_DESTINATIONS = new Set(['template', 'hl', 'hlsrc', 'hlloc', 'hlfr', 'datastore', 'xmlopen', 'objlink', 'linkself']);
const LINKED_PICTURE_PROPS = new Set(['pibname', 'fillblipname', 'pibprintname']);

function parse(s: string): Group {
  const root: Group = { kind: 'group', start: 0, end: s.length, closed: true, children: [] };
  const stack: Group[] = [root];
  let i = 0;
  let textStart = -1;
  const flushText = (): void => {
    if (textStart >= 0) stack[stack.length - 1]!.children.push({ kind: 'text', start: textStart, end: i });
    textStart = -1;
  };
  while (i < s.length) {
    const c = s[i]!;
    if (c === '{') {
      flushText();
      const g: Group = { kind: 'group', start: i, end: s.length, closed: false, children: [] };
      stack[stack.length - 1]!.children.push(g);
      stack.push(g);
      i++;
    } else if (c === '}') {
      flushText();
      if (stack.length > 1) {
        const g = stack.pop()!;
        g.end = i + 1;
        g.closed = true;
      } else root.children.push({ kind: 'text', start: i, end: i + 1 });
      i++;
    } else if (c === '\\') {
      flushText();
      const start = i;
      const m = /^\\([a-zA-Z]+)(-?\d+)? ?/.exec(s.slice(i, i + 64));
      if (m && m[0].length < 64) {
        const word: Word = {
          kind: 'word',
          start,
          end: i + m[0].length,
          word: m[1]!.toLowerCase(),
          param: m[2] !== undefined ? Number(m[2]) : undefined,
        };
        i += m[0].length;
        // \binN: the next N bytes are data, never syntax.
        if (word.word === 'bin' && word.param !== undefined && word.param > 0) i = Math.min(s.length, i + word.param);
        word.end = i;
        stack[stack.length - 1]!.children.push(word);
      } else if (m) {
        // A control word longer than any reader accepts: read past all its letters as one.
        let j = i + 1;
        while (j < s.length && /[a-zA-Z]/.test(s[j]!)) j++;
        while (j < s.length && /[-\d]/.test(s[j]!)) j++;
        if (s[j] === ' ') j++;
        stack[stack.length - 1]!.children.push({
          kind: 'word',
          start,
          end: j,
          word: s
            .slice(i + 1, j)
            .replace(/[^a-zA-Z]/g, '')
            .toLowerCase(),
        });
        i = j;
      } else if (s[i + 1] === "'") {
        const hex = /^[0-9a-fA-F]{2}/.exec(s.slice(i + 2, i + 4));
        i += hex ? 4 : 2;
        stack[stack.length - 1]!.children.push({ kind: 'symbol', start, end: i, char: "'", hex: hex ? parseInt(hex[0], 16) : undefined });
      } else {
        i = Math.min(s.length, i + 2);
        stack[stack.length - 1]!.children.push({ kind: 'symbol', start, end: i, char: s[start + 1] ?? '' });
      }
    } else {
      if (textStart < 0) textStart = i;
      i++;
    }
  }
  flushText();
  return root;
}

/** The words that stand directly in a group (not in its subgroups). */
const wordsOf = (g: Group): string[] => g.children.flatMap((n) => (n.kind === 'word' ? [n.word] : []));

/** Plain text of a group and its subgroups: \'hh as its byte, \uN as its character, RTF's line breaks dropped. */
function decode(s: string, g: Group): string {
  let out = '';
  let skip = 0;
  const walk = (nodes: Node[]): void => {
    for (const n of nodes) {
      if (n.kind === 'group') walk(n.children);
      else if (n.kind === 'text') {
        const t = s.slice(n.start, n.end).replace(/[\r\n]/g, '');
        out += t.slice(skip);
        skip = Math.max(0, skip - t.length);
      } else if (n.kind === 'symbol') {
        if (skip > 0) skip--;
        else if (n.char === "'") out += n.hex !== undefined ? String.fromCharCode(n.hex) : '';
        else if ('\\{}'.includes(n.char)) out += n.char;
        else if (n.char === '~') out += ' ';
      } else if (n.word === 'u' && n.param !== undefined) {
        out += String.fromCharCode(n.param < 0 ? n.param + 65536 : n.param);
        skip = 1; // the ANSI stand-in that follows \uN
      }
    }
  };
  walk(g.children);
  return out;
}

function rtfString(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      if (ch === '\\' || ch === '{' || ch === '}') return `\\${ch}`;
      if (code < 0x20 || code > 0x7e) return `\\u${code > 32767 ? code - 65536 : code}?`;
      return ch;
    })
    .join('');
}

/** Returns the RTF without linked and included content, and what was taken out. */
export function sanitizeRtf(input: string): { text: string; removed: RtfRemoved } {
  const tree = parse(input);
  const removed: RtfRemoved = { linkFields: 0, linkedObjects: 0, references: 0 };
  const emit = (g: Group, isRoot: boolean): string => {
    const words = wordsOf(g);
    if (!isRoot) {
      if (words.includes('fldinst')) return fieldInstruction(g, words);
      if (words.includes('object')) return objectResult(g, words);
      if (words.some((w) => REFERENCE_DESTINATIONS.has(w) || w.startsWith('mm'))) {
        removed.references++;
        return '';
      }
      if (words.includes('sp')) {
        const name = g.children.find((n): n is Group => n.kind === 'group' && wordsOf(n).includes('sn'));
        if (name && LINKED_PICTURE_PROPS.has(decode(input, name).trim().toLowerCase())) {
          removed.linkedObjects++;
          return '';
        }
      }
    }
    let out = isRoot ? '' : '{';
    for (const n of g.children) out += n.kind === 'group' ? emit(n, false) : input.slice(n.start, n.end);
    // A group left open at the end of the file stays open: the reader closes it as before.
    return isRoot || !g.closed ? out : `${out}}`;
  };

  const fieldInstruction = (g: Group, words: string[]): string => {
    const text = decode(input, g).trim();
    const type = text.split(/[\s"]/)[0]!.toUpperCase();
    const link = /^HYPERLINK\s+"([^"\\]*)"\s*$/i.exec(text);
    // Only a plain hyperlink keeps its instruction, and only one whose group says nothing else.
    if (link && words.filter((w) => w !== 'fldinst').length === 0) return `{\\*\\fldinst HYPERLINK "${rtfString(link[1]!)}"}`;
    if (LINKING_FIELDS.has(type) || type === '' || !/^[A-Z]+$/.test(type)) removed.linkFields++;
    return '';
  };

  const objectResult = (g: Group, words: string[]): string => {
    if (words.some((w) => w === 'objlink' || w === 'objautlink')) removed.linkedObjects++;
    const result = g.children.find((n): n is Group => n.kind === 'group' && wordsOf(n).includes('result'));
    if (!result) return '';
    // The object's picture as a plain group, without the \result word.
    let out = '{';
    for (const n of result.children) {
      if (n.kind === 'word' && n.word === 'result') continue;
      if (n.kind === 'symbol' && n.char === '*') continue;
      out += n.kind === 'group' ? emit(n, false) : input.slice(n.start, n.end);
    }
    return `${out}}`;
  };

  return { text: emit(tree, true), removed };
}
