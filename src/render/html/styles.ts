/**
 * The one style table of the web edition, written out as classes plus a stylesheet (web) or
 * as inline declarations (WeChat). Block looks come from the Galley's styles (role, size,
 * alignment, indent, line height, colour); only the screen's own facts (font stacks, rem/px,
 * column width, flex for two-ended lines) are decided here.
 */
import type { FontRole, Galley, StyleId } from '../../layout/galley.js';
import type { StyleTable } from './dom.js';
import { fontStacks, SCREEN, rulePx } from './facts.js';
import type { HtmlVariant } from './document.js';

/** Lengths relative to the body size: rem in the web edition (the root carries the body size), px in WeChat. */
export type Len = (bodySizes: number) => string;

export function lengthFor(variant: HtmlVariant): Len {
  return variant === 'web' ? (n) => `${+n.toFixed(4)}rem` : (n) => `${+(n * SCREEN.phoneBodyPx).toFixed(2)}px`;
}

const ROLES: FontRole[] = ['body', 'title', 'hei', 'kai', 'song'];

/** Class names of the roles of runs: r-body, r-hei … */
export const roleStyle = (role: FontRole): string => `r-${role}`;

/** Chinese text rules, inherited by everything inside the page. */
const TEXT_RULES = [
  'line-break: strict',
  'word-break: normal',
  'overflow-wrap: anywhere',
  // Adjacent full-width punctuation set close, where the browser can (CSS Text 4).
  'text-spacing-trim: normal',
  // No extra space between Chinese and Latin or digits (spec §11).
  'text-autospace: no-autospace',
  'text-justify: inter-character',
  'hanging-punctuation: none',
  'font-kerning: none',
];

function blockCss(g: Galley, id: StyleId, len: Len): string {
  const s = g.styles[id];
  const decl = [
    `font-family: ${fontStacks(g)[s.role]}`,
    `font-size: ${len(s.sizePt / g.text.bodySizePt)}`,
    `line-height: ${+(s.lineHeightPt / s.sizePt).toFixed(4)}`,
    `text-align: ${s.align}`,
    `text-indent: ${s.firstChars}em`,
    'margin: 0',
    'font-weight: normal',
  ];
  if (s.color) decl.push(`color: #${s.color}`);
  return decl.join('; ');
}

export function styleTable(g: Galley, variant: HtmlVariant): StyleTable {
  const len = lengthFor(variant);
  const t: StyleTable = {};
  const FONT_STACKS = fontStacks(g);
  for (const id of Object.keys(g.styles) as StyleId[]) t[id] = blockCss(g, id, len);
  for (const r of ROLES) t[roleStyle(r)] = `font-family: ${FONT_STACKS[r]}`;
  const pitch = g.page.linePitchPt / g.text.bodySizePt;
  const blank = (n: number): string => len(n * pitch);
  Object.assign(t, {
    page: [
      `max-width: ${g.page.chars + SCREEN.columnAirEm}em`,
      'margin: 0 auto',
      `padding: ${blank(1)} ${SCREEN.sidePaddingPx}px ${blank(2)}`,
      `font-family: ${FONT_STACKS.body}`,
      `font-size: ${len(1)}`,
      `line-height: ${+pitch.toFixed(4)}`,
      'color: #000',
      'background: #fff',
      // No paragraph ends with one character alone on its last line (…借 / 鉴。): the browser
      // evens out its last lines. Where a browser lacks it, lines break as before.
      'text-wrap: pretty',
      ...TEXT_RULES,
    ].join('; '),
    titleWrap: 'text-wrap: balance',
    // Heads break between words only (head-words.ts puts a <wbr> at each word boundary). Not in
    // WeChat: its editor may drop the <wbr>s, and keep-all would then leave no place to break.
    headWords: variant === 'web' ? 'word-break: keep-all; overflow-wrap: anywhere' : '',
    keep: 'white-space: nowrap',
    paperBreak: '',
    bold: 'font-weight: bold',
    lead: 'display: inline; font-size: inherit; font-weight: normal; line-height: inherit; margin: 0',
    pubLine: 'display: flex; flex-wrap: wrap; justify-content: space-between; column-gap: 1em',
    pubRight: 'margin-left: auto',
    rule: `border: 0; border-top: ${rulePx(g.masthead.rule.widthPt)} solid #${g.masthead.rule.color}; margin: ${len(g.masthead.rule.offsetPt / g.text.bodySizePt)} 0 0; height: 0`,
    list: 'list-style: none; margin: 0; padding: 0',
    listItem: 'margin: 0; padding: 0',
    marker: 'display: inline-block; text-indent: 0',
    tableWrap: 'overflow-x: auto; margin: 0 auto',
    table: 'border-collapse: collapse; width: 100%; margin: 0 auto',
    cell: 'border-style: solid; border-color: #000; vertical-align: top',
    figure: 'margin: 0 auto; text-align: center',
    img: 'display: block; margin: 0 auto; max-width: 100%; height: auto',
    endBlock: 'margin: 0',
    endRow: 'display: flex; margin: 0',
    endLabel: 'flex: none',
    // Lists break between words (end-block.ts): a line stretched over the gap a moved word leaves
    // would open every character apart, so lines end where their last word does, as on paper.
    endText: 'flex: 1 1 auto; min-width: 0; text-align: start',
    endRight: 'text-align: right',
    endPrint: 'display: flex; flex-wrap: wrap; justify-content: space-between; column-gap: 1em; margin: 0',
    // The date keeps to the right, whole, also when a narrow screen puts it on a line of its own.
    endPrintDate: 'margin-left: auto; white-space: nowrap',
    link: 'color: inherit; text-decoration: underline',
    // The box's frame: its rules half a line's gap from the text, as on paper.
    contents: g.contents
      ? `border: ${rulePx(g.contents.ruleWidthPt)} solid #000; padding: ${len((pitch - 1) / 2)} ${len(g.contents.paddingChars)}; margin: 0`
      : 'margin: 0',
    contentsLink: 'color: inherit; text-decoration: none',
    ...contentsLayout(g, variant === 'wechat'),
  });
  return t;
}

/** Centred titles keep the galley's lines and let the browser balance what a narrow screen wraps again. */
export function titleStyles(id: StyleId): string[] {
  return [
    ...(id === 'articleTitle' || id === 'noteTitle' || id === 'seriesLine' || id === 'name' ? ['titleWrap'] : []),
    ...(isHead(id) ? ['headWords'] : []),
  ];
}

const HEADS: ReadonlySet<StyleId> = new Set<StyleId>([
  'seriesLine',
  'name',
  'noteTitle',
  'sectionHead',
  'articleTitle',
  'articleSubtitle',
  'heading1',
  'heading2',
  'heading3',
  'heading4',
]);

/** Heads and masthead lines: set by head-words.ts, broken between words only. */
export function isHead(id: StyleId): boolean {
  return HEADS.has(id);
}

/**
 * The columns of the contents box's lines: as on paper (head column, ★, headline; wrapped
 * lines under the headline), or stacked for narrow screens (the head on a line of its own,
 * flush left; the ★ at the left, the headline after it). The web edition switches to the
 * stacked form under SCREEN.wideFromPx; the WeChat variant, read on phones, is stacked.
 */
export function contentsLayout(g: Pick<Galley, 'contents'>, stacked: boolean): StyleTable {
  const box = g.contents;
  const none = 'display: none';
  if (!box)
    return { contentsRow: 'margin: 0', contentsHead: 'margin: 0', contentsGap: none, contentsMarker: 'margin: 0', contentsNoMarker: none };
  const m = box.textChars - box.headChars;
  const column = (em: number, shift = 0): string => `display: inline-block; width: ${em}em; margin-left: ${shift ? `-${shift}em` : '0'}`;
  // A headline wrapped on a phone would often leave one character alone on its last line.
  const wrap = 'text-wrap: pretty';
  // Every line starts at the headline's column; a first line's columns stand left of it.
  return stacked
    ? {
        contentsRow: `padding-left: ${m}em; text-indent: 0; ${wrap}`,
        contentsHead: `display: block; width: auto; margin-left: -${m}em`,
        contentsGap: none,
        contentsMarker: column(m, m),
        contentsNoMarker: none,
      }
    : {
        contentsRow: `padding-left: ${box.textChars}em; text-indent: 0; ${wrap}`,
        contentsHead: column(box.headChars, box.textChars),
        contentsGap: column(box.headChars, box.textChars),
        contentsMarker: column(m),
        contentsNoMarker: column(m),
      };
}
