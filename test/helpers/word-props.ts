/**
 * The properties Word applies to a paragraph or a run, resolved through the style hierarchy
 * of ECMA-376 §17.7.2 as WordprocessingML says it: direct formatting, then the run's character
 * style, then the paragraph's style and the styles it is based on, then the document defaults.
 * Only what the tests ask about is read: on/off paragraph properties and the run's language.
 */

export interface StyleDef {
  id: string;
  type: string;
  basedOn?: string;
  default: boolean;
  pPr: string;
  rPr: string;
}

export interface WordStyles {
  pPrDefault: string;
  rPrDefault: string;
  byId: Map<string, StyleDef>;
}

const inner = (xml: string, tag: string): string => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '';

/** A paragraph's own properties, without the run properties of its mark. */
const ownPPr = (pPr: string): string => pPr.replace(/<w:rPr>[\s\S]*?<\/w:rPr>/, '');

export function readStyles(xml: string): WordStyles {
  const byId = new Map<string, StyleDef>();
  for (const m of xml.matchAll(/<w:style ([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const attrs = m[1]!;
    const body = m[2]!;
    const id = /w:styleId="([^"]+)"/.exec(attrs)![1]!;
    byId.set(id, {
      id,
      type: /w:type="([^"]+)"/.exec(attrs)?.[1] ?? '',
      basedOn: /<w:basedOn w:val="([^"]+)"\/>/.exec(body)?.[1],
      default: /w:default="(1|true|on)"/.test(attrs),
      pPr: ownPPr(inner(body, 'w:pPr')),
      rPr: inner(body, 'w:rPr'),
    });
  }
  const defaults = inner(xml, 'w:docDefaults');
  return {
    pPrDefault: ownPPr(inner(inner(defaults, 'w:pPrDefault'), 'w:pPr')),
    rPrDefault: inner(inner(defaults, 'w:rPrDefault'), 'w:rPr'),
    byId,
  };
}

/** A style and the styles it is based on, nearest first. */
function chain(s: WordStyles, id: string | undefined): StyleDef[] {
  const out: StyleDef[] = [];
  for (let cur = id ? s.byId.get(id) : undefined; cur && !out.includes(cur); cur = cur.basedOn ? s.byId.get(cur.basedOn) : undefined)
    out.push(cur);
  return out;
}

/** The value of an on/off property (CT_OnOff) in a properties element, undefined where it is not said. */
export function onOff(props: string, name: string): boolean | undefined {
  const m = new RegExp(`<w:${name}(?: w:val="([^"]*)")?/>`).exec(props);
  if (!m) return undefined;
  return !['0', 'false', 'off'].includes(m[1] ?? 'true');
}

/** The w:pPr of paragraph `p`, mark properties included. */
const paragraphPPr = (p: string): string | undefined => /^<w:p\b[^>]*>\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1];

const defaultStyle = (s: WordStyles, type: string): string | undefined =>
  [...s.byId.values()].find((d) => d.type === type && d.default)?.id;

/** The paragraph's style and the styles it is based on (the default paragraph style when it names none). */
function paragraphChain(s: WordStyles, p: string): StyleDef[] {
  const pPr = paragraphPPr(p) ?? '';
  return chain(s, /<w:pStyle w:val="([^"]+)"\/>/.exec(pPr)?.[1] ?? defaultStyle(s, 'paragraph'));
}

/** What an on/off paragraph property is for paragraph `p` (a w:p element), and where that was said. */
export function paragraphProperty(s: WordStyles, p: string, name: string): { value: boolean | undefined; from: string } {
  const pPr = paragraphPPr(p);
  const direct = pPr ? onOff(ownPPr(pPr), name) : undefined;
  if (direct !== undefined) return { value: direct, from: 'paragraph' };
  for (const st of paragraphChain(s, p)) {
    const v = onOff(st.pPr, name);
    if (v !== undefined) return { value: v, from: `style ${st.id}` };
  }
  return { value: onOff(s.pPrDefault, name), from: 'document defaults' };
}

/** A language attribute (w:val for Latin text, w:eastAsia for East Asian text) of a run's properties. */
const language = (rPr: string, attr: 'val' | 'eastAsia'): string | undefined =>
  new RegExp(`<w:lang [^>]*w:${attr}="([^"]+)"`).exec(rPr)?.[1];

/**
 * The language of the text of run `r` (a w:r element, or the properties of a paragraph mark)
 * in paragraph `p`, for East Asian or Latin text, and where it was said.
 */
export function runLanguage(s: WordStyles, p: string, r: string, attr: 'val' | 'eastAsia'): { value: string | undefined; from: string } {
  const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r)?.[1] ?? '';
  const direct = language(rPr, attr);
  if (direct) return { value: direct, from: 'run' };
  for (const st of chain(s, /<w:rStyle w:val="([^"]+)"\/>/.exec(rPr)?.[1])) {
    const v = language(st.rPr, attr);
    if (v) return { value: v, from: `character style ${st.id}` };
  }
  for (const st of paragraphChain(s, p)) {
    const v = language(st.rPr, attr);
    if (v) return { value: v, from: `style ${st.id}` };
  }
  return { value: language(s.rPrDefault, attr), from: 'document defaults' };
}

/** Every w:p of a part, and in each its runs and the properties of its mark. */
export function paragraphsAndRuns(xml: string): Array<{ p: string; runs: string[] }> {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => {
    const p = m[0];
    const mark = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(paragraphPPr(p) ?? '')?.[0];
    const runs = [...p.matchAll(/<w:r(?: [^>]*)?>[\s\S]*?<\/w:r>/g)].map((r) => r[0]);
    return { p, runs: mark ? [mark, ...runs] : runs };
  });
}
