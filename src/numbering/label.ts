/** Issue labels and file names, from the series' templates: 第{n}期, {year}年第{n}期, 总第{total}期. */
import type { Series } from '../config/series.js';

export interface LabelInput {
  number: number;
  year: number;
  total?: number;
  special?: string;
}

function fill(template: string, v: LabelInput): string {
  return template
    .replace(/\{n\}/g, String(v.number))
    .replace(/\{year\}/g, String(v.year))
    .replace(/\{total\}/g, String(v.total ?? ''))
    .replace(/\{special\}/g, v.special ?? '');
}

export function issueLabel(series: Pick<Series, 'label' | 'specialLabel'>, v: LabelInput): string {
  return fill(v.special ? series.specialLabel : series.label, v);
}

export function totalLabel(series: Pick<Series, 'totalLabel'>, v: LabelInput): string | undefined {
  return series.totalLabel && v.total !== undefined && !v.special ? fill(series.totalLabel, v) : undefined;
}

/** 工作动态第9期: the bulletin name and the label, brackets and spaces dropped, safe on Windows. */
export function fileStem(name: string, label: string): string {
  return `${name}${label}`.replace(/[（）()\s]/g, '').replace(/[\\/:*?"<>|]/g, '-');
}

/** The folder name `new` gives an issue: 009, 2024-03, 增刊-01, 2024-增刊-01. */
export function issueFolderName(numbering: Series['numbering'], v: LabelInput): string {
  const parts: string[] = [];
  if (numbering === 'yearly') parts.push(String(v.year));
  if (v.special) parts.push(v.special);
  parts.push(String(v.number).padStart(numbering === 'yearly' || v.special ? 2 : 3, '0'));
  return parts.join('-');
}
