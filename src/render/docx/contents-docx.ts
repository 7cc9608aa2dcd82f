/**
 * The 目录 of a bound volume as a DOCX the office can edit: the front matter's title and
 * entries with Word's own means — each entry a paragraph of Word's built-in 目录 1/2/3 style
 * (toc 1–3), its text wrapping short of the page-number column, a right tab stop at the text
 * block's edge with a middle-dot leader, then the page number — so that changing a title in
 * Word keeps the dots and the number in place. Same page, grid, defaults and reproducible
 * packing as the bulletin's own DOCX.
 */
import { Document, LeaderType, Paragraph, TabStopType, TextRun, type ParagraphChild } from 'docx';
import type { FontRole, GRun } from '../../layout/galley.js';
import type { ContentsLine, FrontStyleId, VolumeFront } from '../../layout/volume-front.js';
import { reproducibleDocx } from './reproducible-zip.js';
import { ALIGN, fontsFor, paragraphStyle } from './styles.js';
import { charsHundredths, charsTw, lineTw, lines, pageTw, textWidthTw } from './units.js';
import { documentDefaults, documentGrid } from './word-defaults.js';
import { tabRun } from './runs.js';

/** Word style ids; the entries use Word's built-in 目录 styles, which Word shows under its own names. */
const STYLE_ID: Partial<Record<FrontStyleId, string>> = {
  contentsTitle: 'ContentsTitle',
  contentsIssue: 'TOC1',
  contentsPart: 'TOC2',
  contentsItem: 'TOC3',
};

const styleId = (s: FrontStyleId): string => STYLE_ID[s] ?? s;

function runs(f: VolumeFront, list: GRun[], role: FontRole): ParagraphChild[] {
  return list
    .filter((r) => r.text !== '')
    .map((r) => new TextRun({ text: r.text, font: r.role !== role ? fontsFor(f, r.role) : undefined, bold: r.bold || undefined }));
}

function entry(f: VolumeFront, l: ContentsLine): Paragraph {
  const st = f.styles[l.style];
  const size = st.sizePt;
  const c = f.contents;
  const hanging = l.restChars - l.firstChars;
  const numberRole = c.pageRole !== st.role ? fontsFor(f, c.pageRole) : undefined;
  return new Paragraph({
    style: styleId(l.style),
    spacing: l.blankBefore ? { before: lines(f, l.blankBefore) } : undefined,
    // The text wraps short of the number column; the tab stop stands at the block's edge.
    indent: {
      left: charsTw(f, l.restChars, size),
      right: charsTw(f, c.pageColumnChars, size),
      ...(hanging > 0
        ? { hanging: charsTw(f, hanging, size) }
        : { firstLine: charsTw(f, -hanging, size), firstLineChars: charsHundredths(-hanging) }),
    },
    tabStops: [{ type: TabStopType.RIGHT, position: textWidthTw(f), leader: LeaderType.MIDDLE_DOT }],
    keepNext: l.keepWithNext || undefined,
    children: [...runs(f, l.runs, st.role), tabRun(), new TextRun({ text: l.page, font: numberRole })],
  });
}

export async function renderContentsDocx(f: VolumeFront): Promise<Uint8Array> {
  const used: FrontStyleId[] = ['contentsTitle', 'contentsIssue', 'contentsPart', 'contentsItem'];
  const title = f.contents.title;
  const page = pageTw(f);
  const doc = new Document({
    title: `${f.meta.title}目录`,
    creator: f.meta.author,
    lastModifiedBy: f.meta.author,
    revision: 1,
    styles: {
      default: documentDefaults({
        font: fontsFor(f, 'body'),
        sizePt: f.text.bodySizePt,
        color: f.text.color,
        runSpacingTwips: f.text.docxRunSpacingTwips,
        lineTw: lineTw(f),
      }),
      paragraphStyles: used.map((s) => paragraphStyle(f, styleId(s), f.styles[s], undefined, 'Normal')),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: page.top, bottom: page.bottom, left: page.left, right: page.right, header: 0, footer: 0, gutter: 0 },
          },
          grid: documentGrid(lineTw(f)),
        },
        children: [
          new Paragraph({
            style: styleId(title.style),
            alignment: ALIGN[f.styles[title.style].align],
            children: runs(f, title.runs, f.styles[title.style].role),
          }),
          ...f.contents.lines.map((l, i) =>
            i === 0 && title.blankAfter ? entry(f, { ...l, blankBefore: l.blankBefore + title.blankAfter }) : entry(f, l),
          ),
        ],
      },
    ],
  });
  return reproducibleDocx(doc, f.meta.isoDate, f.text, []);
}
