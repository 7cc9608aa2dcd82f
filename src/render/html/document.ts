/**
 * The HTML document around the body: language, title and meta tags (Open Graph, so a shared
 * link shows the issue), and — for the web edition — one inline stylesheet made from the
 * style table plus the page-level rules (screen sizes, print). The WeChat variant gets no
 * <style> at all: its body carries every declaration inline.
 */
import type { Galley, GMeta } from '../../layout/galley.js';
import { markupAttr, markupText } from '../../output/escape.js';
import { serialise, type El, type StyleTable } from './dom.js';
import { fontStacks, printFacts, SCREEN } from './facts.js';
import { contentsLayout } from './styles.js';

export type HtmlVariant = 'web' | 'wechat';

/**
 * Headlines of the first items, for the description a shared link shows: each without its own
 * closing mark (a lead ends in 。), joined by ；, so no “。；” reaches a chat preview.
 */
function description(m: GMeta): string {
  const text = m.headlines
    .map((h) => h.trim().replace(/[。．.！!？?；;，,、：:\s]+$/u, ''))
    .filter(Boolean)
    .join('；');
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function metaTags(m: GMeta): string {
  const title = `${m.name} ${m.label}`;
  const tags: Array<[string, string, string]> = [
    ['name', 'description', description(m)],
    ['name', 'author', m.publisher],
    ['name', 'date', m.isoDate],
    ['name', 'generator', 'bulletin'],
    ['property', 'og:type', 'article'],
    ['property', 'og:title', `${title}（${m.date}）`],
    ['property', 'og:description', description(m)],
    ['property', 'og:site_name', `${m.seriesLine} ${m.name}`],
    ['property', 'og:locale', 'zh_CN'],
    ['property', 'article:published_time', m.isoDate],
    ['property', 'article:author', m.publisher],
  ];
  return tags.map(([k, n, v]) => `<meta ${k}="${n}" content="${markupAttr(v)}">`).join('\n');
}

/** Page-level CSS of the web edition: sizes for phones and desktops, and print. */
function pageCss(g: Galley, table: StyleTable): string {
  const FONT_STACKS = fontStacks(g);
  const PRINT = printFacts(g);
  const rules = Object.entries(table).map(([k, v]) => `.${k} { ${v.trim()} }`);
  // The root carries the body size: every size below is in rem of it.
  return `html { font-size: ${SCREEN.phoneBodyPx}px; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: #000; font-family: ${FONT_STACKS.body}; }
${rules.join('\n')}
.contentsLink:hover, .contentsLink:focus { text-decoration: underline; }
@media (min-width: ${SCREEN.wideFromPx}px) { html { font-size: ${SCREEN.wideBodyPx}px; } }
/* Narrower than the paper's line, a head wraps as a whole instead of at the paper's breaks,
   and the contents box stacks each column head above its headlines. */
@media (max-width: ${SCREEN.wideFromPx - 0.02}px) {
  .paperBreak { display: none; }
${Object.entries(contentsLayout(g, true))
  .map(([k, v]) => `  .${k} { ${v} }`)
  .join('\n')}
}
@media print {
  @page { size: ${PRINT.page}; margin: ${PRINT.margins}; }
  html { font-size: ${PRINT.bodyPt}pt; }
  .page { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  figure, tr, img, nav { break-inside: avoid; }
}`;
}

export function htmlDocument(g: Galley, body: El, variant: HtmlVariant, table: StyleTable): string {
  const m = g.meta;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${markupText(`${m.seriesLine} ${m.name} ${m.label}（${m.date}）`)}</title>`,
    metaTags(m),
    variant === 'web' ? `<style>\n${pageCss(g, table)}\n</style>` : '',
  ].filter(Boolean);
  // The WeChat variant carries even the body font on its outer element, inline.
  const bodyAttrs = variant === 'web' ? '' : ' style="margin:0"';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
${head.join('\n')}
</head>
<body${bodyAttrs}>
${serialise(body, variant === 'web' ? 'class' : 'inline', table)}
</body>
</html>
`;
}
