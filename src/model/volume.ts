/**
 * What a bound volume (合订本) says before the issues' own pages: the facts its cover and its
 * 目录 are composed from (layout/volume-front.ts), taken from the archive's record of each
 * issued issue or from the issues built now. Pages are the volume's own, counted from the first
 * page of the first issue (the front matter is labelled apart), not the issues' printed — n —.
 */
import type { ContentsKind } from '../archive/contents.js';
import type { FontChoice, FontRole, SourcePos } from './types.js';

export interface VolumeEntry {
  kind: ContentsKind;
  /** As the issue prints it: 【省级动态】, a news item's lead (without ★), an article's title. */
  text: string;
  /** Volume page where it begins. */
  page: number;
}

export interface VolumeIssue {
  /** The label as printed: 第9期, 2024年第3期, 增刊第1期. */
  label: string;
  /** The masthead date as printed: 2024年4月24日. */
  date: string;
  /** Volume page of the issue's first page. */
  page: number;
  entries: VolumeEntry[];
  /** Where the issue comes from, for a message about a character no font has. */
  at: SourcePos;
}

export interface Volume {
  seriesLine: string;
  name: string;
  publisher: string;
  /** The calendar year the volume binds, when it is one. */
  year?: number;
  /** What the span holds, as the cover says it: 第1期至第12期. */
  span: string;
  /** The last issue's date: the document date of the files, so the same issues give the same bytes. */
  isoDate: string;
  /** Output file name without extension: 工作动态2024年合订本. */
  fileStem: string;
  fonts: Record<FontRole, FontChoice>;
  seriesRoot: string;
  issues: VolumeIssue[];
}
