/**
 * .docx → HTML (mammoth: Word's styles and runs to semantic tags) → hast → mdast (rehype-remark),
 * staying inside the unified ecosystem the rest of the tool uses. Pictures are kept in memory,
 * named by their content hash, and only written once the whole import has succeeded.
 * mammoth opens no file outside the package (its externalFileAccess stays off): a picture
 * that is only linked (r:link, or an external target) cannot be read, and is counted for the
 * clerk instead of silently missing.
 */
import crypto from 'node:crypto';
import type { Root as HastRoot } from 'hast';
import type { PhrasingContent, Root } from 'mdast';
import mammoth from 'mammoth';
import rehypeParse from 'rehype-parse';
import rehypeRemark, { type Options as ToMdastOptions } from 'rehype-remark';
import { unified } from 'unified';
import { ImportError } from './read-submission.js';
import { spanTables } from './tables.js';
import { takeNotes, type LeftOutNote } from './word-notes.js';
import { typeNumbering } from './word-numbering.js';

export interface ImportedImage {
  /** Relative to the issue folder: images/<hash>.<ext>. */
  rel: string;
  bytes: Buffer;
}

export interface Converted {
  tree: Root;
  images: ImportedImage[];
  /** Pictures that could not be kept (format the layout cannot print), for a warning. */
  skippedImages: string[];
  /** Pictures not in the file: linked to a file or URL outside it, or pointing at nothing. */
  linkedImages: number;
  /** Footnotes and endnotes, taken out of the text, for the report. */
  notes: LeftOutNote[];
}

// Word stores built-in style names in English whatever the UI language; WPS sometimes writes
// the Chinese ones. The document's Title style is a heading too (the article title).
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`p[style-name='标题 ${n}'] => h${n}:fresh`, `p[style-name='heading ${n}'] => h${n}:fresh`]),
];

const IMAGE_EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/jpg': 'jpg' };

/**
 * Elements inside one another in the HTML mammoth makes. A table inside a table is some five
 * levels, a list level two; real submissions stay far below. Beyond it the conversion to
 * Markdown (rehype-remark, structuredClone) recurses past the stack: 300 nested tables crashed.
 */
const MAX_HTML_DEPTH = 100;

/** Deepest element nesting of a hast tree, counted without recursion. */
function nestingDepth(tree: HastRoot): number {
  let max = 0;
  const stack: Array<{ node: { children?: unknown[] }; depth: number }> = [{ node: tree, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > max) max = depth;
    for (const c of node.children ?? []) stack.push({ node: c as { children?: unknown[] }, depth: depth + 1 });
  }
  return max;
}

export async function docxToMdast(bytes: Buffer, name: string): Promise<Converted> {
  const images = new Map<string, ImportedImage>();
  const skippedImages: string[] = [];
  let linkedImages = 0;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(typeNumbering(bytes)) },
      {
        styleMap: STYLE_MAP,
        includeDefaultStyleMap: true,
        ignoreEmptyParagraphs: true,
        convertImage: mammoth.images.imgElement(async (image) => {
          const ext = IMAGE_EXT[image.contentType];
          if (!ext) {
            skippedImages.push(image.contentType);
            return { src: '' };
          }
          let data: Buffer;
          try {
            data = Buffer.from(await image.readAsBase64String(), 'base64');
          } catch {
            linkedImages++;
            return { src: '' };
          }
          const hash = crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);
          const rel = `images/${hash}.${ext}`;
          images.set(rel, { rel, bytes: data });
          return { src: rel };
        }),
      },
    );
    html = result.value;
  } catch (e) {
    throw new ImportError(`${name} 无法作为 Word 文件读取：${whyUnreadable(e)}。请用 Word 或 WPS 打开它，另存为 .docx 后再导入`);
  }
  const parser = unified().use(rehypeParse, { fragment: true });
  const hast = parser.parse(html) as HastRoot;
  const depth = nestingDepth(hast);
  if (depth > MAX_HTML_DEPTH) {
    throw new ImportError(
      `${name} 里的表格、列表一层套一层（嵌套了 ${depth} 层，超过 ${MAX_HTML_DEPTH} 层的上限），无法导入。通常是表格里套着表格：请在 Word 中把里层的表格复制到表格外面、删去套着的外层，另存后再导入`,
    );
  }
  const notes = takeNotes(hast);
  spanTables(hast);
  const tree = (await unified()
    .use(rehypeRemark, { handlers: { sup: scriptHandler('sup'), sub: scriptHandler('sub') } })
    .run(hast as never)) as unknown as Root;
  return { tree, images: [...images.values()], skippedImages, linkedImages, notes };
}

/**
 * Word's superscript and subscript (100m², H₂O), which mammoth gives as <sup> and <sub> and
 * hast-util-to-mdast would flatten to 100m2: kept as the same tags around their text, the
 * sources' syntax for them (model/from-mdast.ts).
 */
function scriptHandler(tag: 'sup' | 'sub'): NonNullable<ToMdastOptions['handlers']>[string] {
  return (state, node) => [
    { type: 'html', value: `<${tag}>` },
    ...(state.all(node) as PhrasingContent[]),
    { type: 'html', value: `</${tag}>` },
  ];
}

/**
 * mammoth's and its zip and XML readers' failures, said in words: their messages are English
 * and name their own internals ("Cannot read properties of undefined"), of no use to a clerk.
 */
function whyUnreadable(e: unknown): string {
  const m = String((e as Error)?.message ?? e);
  if (/zip|central directory|End of data|signature/i.test(m)) return '压缩包不完整或已损坏（.docx 是一个压缩包，可能只下载或复制了一部分）';
  if (/main document part|body element/i.test(m)) return '里面没有 Word 正文（word/document.xml），可能不是 Word 文件，或已损坏';
  if (/xml|parse|unclosed|element/i.test(m)) return '里面的 XML 格式有误，文件已损坏';
  return '文件的内容不合 Word 的格式，可能已损坏';
}
