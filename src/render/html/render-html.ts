/**
 * Issue → galley (the one composition) → one self-contained HTML file. `web` is the web
 * edition (classes and one stylesheet, a print stylesheet, readable from 360 px up); `wechat`
 * carries every declaration inline for the official-account editor. Neither needs a script
 * or asks any other host for anything: images are data URIs, fonts are the reader's own.
 */
import { compose, issueMetrics } from '../../layout/compose.js';
import { BODY } from '../../layout/spec.js';
import type { Issue } from '../../model/types.js';
import type { RenderContext, Rendered } from '../formats.js';
import { bodyNodes } from './blocks.js';
import { el } from './dom.js';
import { htmlDocument, type HtmlVariant } from './document.js';
import { endBlockNode } from './end-block.js';
import { mastheadNode } from './masthead.js';
import { lengthFor, styleTable } from './styles.js';

export function renderHtmlString(issue: Issue, variant: HtmlVariant = 'web'): string {
  // The faces measure title lines and table columns; which file serves a role is the PDF's news.
  const galley = compose(issue, issueMetrics(issue));
  const len = lengthFor(variant);
  const pitch = galley.page.linePitchPt / BODY.sizePt;
  const ctx = { len, pitch, entries: 0, blockWidthPt: galley.page.blockWidthPt };
  const page = el('article', 'page', {}, [
    mastheadNode(galley.masthead, len, pitch),
    el('main', null, {}, bodyNodes(galley.body, ctx)),
    endBlockNode(galley.endBlock, len, pitch),
  ]);
  return htmlDocument(issue, page, variant, styleTable(galley, variant));
}

/** A web page has no pages of its own: `pages` stays undefined. */
export async function renderHtml(issue: Issue, _ctx: RenderContext, variant: HtmlVariant = 'web'): Promise<Rendered> {
  return { bytes: new TextEncoder().encode(renderHtmlString(issue, variant)), diagnostics: [] };
}
