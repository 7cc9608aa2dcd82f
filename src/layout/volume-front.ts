/**
 * The front matter of a bound volume (合订本), composed once for the PDF and the 目录 DOCX: the
 * cover's lines, each on its grid lines, and the 目录's entries — every issue, its editor's
 * note, columns and items — each with its style, indents, blank lines and the volume page
 * where it begins. layout/place-volume-front.ts sets it on pages for the PDF; the DOCX
 * translates it with Word's own tab leaders. Neither sees the volume's model.
 */
import type { Volume, VolumeEntry } from '../model/volume.js';
import { composePage, composeText } from './compose.js';
import type { FontChoice, FontRole, GPage, GRun, GText, SourcePos } from './galley.js';
import { BODY, GRID, RED, VOLUME } from './spec.js';
import type { BlockStyle } from './styles.js';

export type FrontStyleId =
  | 'coverSeries'
  | 'coverName'
  | 'coverTitle'
  | 'coverSpan'
  | 'coverPublisher'
  | 'contentsTitle'
  | 'contentsIssue'
  | 'contentsPart'
  | 'contentsItem';

/** A line of the cover, centred on `gridLines` whole grid lines from grid line `line`. */
export interface CoverLine {
  style: FrontStyleId;
  runs: GRun[];
  line: number;
  gridLines: number;
  /** Print colour, when not black. */
  cmyk?: [number, number, number, number];
}

export interface Cover {
  lines: CoverLine[];
  /** A full-width rule on the boundary after grid line `afterLine` (0-based). */
  rule: { afterLine: number; widthPt: number; cmyk: [number, number, number, number] };
}

/** One entry of the 目录: its text wraps within the text column, its page number stands flush right. */
export interface ContentsLine {
  style: FrontStyleId;
  runs: GRun[];
  /** Where the first line starts, and where the lines after it start, in body characters from the left edge. */
  firstChars: number;
  restChars: number;
  /** The volume page, as the 目录 prints it. */
  page: string;
  blankBefore: number;
  keepWithNext: boolean;
  at?: SourcePos;
}

export interface Contents {
  title: { style: FrontStyleId; runs: GRun[]; blankAfter: number };
  lines: ContentsLine[];
  /** Body characters kept free at the right of every text line for the leader and the number. */
  pageColumnChars: number;
  pageRole: FontRole;
  leader: { run: GRun; pitchChars: number; clearChars: number };
}

export interface VolumeFront {
  meta: { title: string; author: string; isoDate: string; fileStem: string };
  page: GPage;
  text: GText;
  fonts: Record<FontRole, FontChoice>;
  styles: Record<FrontStyleId, BlockStyle>;
  cover: Cover;
  contents: Contents;
  /** Page labels a viewer shows for the cover and the 目录 pages. */
  labels: { cover: string; contents: string };
  /** Where the series settings are written, for messages about the cover's characters. */
  at: SourcePos;
}

const C = VOLUME.cover;
const T = VOLUME.contents;

const style = (name: string, role: FontRole, sizePt: number, more: Partial<BlockStyle> = {}): BlockStyle => ({
  name,
  role,
  sizePt,
  align: 'left',
  firstChars: 0,
  lineHeightPt: GRID.linePitchPt,
  keepWithNext: false,
  ...more,
});

/** The named styles of the front matter; the DOCX writes them as Word styles (目录 1, 2, 3 for the entries). */
export const FRONT_STYLES: Record<FrontStyleId, BlockStyle> = {
  coverSeries: style('封面系列名', C.seriesLine.role, C.seriesLine.sizePt, { align: 'center', color: C.seriesLine.color }),
  coverName: style('封面简报名称', C.name.role, C.name.sizePt, {
    align: 'center',
    color: C.name.color,
    lineHeightPt: C.name.lines * GRID.linePitchPt,
  }),
  coverTitle: style('封面标题', C.title.role, C.title.sizePt, { align: 'center' }),
  coverSpan: style('封面期次', C.span.role, C.span.sizePt, { align: 'center' }),
  coverPublisher: style('封面编印单位', C.publisher.role, C.publisher.sizePt, { align: 'center' }),
  contentsTitle: style('目录标题', T.title.role, T.title.sizePt, { align: 'center', keepWithNext: true }),
  contentsIssue: style('toc 1', T.issue.role, BODY.sizePt, { firstChars: T.issue.indentChars, keepWithNext: true }),
  contentsPart: style('toc 2', T.part.role, BODY.sizePt, { firstChars: T.part.indentChars, keepWithNext: true }),
  contentsItem: style('toc 3', T.item.role, BODY.sizePt, { firstChars: T.item.indentChars }),
};

const run = (text: string, role: FontRole): GRun[] => [{ text, role }];

function cover(v: Volume): Cover {
  const line = (s: FrontStyleId, text: string, spec: { role: FontRole; line: number; lines: number; color?: string }): CoverLine => ({
    style: s,
    runs: run(text, spec.role),
    line: spec.line,
    gridLines: spec.lines,
    ...(spec.color ? { cmyk: RED.cmyk } : {}),
  });
  return {
    lines: [
      line('coverSeries', v.seriesLine, C.seriesLine),
      line('coverName', v.name, C.name),
      line('coverTitle', C.titleText(v.year), C.title),
      line('coverSpan', `（${v.span}）`, C.span),
      line('coverPublisher', v.publisher, C.publisher),
    ],
    rule: { afterLine: C.ruleAfterLine, widthPt: C.ruleWidthPt, cmyk: RED.cmyk },
  };
}

function entryLine(e: VolumeEntry, at: SourcePos): ContentsLine {
  const base = { page: String(e.page), blankBefore: 0, at };
  switch (e.kind) {
    case 'note':
    case 'section':
      return {
        ...base,
        style: 'contentsPart',
        runs: run(e.text, T.part.role),
        firstChars: T.part.indentChars,
        restChars: T.part.indentChars,
        keepWithNext: e.kind === 'section',
      };
    case 'news':
      // The ★ stands in the item's first character and its wrapped lines under the text after it.
      return {
        ...base,
        style: 'contentsItem',
        runs: run(`${T.star}${e.text}`, T.item.role),
        firstChars: T.item.indentChars,
        restChars: T.item.indentChars + 1,
        keepWithNext: false,
      };
    case 'article':
      return {
        ...base,
        style: 'contentsItem',
        runs: run(e.text, T.item.role),
        firstChars: T.item.indentChars,
        restChars: T.item.indentChars,
        keepWithNext: false,
      };
  }
}

function contents(v: Volume): Contents {
  const lines: ContentsLine[] = [];
  v.issues.forEach((issue, i) => {
    lines.push({
      style: 'contentsIssue',
      runs: run(`${issue.label}（${issue.date}）`, T.issue.role),
      firstChars: T.issue.indentChars,
      restChars: T.issue.indentChars,
      page: String(issue.page),
      blankBefore: i === 0 ? 0 : T.issue.blankLinesBefore,
      keepWithNext: true,
      at: issue.at,
    });
    for (const e of issue.entries) lines.push(entryLine(e, issue.at));
  });
  return {
    title: { style: 'contentsTitle', runs: run(T.title.text, T.title.role), blankAfter: T.title.blankLinesAfter },
    lines,
    pageColumnChars: T.pageColumnChars,
    pageRole: T.pageRole,
    leader: { run: { text: T.leader.text, role: T.pageRole }, pitchChars: T.leader.pitchChars, clearChars: T.leader.clearChars },
  };
}

export function composeVolumeFront(v: Volume): VolumeFront {
  return {
    meta: {
      title: v.year !== undefined ? `${v.name}${C.titleText(v.year)}` : `${v.name}${C.titleText()}（${v.span}）`,
      author: v.publisher,
      isoDate: v.isoDate,
      fileStem: v.fileStem,
    },
    page: composePage(),
    text: composeText(),
    fonts: v.fonts,
    styles: FRONT_STYLES,
    cover: cover(v),
    contents: contents(v),
    labels: { ...VOLUME.labels },
    at: { file: 'bulletin.yaml', line: 1 },
  };
}
