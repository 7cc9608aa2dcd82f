/**
 * Assembles the docx Document from the Galley: one A4 section with the 28 × 22 grid, the
 * masthead, the contents box, the body and the end block, odd/even page-number footers, named styles and
 * document properties.
 */
import { Document, SectionType, type FileChild, type ISectionOptions } from 'docx';
import type { Galley } from '../../layout/galley.js';
import { blockToDocx, type BlockContext } from './blocks.js';
import { contentsBox } from './contents.js';
import { endBlock, evenPageEndBlock } from './end-block.js';
import { footerDistanceTw, pageNumberFooters } from './footers.js';
import { mastheadParagraphs } from './masthead.js';
import { bulletinStyles } from './styles.js';
import { lineTw, pageTw } from './units.js';
import { documentGrid } from './word-defaults.js';

function sectionOf(g: Galley, children: FileChild[], type?: (typeof SectionType)[keyof typeof SectionType]): ISectionOptions {
  const PAGE_TW = pageTw(g);
  return {
    properties: {
      type,
      page: {
        size: { width: PAGE_TW.width, height: PAGE_TW.height },
        margin: {
          top: PAGE_TW.top,
          bottom: PAGE_TW.bottom,
          left: PAGE_TW.left,
          right: PAGE_TW.right,
          footer: footerDistanceTw(g),
          header: 0,
          gutter: 0,
        },
      },
      // Word lays lines on this grid; LibreOffice and WPS get the same 22 lines from the
      // exact line heights and the 28 characters from the run spacing.
      grid: documentGrid(lineTw(g)),
    },
    footers: pageNumberFooters(g),
    children,
  };
}

export function buildDocument(g: Galley): Document {
  let drawingId = 0;
  const ctx: BlockContext = { galley: g, nextDrawingId: () => ++drawingId };
  // The blank lines after the masthead's rule are the first body block's space before, or the
  // contents box's, whose own blank lines after it then go to the first body block.
  const box = g.contents;
  const lead = box ? box.blankAfter : g.masthead.blankAfterRule;
  const body = g.body.map((b, i) => (i === 0 ? { ...b, blankBefore: b.blankBefore + lead } : b));
  const main: FileChild[] = [
    ...mastheadParagraphs(g),
    ...(box ? contentsBox(g, box, g.masthead.blankAfterRule) : []),
    ...body.flatMap((b) => blockToDocx(ctx, b)),
  ];
  // An end block that must sit on an even page starts a section that begins on the next even
  // page (Word and LibreOffice insert a blank, unnumbered page when needed). The block then
  // always has a page of its own: without laying out the pages we cannot know whether the
  // body already ends on an even page with room to spare.
  const sections = g.endBlock.onEvenPage
    ? [sectionOf(g, main), sectionOf(g, evenPageEndBlock(g), SectionType.EVEN_PAGE)]
    : [sectionOf(g, [...main, ...endBlock(g)])];
  return new Document({
    title: g.meta.title,
    creator: g.meta.author,
    lastModifiedBy: g.meta.author,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: bulletinStyles(g),
    sections,
  });
}
