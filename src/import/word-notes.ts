/**
 * What of a Word file mammoth turns into something the bulletin cannot print, or leaves out
 * without a word: footnotes and endnotes (mammoth writes a [1] link in the text and a numbered
 * list with ↑ back-links at the end, which would print as a list item of the last news item),
 * equations (dropped, the sentence left with a gap: “合格率为。”), charts and SmartArt (dropped)
 * and reviewers' comments.
 * None of them is printed; each is named in import's report with where it stood, so that
 * nothing of a submission goes unmentioned and the clerk can write what is needed into the text.
 */
import type { Element, ElementContent, Root } from 'hast';
import { strFromU8, unzipSync } from 'fflate';
import { decode } from './header-footer.js';

export interface LeftOutNote {
  text: string;
  reason: string;
}

const NOTE_ID = /^(footnote|endnote)-(\d+)$/;
const REF_ID = /^(footnote|endnote)-ref-(\d+)$/;
const KIND = { footnote: '脚注', endnote: '尾注' } as const;
const MAX_PART = 4 * 1024 * 1024;

const textOf = (n: ElementContent | Root): string =>
  n.type === 'text' ? n.value : 'children' in n ? (n.children as ElementContent[]).map(textOf).join('') : '';
/** The sentence before a point of the text (at most its last 20 characters), to say where a note stood. */
const tail = (s: string): string => {
  const t = s.replace(/\s+/g, '');
  const last =
    t
      .split(/(?<=[。！？；])/)
      .filter(Boolean)
      .at(-1) ?? '';
  if (last.length > 20) return `……${last.slice(-20)}`;
  return last.length < t.length ? `……${last}` : last;
};

/** Takes mammoth's footnote and endnote links and lists out of the tree; returns them for the report. */
export function takeNotes(tree: Root): LeftOutNote[] {
  const where = new Map<string, string>();
  let before = '';
  const out: LeftOutNote[] = [];
  const walk = (parent: Root | Element): void => {
    const kept: Array<Root['children'][number]> = [];
    for (const child of parent.children) {
      if (child.type === 'text') before += child.value;
      if (child.type !== 'element') {
        kept.push(child);
        continue;
      }
      const ref = noteRef(child);
      if (ref) {
        where.set(ref, tail(before));
        continue;
      }
      if (child.tagName === 'ol' && isNoteList(child)) {
        for (const li of child.children) {
          if (li.type !== 'element') continue;
          const id = String(li.properties?.id ?? '');
          const [, kind, n] = NOTE_ID.exec(id)!;
          const text = textOf(withoutBackLinks(li)).replace(/\s+/g, ' ').trim();
          const at = where.get(`${kind}-${n}`);
          out.push({
            text,
            reason: `${KIND[kind as keyof typeof KIND]}${at ? `（在“${at}”处）` : ''}，没有印出：简报不排脚注、尾注，需要的话请写进正文`,
          });
        }
        continue;
      }
      walk(child);
      kept.push(child);
    }
    parent.children = kept as typeof parent.children;
  };
  walk(tree);
  return out;
}

/** mammoth's note reference: <sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>, the <sup> doubled when Word's run is superscript too. */
function noteRef(el: Element): string | undefined {
  let a = el;
  for (let only = a.children[0]; a.tagName === 'sup' && a.children.length === 1 && only?.type === 'element'; only = a.children[0]) a = only;
  if (a.tagName !== 'a') return undefined;
  const m = REF_ID.exec(String(a.properties?.id ?? ''));
  return m ? `${m[1]}-${m[2]}` : undefined;
}

function isNoteList(ol: Element): boolean {
  const items = ol.children.filter((c): c is Element => c.type === 'element');
  return items.length > 0 && items.every((li) => li.tagName === 'li' && NOTE_ID.test(String(li.properties?.id ?? '')));
}

function withoutBackLinks(el: Element): Element {
  const children = el.children
    .filter((c) => !(c.type === 'element' && c.tagName === 'a' && REF_ID.test(String(c.properties?.href ?? '').replace(/^#/, ''))))
    .map((c) => (c.type === 'element' ? withoutBackLinks(c) : c));
  return { ...el, children };
}

/**
 * Equations (m:oMath), charts and SmartArt, and comments (word/comments.xml), read from the
 * package itself: mammoth drops the first two without a word and ignores comments. An
 * equation is quoted by its characters, a chart by its name, each with the text before it.
 */
export function packageLeftOuts(docx: Uint8Array): LeftOutNote[] {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(docx, {
      filter: (f) => (f.name === 'word/document.xml' || f.name === 'word/comments.xml') && f.originalSize <= 8 * MAX_PART,
    });
  } catch {
    return [];
  }
  const out: LeftOutNote[] = [];
  const doc = parts['word/document.xml'] ? strFromU8(parts['word/document.xml']) : '';
  if (doc.includes('<m:oMath')) {
    for (const p of doc.split(/<\/w:p>/)) {
      if (!p.includes('<m:oMath')) continue;
      // Each m:oMath (an m:oMathPara, a displayed equation, holds one or more of them).
      for (const m of p.matchAll(/<m:oMath(?=[ >])[\s\S]*?<\/m:oMath>/g)) {
        const text = wText(m[0], 'm:t');
        const context = tail(wText(p.slice(0, m.index), 'w:t'));
        if (text)
          out.push({
            text,
            reason: `公式${context ? `（在“${context}”之后）` : ''}，没有导入：Word 的公式不能导入，请在稿件里改写成文字（如 45/50）`,
          });
      }
    }
  }
  // Charts and SmartArt stand in a drawing mammoth reads only when it holds a picture.
  if (/<a:graphicData uri="[^"]*\/(chart|chartex|diagram)"/.test(doc)) {
    for (const p of doc.split(/<\/w:p>/)) {
      for (const d of p.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)) {
        const kind = /<a:graphicData uri="[^"]*\/(chart|chartex|diagram)"/.exec(d[0])?.[1];
        if (!kind) continue;
        const name = decode(/<wp:docPr\b[^>]*\bname="([^"]*)"/.exec(d[0])?.[1] ?? '') || (kind === 'diagram' ? 'SmartArt 图形' : '图表');
        const context = tail(wText(p.slice(0, d.index), 'w:t'));
        const what = kind === 'diagram' ? 'SmartArt 图形' : '图表';
        out.push({
          text: name,
          reason: `${what}${context ? `（在“${context}”之后）` : ''}，没有导入：请供稿单位把它另存为图片（PNG）插入后重发，或另存为图片放进本期的 images/ 在稿件中引用`,
        });
      }
    }
  }
  const comments = parts['word/comments.xml'] ? strFromU8(parts['word/comments.xml']) : '';
  for (const c of comments.matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)) {
    const author = /w:author="([^"]*)"/.exec(c[1]!)?.[1];
    const text = wText(c[2]!, 'w:t');
    if (text) out.push({ text, reason: `批注${author ? `（${decode(author)}）` : ''}，没有导入：简报不印批注，请看是否需要照改稿件` });
  }
  return out;
}

function wText(xml: string, tag: 'w:t' | 'm:t'): string {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`, 'g'))]
    .map((m) => decode(m[1]!))
    .join('')
    .trim();
}
