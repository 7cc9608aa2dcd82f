/**
 * `--format docx`: the short 通报 an office sends each quarter — title in 小标宋, the period and
 * what the bulletin printed in 仿宋, the table by kind of unit (高校, 设区市 …) with a totals
 * row, the units that reported nothing, and the issuing office and date. Fonts are named the
 * official way (as the bulletin's own DOCX names them); page and sizes come from the layout
 * spec. Like the bulletin's DOCX it says once, in its document defaults, the 28 × 22 grid, the
 * language and Word's 中文版式 switches (render/docx/word-defaults.ts, xml-patches.ts), and is
 * zipped the same reproducible way. The docx package is loaded only for this format.
 */
import type { Paragraph as DocxParagraph, Table as DocxTable, TableRow as DocxTableRow } from 'docx';
import { formatChineseDate, parseIsoDate, type CalendarDate } from '../../dates.js';
import {
  ARTICLE,
  BODY,
  GRID,
  KINSOKU,
  OFFICIAL_FONT_NAMES,
  PAGE,
  PARAGRAPH_SPLIT,
  TABLE,
  TEXT_BLOCK,
  ZIHAO,
  mmToTwips,
  ptToTwips,
} from '../../layout/spec.js';
import type { FontRole } from '../../model/types.js';
import { reproducibleDocx } from '../../render/docx/reproducible-zip.js';
import { charsHundredths } from '../../render/docx/units.js';
import { documentDefaults, documentGrid } from '../../render/docx/word-defaults.js';
import { activeRows, numberText, rateText, type Stats, type UnitRow } from '../count.js';
import { describe } from '../describe.js';
import { stampDate } from '../stamp.js';
import { displayWidth } from '../text-width.js';

/** One grid line and the text block's width in twips, as in the bulletin's own DOCX. */
const LINE_TW = ptToTwips(GRID.linePitchPt);
const TEXT_WIDTH_TW = mmToTwips(TEXT_BLOCK.widthMm);

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The style of the table's paragraphs: table lines are not grid lines (snapToGrid off, xml-patches.ts). */
const TABLE_STYLE = { id: 'TongbaoTable', name: '通报表格' };

function fonts(role: FontRole): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  const name = OFFICIAL_FONT_NAMES[role];
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

export function docxTitle(stats: Stats): string {
  return `关于${stats.collected.period.label}《${stats.seriesName}》信息报送情况的通报`;
}

/** The opening paragraph: what the period's issues printed, in words. */
export function openingText(stats: Stats): string {
  const issues = stats.collected.issues;
  const items = stats.collected.items;
  const news = items.filter((i) => i.kind === 'news').length;
  const articles = items.filter((i) => i.kind === 'article').length;
  const notes = items.filter((i) => i.kind === 'note').length;
  const period = stats.collected.period.label;
  if (!issues.length) return `${period}，《${stats.seriesName}》没有编发。`;
  const range = issues.length === 1 ? issues[0]!.label : `${issues[0]!.label}至${issues[issues.length - 1]!.label}`;
  const printed = [`动态${news}条`, articles ? `经验交流等文章${articles}篇` : '', notes ? `编者按${notes}篇` : '']
    .filter(Boolean)
    .join('、');
  let text = `${period}，《${stats.seriesName}》共编发${issues.length}期（${range}），刊用${printed}。`;
  if (stats.hasImports)
    text += `共收到各单位来稿${stats.totals.received}份，采用${stats.totals.adopted}份，采用率${rateText(stats.totals)}。`;
  return `${text}现将各单位信息报送情况通报如下。`;
}

export async function renderStatsDocx(stats: Stats): Promise<Uint8Array> {
  const d = await import('docx');
  const { AlignmentType, BorderStyle, Document, LineRuleType, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } =
    d;
  const stamp = stampDate(stats);

  const run = (text: string, role: FontRole, sizePt: number): InstanceType<typeof TextRun> =>
    new TextRun({ text, font: fonts(role), size: Math.round(sizePt * 2) });
  const para = (
    text: string,
    role: FontRole,
    sizePt: number,
    opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; keepNext?: boolean } = {},
  ): DocxParagraph =>
    new Paragraph({
      alignment: opts.align ?? AlignmentType.JUSTIFIED,
      keepNext: opts.keepNext,
      // Exact grid lines come from the document defaults; the indent is two characters of the grid.
      indent: opts.indent
        ? { firstLine: 2 * (ptToTwips(sizePt) + BODY.docxRunSpacingTwips), firstLineChars: charsHundredths(2) }
        : undefined,
      children: text ? [run(text, role, sizePt)] : [],
    });

  // The table: header, then per kind of unit a row naming the kind and its units by total.
  const header = ['序号', '单位', ...stats.columns.map((c) => c.title), '合计', ...(stats.hasImports ? ['收稿', '采用', '采用率'] : [])];
  // A figure column must hold a two-character head (省级/动态) within the 156 mm block: the
  // table text steps down from 四号 as columns are added.
  const size = header.length > 9 ? ZIHAO.wuhao : header.length > 7 ? ZIHAO.xiaosi : TABLE.sizePt;
  const rows = activeRows(stats);
  const cells = (r: UnitRow): string[] => [
    r.name,
    ...r.counts.map(String),
    numberText(r.total),
    ...(stats.hasImports ? [String(r.received), String(r.adopted), rateText(r)] : []),
  ];
  const widthTw = TEXT_WIDTH_TW;
  const nameChars = Math.max(4, ...rows.map((r) => Math.ceil(displayWidth(r.name) / 2)));
  const nameTw = ptToTwips((nameChars + 2) * size); // + the cell margins
  const numberTw = ptToTwips(3.4 * size);
  // Figure columns share the rest; 采用率 (100%) needs half as much again as a count.
  const shares = header.slice(2).map((h) => (h === '采用率' ? 1.5 : 1));
  const unitTw = (widthTw - nameTw - numberTw) / shares.reduce((a, b) => a + b, 0);
  const widths = [numberTw, nameTw, ...shares.map((k) => Math.floor(unitTw * k))];
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, k: number, role: FontRole, span = 1): InstanceType<typeof TableCell> =>
    new TableCell({
      columnSpan: span,
      width: { size: span > 1 ? widths.slice(k, k + span).reduce((a, b) => a + b, 0) : widths[k]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({
          style: TABLE_STYLE.id,
          alignment: span > 1 || k !== 1 ? (span > 1 ? AlignmentType.LEFT : AlignmentType.CENTER) : AlignmentType.LEFT,
          children: [run(text, role, size)],
        }),
      ],
    });
  const tableRows: DocxTableRow[] = [new TableRow({ tableHeader: true, children: header.map((h, k) => cell(h, k, TABLE.headerRole)) })];
  let n = 0;
  let group = 0;
  for (const kind of stats.kinds) {
    const ofKind = rows.filter((r) => r.kind === kind);
    if (!ofKind.length) continue;
    tableRows.push(
      new TableRow({ cantSplit: true, children: [cell(`${CN_NUMBERS[group] ?? group + 1}、${kind}`, 0, TABLE.headerRole, header.length)] }),
    );
    group++;
    for (const r of ofKind) {
      n++;
      tableRows.push(new TableRow({ cantSplit: true, children: [String(n), ...cells(r)].map((t, k) => cell(t, k, TABLE.bodyRole)) }));
    }
  }
  const totals = [
    '',
    '合计',
    ...stats.totals.counts.map(String),
    numberText(stats.totals.total),
    ...(stats.hasImports ? [String(stats.totals.received), String(stats.totals.adopted), rateText(stats.totals)] : []),
  ];
  tableRows.push(new TableRow({ cantSplit: true, children: totals.map((t, k) => cell(t, k, TABLE.headerRole)) }));
  const table: DocxTable = new Table({ width: { size: widthTw, type: WidthType.DXA }, columnWidths: widths, rows: tableRows });

  const dateOf = (iso: string): CalendarDate => parseIsoDate(iso) as CalendarDate;
  const closing: DocxParagraph[] = [];
  const tail: string[] = [];
  const weights = stats.weights.news !== 1 || stats.weights.article !== 1 || stats.weights.note !== 1;
  if (weights)
    tail.push(
      `表中合计按每条动态${numberText(stats.weights.news)}分、每篇文章${numberText(stats.weights.article)}分、每篇编者按${numberText(stats.weights.note)}分折算。`,
    );
  if (stats.unassigned.length) tail.push(`另有${stats.unassigned.length}篇（条）稿件未注明供稿单位，未计入各单位。`);
  if (stats.silent.length)
    tail.push(`本期间没有报送信息的单位：${describe.silentNames(stats)}。请上述单位高度重视信息报送工作，及时报送工作动态。`);
  // The signature never stands alone on a page (GB/T 9704): the last sentence goes with it.
  tail.forEach((t, i) => closing.push(para(t, 'body', BODY.sizePt, { indent: true, keepNext: i === tail.length - 1 })));

  const doc = new Document({
    creator: stats.publisher,
    lastModifiedBy: stats.publisher,
    title: docxTitle(stats),
    styles: {
      default: documentDefaults({
        font: fonts('body'),
        sizePt: BODY.sizePt,
        color: BODY.color,
        runSpacingTwips: BODY.docxRunSpacingTwips,
        lineTw: LINE_TW,
      }),
      paragraphStyles: [
        {
          id: TABLE_STYLE.id,
          name: TABLE_STYLE.name,
          basedOn: 'Normal',
          paragraph: { spacing: { before: 0, after: 0, line: ptToTwips(size * TABLE.lineHeight), lineRule: LineRuleType.AT_LEAST } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(PAGE.widthMm), height: mmToTwips(PAGE.heightMm) },
            margin: {
              top: mmToTwips(PAGE.marginTopMm),
              bottom: mmToTwips(PAGE.marginBottomMm),
              left: mmToTwips(PAGE.marginLeftMm),
              right: mmToTwips(PAGE.marginRightMm),
            },
          },
          grid: documentGrid(LINE_TW),
        },
        children: [
          para(docxTitle(stats), ARTICLE.title.role, ARTICLE.title.sizePt, { align: AlignmentType.CENTER }),
          para('', 'body', BODY.sizePt),
          para(openingText(stats), 'body', BODY.sizePt, { indent: true }),
          para('', 'body', BODY.sizePt),
          table,
          para('', 'body', BODY.sizePt),
          ...closing,
          para('', 'body', BODY.sizePt, { keepNext: true }),
          para(stats.publisher, 'body', BODY.sizePt, { align: AlignmentType.RIGHT, keepNext: true }),
          para(formatChineseDate(dateOf(stamp)), 'body', BODY.sizePt, { align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return reproducibleDocx(doc, stamp, { kinsoku: KINSOKU, minSplitLines: PARAGRAPH_SPLIT.minLines }, [TABLE_STYLE.id]);
}
