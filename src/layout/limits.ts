/**
 * What the layout cannot hold, found on the composed Galley before any format is written, so
 * the clerk gets a located Chinese message and exit 1 instead of a crash in a renderer: a
 * table with more columns than the smallest table size fits, an end block (版记) taller than
 * a page (it must stand on one page, its last rule on the text block's bottom edge), a
 * publisher too long to share the line under the masthead with the date. What the
 * layout adapts to silently (a wide table set in smaller type) is a warning. `build` refuses
 * on these errors and `check` reports them, both through layoutLimits on the one composition,
 * so the two cannot disagree.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Galley, GRun } from './galley.js';
import { maxTableColumns } from './geometry.js';
import { cellOf } from './lines.js';
import { textEm, type Metrics } from './measure.js';
import { BODY, END_BLOCK, GRID, TABLE } from './spec.js';
import { STYLES } from './styles.js';

/** Names of the table size steps (TABLE.sizeStepsPt), as clerks know them from Word. */
const SIZE_NAMES: Record<number, string> = { 14: '四号', 12: '小四', 10.5: '五号', 9: '小五', 7.5: '六号' };

/** Lines the end block may take: a page, less the blank line kept above its top rule. */
export const END_BLOCK_MAX_LINES = GRID.lines - END_BLOCK.blankLinesBefore;

export function layoutLimits(g: Galley, metrics: Metrics): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A table inside a list item has what the item leaves of the text block, as composed.
  const walk = (blocks: Galley['body'], widthPt: number, inList: boolean): void => {
    for (const b of blocks) {
      if (b.kind === 'list') b.items.forEach((i) => walk(i.blocks, g.page.blockWidthPt - b.textAtChars * g.page.charPitchPt, true));
      if (b.kind !== 'table') continue;
      const maxCols = maxTableColumns(widthPt);
      const where = { file: b.at?.file ?? g.at.endBlock.file, line: b.at?.line, column: b.at?.column };
      if (b.columns.length > maxCols) {
        out.push({
          severity: 'error',
          rule: 'table-too-wide',
          ...where,
          message: inList
            ? `表格有 ${b.columns.length} 列，放在列表项里最多排得下 ${maxCols} 列（已缩到六号字）。请把表格移出列表、拆成两张，或行列互换后再构建`
            : `表格有 ${b.columns.length} 列，版心最多排得下 ${maxCols} 列（已缩到六号字）。请把表格拆成两张，或行列互换后再构建`,
        });
      } else if (b.sizePt < TABLE.sizePt) {
        const size = SIZE_NAMES[b.sizePt] ?? `${b.sizePt} 磅`;
        out.push({
          severity: 'warning',
          rule: 'table-size-reduced',
          ...where,
          message: `表格有 ${b.columns.length} 列，${SIZE_NAMES[TABLE.sizePt]}字排不下，已缩小到${size}字。如要正常字号，请把表格拆成两张，或行列互换`,
        });
      }
    }
  };
  walk(g.body, g.page.blockWidthPt, false);
  const eb = g.endBlock;
  if (eb.lines > END_BLOCK_MAX_LINES) {
    // Point at the longest list: that is the one to shorten.
    const longest = [...eb.distribution].sort((a, b) => b.lines - a.lines)[0];
    const at = longest?.at ?? g.at.endBlock;
    const what = longest ? `“${longest.label.replace(/：$/, '')}”的分送范围排出来有 ${longest.lines} 行，` : '';
    out.push({
      severity: 'error',
      rule: 'end-block-too-long',
      file: at.file,
      line: at.line,
      column: at.column,
      message: `版记太长：${what}整个版记共 ${eb.lines} 行，一页最多 ${END_BLOCK_MAX_LINES} 行，版记必须排在同一页上。请精简分送范围（如写“各设区市教育局”代替逐一列出），或改在本期 issue.yaml 的 distribution 中写简短的分送范围`,
    });
  }
  out.push(...publisherLineLimit(g, metrics));
  out.push(...contentsLimit(g));
  return out;
}

/**
 * A contents box that needs more lines than page 1 has under the masthead is not printed
 * (compose.ts): asked for with `always`, that is refused; under `auto` the issue goes out
 * without it, and the clerk is told. Said at the `contents:` key where one was written.
 */
function contentsLimit(g: Galley): Diagnostic[] {
  const c = g.contentsChoice;
  if (!c.tooTall) return [];
  // Unwritten (the default): at the issue.yaml, where `contents: never` would go.
  const at: { file: string; line?: number } = c.at ?? { file: g.at.endBlock.file };
  const what = `本期要目要 ${c.tooTall.lines} 行（标题、栏目名和 ${c.items} 个标题），第1页报头下只有 ${c.tooTall.room} 行，排不下`;
  return [
    c.setting === 'always'
      ? {
          severity: 'error',
          rule: 'contents-too-tall',
          file: at.file,
          line: at.line,
          column: at.line !== undefined ? 1 : undefined,
          message: `${what}。请把本期 issue.yaml 的 contents 改为 never（不印要目），或把一部分稿件移到下一期`,
        }
      : {
          severity: 'warning',
          rule: 'contents-too-tall',
          file: at.file,
          line: at.line,
          column: at.line !== undefined ? 1 : undefined,
          message: `${what}，本期不印要目。不想看到这条提醒，可在本期 issue.yaml 写 contents: never`,
        },
  ];
}

/**
 * The publisher line under the masthead is one grid line, its height reserved: a publisher
 * too long to stand beside the date wraps over the red rule (and, in the end block's printer
 * line, below its last rule). Refused at the key that holds the name. The printer line needs
 * no test of its own: it is the same name and date plus 印发 at 四号 in a line 2 characters
 * narrower, which leaves it more room than the masthead's 28 cells of 三号.
 */
function publisherLineLimit(g: Galley, metrics: Metrics): Diagnostic[] {
  const out: Diagnostic[] = [];
  const cell = g.page.charPitchPt;
  const width = (runs: GRun[], sizePt: number, trackPt = 0): number =>
    runs.reduce((a, r) => a + textEm(r.text, metrics.role(r.role), metrics) * sizePt + Array.from(r.text).length * trackPt, 0);
  const need = (pt: number, sizePt: number): number => Math.ceil(pt / sizePt - 1e-6);
  const room = (pt: number, sizePt: number): number => Math.floor(pt / sizePt + 1e-6);
  const pub = g.masthead.publisher;
  // 三号 is tightened to one character cell (BODY.pdfTrackPt), as the body text is.
  const pubSize = STYLES[pub.style].sizePt;
  const pubTrack = pubSize === BODY.sizePt ? BODY.pdfTrackPt : 0;
  const pubCell = cellOf({ sizePt: pubSize, trackPt: pubTrack });
  const pubRoom = g.page.blockWidthPt - 2 * pub.indentChars * cell;
  // The name, a character's gap, the date.
  const pubNeed = width(pub.left, pubSize, pubTrack) + cell + width(pub.right, pubSize, pubTrack);
  const at = pub.leftAt ?? g.at.masthead;
  const name = pub.left.map((r) => r.text).join('');
  const date = pub.right.map((r) => r.text).join('');
  if (pubNeed > pubRoom + 1e-6) {
    out.push({
      severity: 'error',
      rule: 'publisher-too-long',
      file: at.file,
      line: at.line,
      column: at.column,
      message: `编印单位“${name}”太长：报头下它和日期“${date}”排在同一行，要 ${need(pubNeed, pubCell)} 个字宽，一行只有 ${room(pubRoom, pubCell)} 个字宽。请写简称（如“省协同提质行动办公室”）`,
    });
  }
  return out;
}
