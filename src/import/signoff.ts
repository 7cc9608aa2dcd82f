/**
 * The lines around a submission's text that are not text to print: the sign-off at its end
 * (the unit's name and the date, as a letter is signed), contact lines (联系人、电话、邮箱),
 * 附件 notes, （某某供稿） and 撰稿/审核 credits, and the same kinds of lines heading the file
 * (a letterhead, the unit's own issue number). The bulletin prints the unit as （某某供稿）
 * from the item's front matter, so these lines are taken out of the text; the unit and the
 * date they name go into the front matter, and every line taken out is named in import's
 * report with its reason.
 */
import type { Paragraph, RootContent, Text } from 'mdast';
import { isValidDate, toIso } from '../dates.js';
import { plain } from './clean-mdast.js';

export type EdgeKind = 'unit' | 'date' | 'unit-date' | 'credit' | 'contact' | 'attachment' | 'issue-label';

export interface EdgeLine {
  /** The block taken out (a whole paragraph or list), or the paragraph a credit was cut from. */
  block: RootContent;
  /** The text taken out, as written. */
  text: string;
  kind: EdgeKind;
  where: 'head' | 'tail' | 'inline';
  /** The unit the line names, as written. */
  unit?: string;
  /** The date the line gives, as YYYY-MM-DD. */
  date?: string;
}

/** Resolves a line that may be a unit's name: the registered canonical name, or undefined. */
export type UnitLookup = (text: string) => string | undefined;

const SPACE = /[\s\u3000]+/g;
const CN_DIGIT: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二十八 → 28, 十二 → 12, 五 → 5; undefined for anything else. */
function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || !s) return undefined;
  if (!m[2]) return m[1] || !m[3] ? undefined : CN_DIGIT[m[3]];
  return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? CN_DIGIT[m[3]]! : 0);
}

const YEAR = '(\\d{4}|[〇○零一二三四五六七八九]{4})';
const NUM = '(\\d{1,2}|[一二三]?十?[一二三四五六七八九]?)';
const CN_DATE = new RegExp(`^${YEAR}年${NUM}月${NUM}日$`);
const NUM_DATE = /^(\d{4})[.\-/．](\d{1,2})[.\-/．](\d{1,2})$/;

/** A whole line that is a date (2024年5月28日, 二〇二四年五月二十八日, 2024.5.28), as ISO. */
export function lineDate(text: string): string | undefined {
  const t = text.replace(SPACE, '').replace(/^[（(](.*)[）)]$/, '$1');
  const m = CN_DATE.exec(t) ?? NUM_DATE.exec(t);
  if (!m) return undefined;
  const year = /^\d+$/.test(m[1]!) ? Number(m[1]) : Number([...m[1]!].map((c) => CN_DIGIT[c]).join(''));
  const month = cnNumber(m[2]!);
  const day = cnNumber(m[3]!);
  if (month === undefined || day === undefined) return undefined;
  const d = { year, month, day };
  return isValidDate(d) ? toIso(d) : undefined;
}

/** How the names of units, offices and schools end: a line of one such name is a signature. */
const UNIT_NAME =
  /^[^，、。；：,;:\d（）()]{2,30}(大学|学院|学校|幼专|中学|小学|幼儿园|教育局|教育厅|教体局|教科体局|人民政府|办公室|研究院|教研室|中心|委员会|处|部|科|局|组)$/;

/** Words of a news title (学校成立教师发展中心), never of a unit's name. */
const TITLE_VERB = /召开|举办|举行|开展|成立|组织|启动|推进|深入|走进|签署|签订|参加|出席|调研|建设|获得|荣获|被|赴|到|与|在|为|的/;

function unitName(text: string, lookup: UnitLookup): string | undefined {
  const t = text.replace(SPACE, '');
  if (lookup(t)) return t;
  return UNIT_NAME.test(t) && !TITLE_VERB.test(t) ? t : undefined;
}

const CREDIT_FIELD =
  /^(?:供\s*稿(?:单位)?|撰\s*稿(?:人)?|审\s*核(?:人)?|审\s*稿|初\s*审|复\s*审|终\s*审|编\s*辑|责任编辑|通\s*讯\s*员|摄\s*影|供\s*图|来\s*源|作\s*者|执\s*笔)\s*[:：]/;
const CREDIT_BRACKETED = /^[（(]\s*(.{2,40}?)\s*供稿\s*[）)]$/;
const CREDIT_PLAIN = /^(.{2,40}?)\s*供稿$/;
const CONTACT =
  /^(?:联\s*系\s*人|联系电话|联系方式|办公电话|电\s*话|手\s*机|邮\s*箱|电子邮箱|电子邮件|e-?mail|传\s*真|通讯地址|地\s*址|邮\s*编|QQ)\s*[:：]/i;
const ATTACHMENT = /^附\s*件(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}))?\s*(?:[:：]|$)/;
const LIST_ITEM = /^\d{1,2}[.．、]\s*\S/;
/** The submitting unit's own issue number above its title (2024年第5期, 第12期（总第30期）). */
const ISSUE_LABEL = /^(?:\d{4}年)?第\s*\d{1,4}\s*期(?:[（(]总第\s*\d{1,5}\s*期[）)])?$/;

/** What a paragraph's line is, when it is a line of the edges at all. */
export function classifyLine(text: string, lookup: UnitLookup): Omit<EdgeLine, 'block' | 'where'> | undefined {
  const t = text.trim();
  if (!t || t.length > 80) return undefined;
  const date = lineDate(t);
  if (date) return { text: t, kind: 'date', date };
  if (ISSUE_LABEL.test(t.replace(SPACE, ''))) return { text: t, kind: 'issue-label' };
  const credit = CREDIT_BRACKETED.exec(t) ?? (CREDIT_FIELD.test(t) ? null : CREDIT_PLAIN.exec(t));
  if (credit) return { text: t, kind: 'credit', unit: credit[1]!.replace(/^(单位)?[:：]/, '').trim() };
  const field = /^[（(]?\s*(供\s*稿(?:单位)?)\s*[:：]\s*([^\s\u3000）)]+)/.exec(t);
  if (field) return { text: t, kind: 'credit', unit: field[2] };
  if (CREDIT_FIELD.test(t.replace(/^[（(]/, ''))) return { text: t, kind: 'credit' };
  if (CONTACT.test(t)) return { text: t, kind: 'contact' };
  if (ATTACHMENT.test(t)) return { text: t, kind: 'attachment' };
  const unit = unitName(t, lookup);
  if (unit) return { text: t, kind: 'unit', unit };
  // 九江市教育局　2024年5月28日 on one line.
  const parts = t.split(SPACE).filter(Boolean);
  if (parts.length === 2) {
    const u = unitName(parts[0]!, lookup);
    const d = lineDate(parts[1]!);
    if (u && d) return { text: t, kind: 'unit-date', unit: u, date: d };
  }
  return undefined;
}

const lineOf = (b: RootContent): string | undefined => (b.type === 'paragraph' || b.type === 'heading' ? plain(b).trim() : undefined);

export interface Edges {
  head: EdgeLine[];
  tail: EdgeLine[];
  /** What is left to segment, in order. */
  body: RootContent[];
}

/**
 * The edge lines at the top and the bottom of a submission, and the blocks between them. A
 * numbered line (or a Word list) counts as part of the tail only under an 附件 line; a unit's
 * name counts at the top only when more text follows it. Nothing is taken when it would leave
 * no text at all.
 */
export function findEdges(blocks: RootContent[], lookup: UnitLookup): Edges {
  const tail: EdgeLine[] = [];
  let end = blocks.length;
  let pending: EdgeLine[] = [];
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    const t = lineOf(b);
    const c = t === undefined ? undefined : classifyLine(t, lookup);
    if (c?.kind === 'attachment') {
      tail.unshift({ ...c, block: b, where: 'tail' }, ...pending);
      pending = [];
      end = i;
      continue;
    }
    if ((t !== undefined && LIST_ITEM.test(t) && !c) || b.type === 'list') {
      pending.unshift({ block: b, text: t ?? plain(b).trim(), kind: 'attachment', where: 'tail' });
      continue;
    }
    if (!c || pending.length) break;
    tail.unshift({ ...c, block: b, where: 'tail' });
    end = i;
  }
  const head: EdgeLine[] = [];
  let start = 0;
  for (let i = 0; i < end - 1; i++) {
    const b = blocks[i]!;
    const t = lineOf(b);
    const c = t === undefined ? undefined : classifyLine(t, lookup);
    if (!c || c.kind === 'attachment') break;
    head.push({ ...c, block: b, where: 'head' });
    start = i + 1;
  }
  if (start >= end) return { head: [], tail: [], body: blocks };
  return { head, tail, body: blocks.slice(start, end) };
}

const INLINE_CREDIT = /[（(]\s*([^（()）]{2,40}?)\s*供稿\s*[）)]\s*$/;

/**
 * （某某供稿） typed at the end of a paragraph: cut off (the bulletin adds its own from the
 * front matter) and returned, so the report can name it.
 */
export function cutInlineCredits(blocks: RootContent[]): EdgeLine[] {
  const out: EdgeLine[] = [];
  for (const b of blocks) {
    if (b.type !== 'paragraph') continue;
    const last = lastText(b);
    if (!last) continue;
    const m = INLINE_CREDIT.exec(last.value);
    if (!m || (m.index === 0 && b.children.length === 1)) continue;
    last.value = last.value.slice(0, m.index).replace(/[\s\u3000]+$/, '');
    if (!last.value) b.children = b.children.filter((c) => c !== last);
    out.push({ block: b, text: m[0].trim(), kind: 'credit', where: 'inline', unit: m[1]!.trim() });
  }
  return out;
}

function lastText(p: Paragraph): Text | undefined {
  const c = p.children[p.children.length - 1];
  return c?.type === 'text' ? c : undefined;
}

/** Why a line was taken out, for the report. */
export function edgeReason(e: EdgeLine, used: { unit: boolean; date: boolean }): string {
  const part = e.where === 'head' ? '信头' : '落款';
  const unitNote = used.unit ? '，单位已写入前言区 unit' : '';
  const dateNote = used.date ? '，日期已写入前言区 date' : '';
  switch (e.kind) {
    case 'unit':
      return `${part}的单位名称，没有印出（供稿单位按前言区 unit 印成“（……供稿）”）${unitNote}`;
    case 'date':
      return `${part}的日期，没有印出${dateNote}`;
    case 'unit-date':
      return `${part}的单位名称和日期，没有印出${unitNote}${dateNote}`;
    case 'credit':
      return e.where === 'inline'
        ? `段末的供稿署名，已去掉（简报按前言区 unit 印“（……供稿）”）${unitNote}`
        : `供稿、撰稿或审核署名，没有印出${unitNote}`;
    case 'contact':
      return '联系方式，没有印出';
    case 'attachment':
      return '附件说明，没有印出（附件本身不随稿件导入，需要时请另行处理）';
    case 'issue-label':
      return '来稿自己的期号，没有印出';
  }
}
