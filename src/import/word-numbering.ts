/**
 * Word's own numbering in the Chinese official forms (一、 （一） （1）, set with 开始 → 编号,
 * or through a heading style) is written into the paragraph's text before mammoth reads the
 * file. mammoth knows only "an ordered list", so these headings came in as a Markdown list
 * 1. 2. and lost their level; as typed text they go the way clerks' typed numbering goes
 * (src/import/segment.ts makes them headings of their level). Plain 1. 2. lists stay lists.
 *
 * The counters follow Word's: one set per abstract numbering (the lists that share it go on
 * counting), a level's start or a w:num's start override where it begins, and a level going
 * on restarts every level under it.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** Formats that mark a Chinese form; a decimal level counts when its text has 、 or full-width brackets. */
const CHINESE_FORMS = new Set([
  'chineseCounting',
  'chineseCountingThousand',
  'chineseLegalSimplified',
  'ideographTraditional',
  'decimalEnclosedCircle',
  'decimalEnclosedCircleChinese',
  'decimalFullWidth',
]);
const MAX_PART = 64 * 1024 * 1024;

interface Level {
  fmt: string;
  text: string;
  start: number;
}

const attr = (xml: string, tag: string): string | undefined => new RegExp(`<w:${tag}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];

export function typeNumbering(docx: Uint8Array): Uint8Array {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(docx, {
      filter: (f) => ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'].includes(f.name) && f.originalSize <= MAX_PART,
    });
  } catch {
    return docx;
  }
  const numbering = parts['word/numbering.xml'] && strFromU8(parts['word/numbering.xml']);
  const document = parts['word/document.xml'] && strFromU8(parts['word/document.xml']);
  if (!numbering || !document) return docx;

  const abstracts = new Map<string, Map<number, Level>>();
  for (const a of numbering.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of a[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(l[1]), {
        fmt: attr(l[2]!, 'numFmt') ?? 'decimal',
        text: attr(l[2]!, 'lvlText') ?? '',
        start: Number(attr(l[2]!, 'start') ?? 1),
      });
    }
    abstracts.set(a[1]!, levels);
  }
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  for (const n of numbering.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const starts = new Map<number, number>();
    for (const o of n[2]!.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const s = attr(o[2]!, 'startOverride');
      if (s !== undefined) starts.set(Number(o[1]), Number(s));
    }
    const abstract = attr(n[2]!, 'abstractNumId');
    if (abstract !== undefined) nums.set(n[1]!, { abstract, starts });
  }
  // Numbering a paragraph style carries (a heading style linked to 一、).
  const styles = new Map<string, { numId?: string; ilvl?: string }>();
  const stylesXml = parts['word/styles.xml'] ? strFromU8(parts['word/styles.xml']) : '';
  for (const s of stylesXml.matchAll(/<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(s[2]!)?.[1];
    if (numPr) styles.set(s[1]!, { numId: attr(numPr, 'numId'), ilvl: attr(numPr, 'ilvl') });
  }

  const counters = new Map<string, number[]>();
  const restarted = new Set<string>();
  let changed = false;
  const out = document.replace(
    /<w:p(?=[ >])([^>]*)>(<w:pPr>([\s\S]*?)<\/w:pPr>)?/g,
    (whole, attrs: string, _pPr: string | undefined, inner: string | undefined) => {
      const pPr = inner ?? '';
      const own = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1];
      const style = styles.get(attr(pPr, 'pStyle') ?? '');
      const numId = own !== undefined ? attr(own, 'numId') : style?.numId;
      const ilvl = Number((own !== undefined ? attr(own, 'ilvl') : undefined) ?? style?.ilvl ?? 0);
      const num = numId && numId !== '0' ? nums.get(numId) : undefined;
      const levels = num && abstracts.get(num.abstract);
      const level = levels?.get(ilvl);
      if (!num || !levels || !level) return whole;
      // Counted whether or not it is written out, so a Chinese level under a decimal one counts right.
      const count = counters.get(num.abstract) ?? [];
      // A list's start override sets where it begins, the first time that list numbers the level.
      if (num.starts.has(ilvl) && !restarted.has(`${numId}:${ilvl}`)) {
        count[ilvl] = num.starts.get(ilvl)! - 1;
        restarted.add(`${numId}:${ilvl}`);
      }
      count[ilvl] = (count[ilvl] ?? level.start - 1) + 1;
      count.length = ilvl + 1;
      counters.set(num.abstract, count);
      if (!(CHINESE_FORMS.has(level.fmt) || (level.fmt === 'decimal' && /[、（）]/.test(level.text)))) return whole;
      const label = level.text.replace(/%(\d)/g, (_, n: string) => {
        const l = Number(n) - 1;
        return formatNumber(count[l] ?? levels.get(l)?.start ?? 1, levels.get(l)?.fmt ?? 'decimal');
      });
      changed = true;
      // numId 0 turns the numbering off, the style's too; the label goes in as a typed run.
      const off = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
      const newPPr =
        own !== undefined ? pPr.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/, off) : pPr.replace(/<w:pStyle\b[^>]*\/>/, (s) => s + off);
      return `<w:p${attrs}><w:pPr>${newPPr}</w:pPr><w:r><w:t xml:space="preserve">${label}</w:t></w:r>`;
    },
  );
  if (!changed) return docx;
  let all: Record<string, Uint8Array>;
  try {
    all = unzipSync(docx, { filter: (f) => f.originalSize <= MAX_PART });
  } catch {
    return docx;
  }
  all['word/document.xml'] = strToU8(out);
  return zipSync(all as Zippable);
}

const DIGITS = '〇一二三四五六七八九';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';

function chinese(n: number, digits: string, ten: string): string {
  if (n < 10) return digits[n]!;
  if (n < 20) return ten + (n % 10 ? digits[n % 10] : '');
  if (n < 100) return digits[Math.floor(n / 10)]! + ten + (n % 10 ? digits[n % 10] : '');
  return String(n);
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
      return chinese(n, DIGITS, '十');
    case 'chineseLegalSimplified':
      return chinese(n, LEGAL, '拾');
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? STEMS[n - 1]! : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
      return String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
    default:
      return String(n);
  }
}
