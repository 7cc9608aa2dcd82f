/**
 * The one Galley → one self-contained HTML file. `web` is the web edition (classes
 * and one stylesheet, a print stylesheet, readable from 360 px up); `wechat` carries every
 * declaration inline for the official-account editor. Neither needs a script or asks any
 * other host for anything: images are data URIs, fonts are the reader's own.
 */
import type { Galley } from '../../layout/galley.js';
import type { RenderContext, Rendered } from '../formats.js';
import { anchorIds } from './anchors.js';
import { bodyNodes } from './blocks.js';
import { contentsNode } from './contents.js';
import { el } from './dom.js';
import { htmlDocument, type HtmlVariant } from './document.js';
import { endBlockNode } from './end-block.js';
import { mastheadNode } from './masthead.js';
import { lengthFor, styleTable } from './styles.js';

export function renderHtmlString(galley: Galley, variant: HtmlVariant = 'web'): string {
  const len = lengthFor(variant);
  const pitch = galley.page.linePitchPt / galley.text.bodySizePt;
  const ids = anchorIds(galley.body);
  const ctx = { len, pitch, ids, blockWidthPt: galley.page.blockWidthPt, styles: galley.styles, leftChars: 0, variant };
  // The masthead whole even on preprinted paper (GMasthead.onPreprintedPaper): a screen has no paper.
  const page = el('article', 'page', {}, [
    mastheadNode(galley.masthead, galley.styles, len, pitch, variant),
    ...(galley.contents ? [contentsNode(galley.contents, galley.styles, ids, len, pitch)] : []),
    el('main', null, {}, bodyNodes(galley.body, ctx)),
    endBlockNode(galley.endBlock, len, pitch),
  ]);
  return htmlDocument(galley, page, variant, styleTable(galley, variant));
}

/** A web page has no pages of its own: `pages` stays undefined. */
export async function renderHtml(galley: Galley, _ctx: RenderContext, variant: HtmlVariant = 'web'): Promise<Rendered> {
  return { bytes: new TextEncoder().encode(renderHtmlString(galley, variant)) };
}
