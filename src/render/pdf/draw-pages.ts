/**
 * The paged document as a pdfmake document: every text, rule and image absolutely placed on
 * its page, the pages separated by explicit breaks. pdfmake breaks no line (each text is one
 * unbreakable piece) and paginates nothing; it embeds the fonts and writes the file.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Faces } from '../../fonts/faces.js';
import type { PagedDocument, PColor, PItem, PPage, PRule, PText } from '../../layout/paged.js';

const color = (c: PColor | undefined): string | number[] | undefined => (c === undefined ? undefined : 'rgb' in c ? `#${c.rgb}` : c.cmyk);

function inlineOf(t: PText, fonts: Faces): Record<string, unknown> {
  const inline: Record<string, unknown> = { text: t.text, font: fonts.use(t.face), fontSize: t.sizePt, noWrap: true };
  if (t.spacingPt) inline.characterSpacing = t.spacingPt;
  if (t.strokePt) inline.strokeWidth = t.strokePt;
  // The outline entry's node carries its id: pdfmake makes it a named destination.
  if (t.link) inline.linkToDestination = t.link;
  const c = color(t.color);
  if (c !== undefined) inline.color = c;
  return inline;
}

/**
 * Texts that pdfmake may set as the pieces of one line: on one baseline at one size, each
 * starting where the one before ends, with no added spacing (pdfmake measures a piece's
 * spacing one character short). Fewer nodes, the same positions.
 */
function continues(prev: PText, t: PText): boolean {
  return (
    t.baseline === prev.baseline &&
    t.sizePt === prev.sizePt &&
    !t.spacingPt &&
    !prev.spacingPt &&
    !t.outline &&
    Math.abs(prev.x + prev.widthPt - t.x) < 1e-6
  );
}

/** Texts of one line as one absolutely placed, unbreakable pdfmake text node. */
function textNode(line: PText[], fonts: Faces): Content {
  const first = line[0]!;
  // pdfmake sets a line's glyphs the tallest ascent of its pieces below the line's top.
  const ascent = Math.max(...line.map((t) => t.face.ascentEm * t.sizePt));
  // Each piece keeps the next on its line, whatever room pdfmake thinks is left.
  const inlines = line.map((t, i) => (i < line.length - 1 ? { ...inlineOf(t, fonts), noNewLine: true } : inlineOf(t, fonts)));
  const node: Record<string, unknown> = { text: inlines, absolutePosition: { x: first.x, y: first.baseline - ascent } };
  if (first.outline) {
    node.id = first.outline.id;
    node.outline = true;
    node.outlineText = first.outline.text;
    if (first.outline.parentId) node.outlineParentId = first.outline.parentId;
  }
  return node as unknown as Content;
}

function rulesNode(rules: PRule[]): Content {
  const lines = rules.map((r) => {
    const line: Record<string, unknown> = { type: 'line', x1: r.x1, y1: r.y1, x2: r.x2, y2: r.y2, lineWidth: r.widthPt };
    line.lineColor = color(r.color) ?? 'black';
    return line;
  });
  return { canvas: lines, absolutePosition: { x: 0, y: 0 } } as unknown as Content;
}

function pageNodes(page: PPage, fonts: Faces, images: Set<string>): Content[] {
  const nodes: Content[] = [];
  const rules: PRule[] = [];
  let line: PText[] = [];
  const flush = (): void => {
    if (line.length) nodes.push(textNode(line, fonts));
    line = [];
  };
  for (const item of page.items as PItem[]) {
    if (item.kind === 'text') {
      if (line.length && !continues(line.at(-1)!, item)) flush();
      line.push(item);
      continue;
    }
    flush();
    if (item.kind === 'rule') rules.push(item);
    else {
      images.add(item.path);
      nodes.push({ image: item.path, width: item.widthPt, height: item.heightPt, absolutePosition: { x: item.x, y: item.y } } as Content);
    }
  }
  flush();
  if (rules.length) nodes.push(rulesNode(rules));
  return nodes;
}

/** The issue date at 00:00 UTC: the same sources give the same bytes. */
export function issueDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** What drawing needs of a document: its pages, and the title, author and date of its properties. */
export type DrawnDocument = Pick<PagedDocument, 'widthPt' | 'heightPt' | 'pages'> & {
  meta: Pick<PagedDocument['meta'], 'isoDate' | 'title' | 'author'>;
};

export function documentOf(doc: DrawnDocument, fonts: Faces, images: Set<string>): TDocumentDefinitions {
  const date = issueDate(doc.meta.isoDate);
  const content: Content[] = doc.pages.map(
    (page, i) => ({ stack: pageNodes(page, fonts, images), ...(i > 0 ? { pageBreak: 'before' } : {}) }) as Content,
  );
  return {
    pageSize: { width: doc.widthPt, height: doc.heightPt },
    pageMargins: [0, 0, 0, 0],
    language: 'zh-CN',
    info: {
      title: doc.meta.title,
      author: doc.meta.author,
      creator: 'bulletin',
      producer: 'bulletin',
      creationDate: date,
      modDate: date,
    } as TDocumentDefinitions['info'],
    defaultStyle: { font: fonts.use(fonts.role('body')) },
    content,
  };
}
