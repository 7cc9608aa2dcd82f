/**
 * Assembles the docx Document: one A4 section with the 28 × 22 grid, the masthead, the body
 * and the end block, odd/even page-number footers, named styles and document properties.
 */
import { Document, DocumentGridType, SectionType, type FileChild, type ISectionOptions } from 'docx';
import type { Issue } from '../../model/types.js';
import { type BlockContext } from './blocks.js';
import { bodyContent } from './content.js';
import { endBlock, evenPageEndBlock } from './end-block.js';
import { FOOTER_DISTANCE_TW, pageNumberFooters } from './footers.js';
import { mastheadParagraphs } from './masthead.js';
import { bulletinStyles } from './styles.js';
import { LINE_TW, PAGE_TW } from './units.js';

function sectionOf(issue: Issue, children: FileChild[], type?: (typeof SectionType)[keyof typeof SectionType]): ISectionOptions {
  return {
    properties: {
      type,
      page: {
        size: { width: PAGE_TW.width, height: PAGE_TW.height },
        margin: { top: PAGE_TW.top, bottom: PAGE_TW.bottom, left: PAGE_TW.left, right: PAGE_TW.right, footer: FOOTER_DISTANCE_TW, header: 0, gutter: 0 },
      },
      // Word lays lines on this grid; LibreOffice and WPS get the same 22 lines from the
      // exact line heights and the 28 characters from the run spacing.
      grid: { type: DocumentGridType.LINES, linePitch: LINE_TW },
    },
    footers: pageNumberFooters(issue),
    children,
  };
}

export function buildDocument(issue: Issue): Document {
  let drawingId = 0;
  const ctx: BlockContext = { issue, nextDrawingId: () => ++drawingId };
  const main: FileChild[] = [...mastheadParagraphs(issue), ...bodyContent(ctx)];
  // An end block that must sit on an even page starts a section that begins on the next even
  // page (Word and LibreOffice insert a blank, unnumbered page when needed). The block then
  // always has a page of its own: without laying out the pages we cannot know whether the
  // body already ends on an even page with room to spare.
  const sections = issue.endBlock.onEvenPage
    ? [sectionOf(issue, main), sectionOf(issue, evenPageEndBlock(issue), SectionType.EVEN_PAGE)]
    : [sectionOf(issue, [...main, ...endBlock(issue)])];
  return new Document({
    title: issue.meta.title,
    creator: issue.meta.author,
    lastModifiedBy: issue.meta.author,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: bulletinStyles(issue),
    sections,
  });
}
