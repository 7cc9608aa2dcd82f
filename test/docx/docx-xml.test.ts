/**
 * The DOCX's WordprocessingML read back: styles that carry fonts (eastAsia too), sizes, run
 * spacing and grid lines, runs and paragraphs with only what differs from their style, the
 * 28 × 22 grid, named styles that are defined and used, odd/even footers with a PAGE
 * field between em dashes, East Asian line breaking, the end block anchored at the bottom
 * margin, and the issue date in the core properties.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import {
  BODY,
  END_BLOCK,
  GRID,
  KINSOKU,
  MASTHEAD,
  OFFICIAL_FONT_NAMES,
  PAGE,
  PAGE_NUMBER,
  mm,
  mmToTwips,
  ptToTwips,
} from '../../src/layout/spec.js';
import type { Issue } from '../../src/model/types.js';
import { STYLE as DOCX_ONLY, STYLE_ID } from '../../src/render/docx/styles.js';

const STYLE = {
  ...STYLE_ID,
  ...DOCX_ONLY,
  heading: { 1: STYLE_ID.heading1, 2: STYLE_ID.heading2, 3: STYLE_ID.heading3, 4: STYLE_ID.heading4 },
};
import { SERIES, docxOf, issueOf, paragraphsOf, partsOf, textOf, textRunsOf, type DocxParts } from '../helpers/docx-build.js';

let mixed: Issue;
let sample: Issue;
let m: DocxParts;
let s: DocxParts;
let doc: string;

beforeAll(async () => {
  mixed = issueOf(SERIES.mixed);
  sample = issueOf(SERIES.sample);
  m = partsOf(await docxOf(mixed));
  s = partsOf(await docxOf(sample));
  doc = m.xml('word/document.xml');
});

const attr = (xml: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];
const official = new Set(Object.values(OFFICIAL_FONT_NAMES));

/** A style's definition in styles.xml. */
const styleDef = (parts: DocxParts, id: string): string =>
  new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(parts.xml('word/styles.xml'))?.[0] ?? '';

describe('runs', () => {
  test('every paragraph style names an official font for eastAsia, ascii and hAnsi, with its size and the run spacing', () => {
    for (const parts of [m, s]) {
      for (const id of Object.values(STYLE_ID)) {
        const def = styleDef(parts, id);
        const fonts = /<w:rFonts [^>]*\/>/.exec(def)?.[0] ?? '';
        const east = attr(fonts, 'w:eastAsia');
        expect(official.has(east ?? ''), id).toBe(true);
        expect(attr(fonts, 'w:ascii')).toBe(east);
        expect(attr(fonts, 'w:hAnsi')).toBe(east);
        expect(def, id).toMatch(/<w:sz w:val="\d+"\/>/);
        expect(attr(/<w:rPr>[\s\S]*?(<w:spacing [^>]*\/>)/.exec(def)?.[1] ?? '', 'w:val'), id).toBe(String(BODY.docxRunSpacingTwips));
      }
    }
  });

  test('runs carry no size, colour or spacing of their own: their style does', () => {
    for (const parts of [m, s]) {
      const runs = textRunsOf(parts.xml('word/document.xml'));
      expect(runs.length).toBeGreaterThan(50);
      for (const r of runs) expect(r, r.slice(0, 200)).not.toMatch(/<w:sz |<w:color |<w:spacing /);
    }
  });

  test('body text takes 三号 仿宋 from 简报正文; bold text is that 仿宋 with w:b, the one thing that differs', () => {
    const runs = textRunsOf(doc);
    const body = runs.find((r) => textOf(r).startsWith('4月下旬'));
    expect(body).toBeDefined();
    expect(body).not.toContain('<w:rFonts');
    const bodyStyle = styleDef(m, STYLE.body);
    expect(bodyStyle).toContain('<w:name w:val="简报正文"/>');
    expect(attr(bodyStyle, 'w:eastAsia')).toBe(OFFICIAL_FONT_NAMES.body);
    expect(bodyStyle).toContain(`<w:sz w:val="${BODY.sizePt * 2}"/>`);
    const bold = runs.find((r) => textOf(r) === '聚焦“五个一”重点任务')!;
    expect(bold).toContain('<w:b/>');
    expect(bold).not.toContain('<w:rFonts');
  });

  test('rare name characters stay in the text for the client to fall back on', () => {
    expect(textOf(doc)).toContain('王堃、李喆、张珺、陈昇、刘玥、赵彧、孙犇、周赟');
  });
});

describe('page and grid', () => {
  test('A4 with the standard margins and a line grid of 579 twips', () => {
    const sect = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(doc)?.[0] ?? '';
    const pgSz = /<w:pgSz [^>]*\/>/.exec(sect)?.[0] ?? '';
    expect(attr(pgSz, 'w:w')).toBe(String(mmToTwips(PAGE.widthMm)));
    expect(attr(pgSz, 'w:h')).toBe(String(mmToTwips(PAGE.heightMm)));
    const pgMar = /<w:pgMar [^>]*\/>/.exec(sect)?.[0] ?? '';
    expect(attr(pgMar, 'w:top')).toBe(String(mmToTwips(PAGE.marginTopMm)));
    expect(attr(pgMar, 'w:bottom')).toBe(String(mmToTwips(PAGE.marginBottomMm)));
    expect(attr(pgMar, 'w:left')).toBe(String(mmToTwips(PAGE.marginLeftMm)));
    expect(attr(pgMar, 'w:right')).toBe(String(mmToTwips(PAGE.marginRightMm)));
    const grid = /<w:docGrid [^>]*\/>/.exec(sect)?.[0] ?? '';
    expect(attr(grid, 'w:type')).toBe('lines');
    expect(attr(grid, 'w:linePitch')).toBe(String(ptToTwips(GRID.linePitchPt)));
    expect(GRID.lines * ptToTwips(GRID.linePitchPt)).toBeLessThanOrEqual(mmToTwips(PAGE.heightMm - PAGE.marginTopMm - PAGE.marginBottomMm));
  });

  test('body paragraphs: 简报正文 sets exact grid lines and the 2-character indent both ways; paragraphs repeat neither; kinsoku and overflowPunct for all', () => {
    const def = styleDef(m, STYLE.body);
    const spacing = /<w:spacing [^>]*w:line=[^>]*\/>/.exec(def)?.[0] ?? '';
    expect(attr(spacing, 'w:line')).toBe(String(ptToTwips(GRID.linePitchPt)));
    expect(attr(spacing, 'w:lineRule')).toBe('exact');
    const ind = /<w:ind [^>]*\/>/.exec(def)?.[0] ?? '';
    expect(attr(ind, 'w:firstLineChars')).toBe('200');
    expect(Number(attr(ind, 'w:firstLine'))).toBe(2 * (ptToTwips(BODY.sizePt) + BODY.docxRunSpacingTwips));
    const bodies = paragraphsOf(doc).filter((p) => p.includes(`<w:pStyle w:val="${STYLE.body}"/>`));
    expect(bodies.length).toBeGreaterThan(3);
    for (const p of bodies) {
      expect(p).not.toMatch(/w:line=|<w:ind |<w:jc /);
    }
    const defaults = /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(m.xml('word/styles.xml'))?.[0] ?? '';
    expect(defaults).toContain('<w:kinsoku/>');
    expect(defaults).toContain('<w:overflowPunct/>');
  });

  test('settings: odd/even footers, Chinese line-start and line-end characters, no punctuation compression', () => {
    const settings = m.xml('word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(settings).toContain(`<w:noLineBreaksBefore w:lang="zh-CN" w:val="${KINSOKU.noLineStart}"/>`);
    expect(settings).toContain(`<w:noLineBreaksAfter w:lang="zh-CN" w:val="${KINSOKU.noLineEnd}"/>`);
    expect(settings).toContain('<w:characterSpacingControl w:val="doNotCompress"/>');
    // Schema order: these sit between evenAndOddHeaders and compat.
    expect(settings.indexOf('<w:evenAndOddHeaders/>')).toBeLessThan(settings.indexOf('<w:noLineBreaksAfter'));
    expect(settings.indexOf('<w:noLineBreaksBefore')).toBeLessThan(settings.indexOf('<w:compat>'));
  });
});

describe('styles', () => {
  const used = [
    STYLE.body,
    STYLE.heading[1],
    STYLE.heading[2],
    STYLE.heading[3],
    STYLE.heading[4],
    STYLE.sectionHead,
    STYLE.note,
    STYLE.articleTitle,
    STYLE.articleSubtitle,
    STYLE.endBlock,
  ];

  test('the named paragraph styles and the item-lead character style are defined', () => {
    const styles = m.xml('word/styles.xml');
    for (const id of [...used, STYLE.noteTitle]) expect(styles, id).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}"`));
    expect(styles).toMatch(new RegExp(`<w:style w:type="character" w:styleId="${STYLE.itemLead}"`));
    // Heading levels carry outline levels, so Word's navigation pane shows them.
    expect(styles).toMatch(/w:styleId="Heading2"[\s\S]*?<w:outlineLvl w:val="1"\/>/);
  });

  test('and used: body, headings 1–4, section heads, note, article title and subtitle, end block, item leads', () => {
    for (const id of used) expect(doc, id).toContain(`<w:pStyle w:val="${id}"/>`);
    expect(doc).toContain(`<w:rStyle w:val="${STYLE.itemLead}"/>`);
    // A titled note (第9期) uses the note title style.
    expect(s.xml('word/document.xml')).toContain(`<w:pStyle w:val="${STYLE.noteTitle}"/>`);
  });

  test('news items: ★ and the lead in the item-lead style, the body in the same paragraph', () => {
    const item = paragraphsOf(doc).find((p) => textOf(p).startsWith('★省教育厅召开协同提质行动推进会。'));
    expect(item).toBeDefined();
    expect(textOf(item!)).toContain('5月6日，省教育厅在南昌召开');
    const leadRuns = textRunsOf(item!).filter((r) => r.includes(STYLE.itemLead));
    expect(leadRuns.map(textOf).join('')).toBe('★省教育厅召开协同提质行动推进会。');
  });
});

describe('masthead', () => {
  test('red series line and name, label with 总第N期, publisher and date split by a right tab, red rule under them', () => {
    const paras = paragraphsOf(doc);
    const name = paras.find((p) => p.includes(`<w:pStyle w:val="${STYLE.name}"/>`))!;
    expect(textOf(name)).toBe(mixed.masthead.name);
    expect(styleDef(m, STYLE.name)).toContain(`<w:color w:val="${MASTHEAD.name.color}"/>`);
    expect(styleDef(m, STYLE.name)).toContain(`<w:sz w:val="${MASTHEAD.name.sizePt * 2}"/>`);
    const label = paras.find((p) => p.includes(`<w:pStyle w:val="${STYLE.label}"/>`))!;
    expect(textOf(label)).toBe(`${mixed.masthead.label}\u3000${mixed.masthead.totalLabel}`);
    const pub = paras.find((p) => p.includes(`<w:pStyle w:val="${STYLE.publisherLine}"/>`))!;
    expect(textOf(pub)).toBe(mixed.masthead.publisher + mixed.masthead.date);
    expect(pub).toContain('<w:tab/>');
    expect(pub).toMatch(/<w:tabs><w:tab w:val="right" w:pos="\d+"\/><\/w:tabs>/);
    expect(pub).toMatch(
      new RegExp(
        `<w:bottom w:val="single" w:color="${MASTHEAD.name.color}" w:sz="${MASTHEAD.ruleWidthPt * 8}" w:space="${MASTHEAD.ruleOffsetPt}"/>`,
      ),
    );
    // The masthead starts the document: the classification line comes first.
    expect(textOf(paras[0]!)).toBe(mixed.masthead.classification);
  });
});

describe('footers', () => {
  test('default (odd) footer right-aligned, even footer left-aligned, both — PAGE — in 四号 宋体', () => {
    const sect = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(doc)?.[0] ?? '';
    const refs = Object.fromEntries([...sect.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((x) => [x[1], x[2]]));
    expect(Object.keys(refs).sort()).toEqual(['default', 'even']);
    const rels = m.xml('word/_rels/document.xml.rels');
    const target = (id: string): string => `word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1]}`;
    for (const [type, align, side] of [
      ['default', 'right', 'w:right'],
      ['even', 'left', 'w:left'],
    ] as const) {
      const footer = m.xml(target(refs[type]!));
      expect(footer).toContain(`<w:jc w:val="${align}"/>`);
      expect(attr(/<w:ind [^>]*\/>/.exec(footer)?.[0] ?? '', side)).toBe(String(ptToTwips(PAGE_NUMBER.sizePt) + BODY.docxRunSpacingTwips));
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      const [before, after] = PAGE_NUMBER.format(7).split('7');
      expect(textOf(footer)).toBe(`${before}${after}`);
      expect(footer).toContain(`<w:pStyle w:val="${STYLE.pageNumber}"/>`);
      expect(attr(styleDef(m, STYLE.pageNumber), 'w:eastAsia')).toBe(OFFICIAL_FONT_NAMES.song);
      expect(styleDef(m, STYLE.pageNumber)).toContain(`<w:sz w:val="${PAGE_NUMBER.sizePt * 2}"/>`);
    }
    // The number's top sits PAGE_NUMBER.belowTextBlockMm below the text block.
    const footerTw = Number(attr(/<w:pgMar [^>]*\/>/.exec(sect)?.[0] ?? '', 'w:footer'));
    expect(footerTw + ptToTwips(PAGE_NUMBER.sizePt)).toBe(mmToTwips(PAGE.marginBottomMm) - mmToTwips(PAGE_NUMBER.belowTextBlockMm));
  });
});

describe('end block', () => {
  test('a floating table anchored to the bottom of the margin, with outer and inner rules', () => {
    const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((x) => x[0]);
    const end = tables[tables.length - 1]!;
    const tblpPr = /<w:tblpPr [^>]*\/>/.exec(end)?.[0] ?? '';
    expect(attr(tblpPr, 'w:vertAnchor')).toBe('margin');
    expect(attr(tblpPr, 'w:tblpYSpec')).toBe('bottom');
    const borders = /<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(end)?.[0] ?? '';
    const sz = (side: string): string | undefined => attr(new RegExp(`<w:${side} [^>]*/>`).exec(borders)?.[0] ?? '', 'w:sz');
    expect(sz('top')).toBe(String(Math.round(mm(END_BLOCK.outerRuleMm) * 8)));
    expect(sz('bottom')).toBe(String(Math.round(mm(END_BLOCK.outerRuleMm) * 8)));
    expect(sz('insideH')).toBe(String(Math.round(mm(END_BLOCK.innerRuleMm) * 8)));
    const rows = [...end.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((x) => textOf(x[0]));
    const e = mixed.endBlock;
    expect(rows).toEqual([...e.distribution.map((d) => `${d.label}：${d.text}`), e.copies, `${e.printer}${e.printDate}`]);
    // The end block is the last thing in the body, followed only by its anchor paragraph.
    const after = doc.slice(doc.lastIndexOf('</w:tbl>'));
    expect(paragraphsOf(after).map(textOf)).toEqual(['']);
    expect(after).toContain(`<w:pStyle w:val="${STYLE.endAnchor}"/>`);
  });

  test('distribution lines 四号 仿宋, 1 character in, wrapped lines hang after the colon', () => {
    const row = paragraphsOf(doc).find((p) => textOf(p).startsWith('送：'))!;
    const ind = /<w:ind [^>]*\/>/.exec(row)?.[0] ?? '';
    const ch = ptToTwips(END_BLOCK.sizePt) + BODY.docxRunSpacingTwips;
    expect(Number(attr(ind, 'w:hanging'))).toBe(2 * ch);
    expect(Number(attr(ind, 'w:left'))).toBe(3 * ch);
    expect(Number(attr(ind, 'w:right'))).toBe(ch);
    expect(row).toContain(`<w:pStyle w:val="${STYLE.endBlock}"/>`);
    expect(attr(styleDef(m, STYLE.endBlock), 'w:eastAsia')).toBe(OFFICIAL_FONT_NAMES.body);
    expect(styleDef(m, STYLE.endBlock)).toContain(`<w:sz w:val="${END_BLOCK.sizePt * 2}"/>`);
  });
});

describe('document properties', () => {
  test('title, creator and the issue date as created and modified', () => {
    const core = m.xml('docProps/core.xml');
    expect(core).toContain(`<dc:title>${mixed.meta.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${mixed.meta.author}</dc:creator>`);
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${mixed.meta.isoDate}T00:00:00Z</dcterms:created>`);
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${mixed.meta.isoDate}T00:00:00Z</dcterms:modified>`);
  });
});

describe('end block on an even page (series option)', () => {
  test('a section of its own that starts on an even page, opened by a paragraph, with the same footers', async () => {
    const issue = structuredClone(mixed);
    issue.endBlock.onEvenPage = true;
    const xml = partsOf(await docxOf(issue)).xml('word/document.xml');
    const sects = [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((x) => x[0]);
    expect(sects).toHaveLength(2);
    expect(sects[0]).not.toContain('<w:type');
    expect(sects[1]).toContain('<w:type w:val="evenPage"/>');
    for (const sect of sects)
      expect([...sect.matchAll(/<w:footerReference w:type="(\w+)"/g)].map((x) => x[1])).toEqual(['default', 'even']);
    // The second section: after the paragraph holding the first sectPr, an anchor paragraph,
    // then the floating table.
    const second = xml.slice(xml.indexOf('</w:sectPr>') + '</w:sectPr>'.length);
    expect(second.indexOf(`<w:pStyle w:val="${STYLE.endAnchor}"/>`)).toBeLessThan(second.indexOf('<w:tblpPr'));
    expect(textOf(second)).toContain(issue.endBlock.printDate);
    expect(textOf(xml.slice(0, xml.indexOf('</w:sectPr>')))).not.toContain(issue.endBlock.printDate);
  });
});
