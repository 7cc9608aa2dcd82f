/**
 * The galley's end block (版记) → footer: the distribution lists (label, text wrapping after
 * the colon), the copies line, the print line, and the rules the galley placed between them.
 * The web has no page bottom to pin it to; it closes the issue after its blank lines.
 */
import type { GEndBlock } from '../../layout/galley.js';
import { el, type El } from './dom.js';
import { rulePx } from './facts.js';
import { headRunNodes } from './head-words.js';
import type { Len } from './styles.js';

export function endBlockNode(e: GEndBlock, len: Len, pitch: number): El {
  const ruleAfter = new Map(e.rules.map((r) => [r.afterLines, r.widthPt]));
  const border = (side: 'top' | 'bottom', afterLines: number): string | undefined => {
    const w = ruleAfter.get(afterLines);
    return w === undefined ? undefined : `border-${side}: ${rulePx(w)} solid #000`;
  };
  const pad = `padding: 0 ${e.indentChars}em`;
  const rows: El[] = [];
  let count = 0;
  for (const d of e.distribution) {
    count += d.lines;
    rows.push(
      el('p', [e.style, 'endRow'], { style: [pad, border('bottom', count)].filter(Boolean).join('; ') }, [
        el('span', 'endLabel', {}, [d.label]),
        // Lists of units break between words on a narrow screen, as heads do (…各设区市 / 教育局。).
        el('span', ['endText', 'headWords'], {}, headRunNodes([{ text: d.text, role: e.role }], e.role, 'dropped')),
      ]),
    );
  }
  if (e.copies) {
    count += 1;
    rows.push(el('p', [e.style, 'endRight'], { style: [pad, border('bottom', count)].filter(Boolean).join('; ') }, [e.copies]));
  }
  count += 1;
  rows.push(
    el('p', [e.style, 'endPrint'], { style: [pad, border('bottom', count)].filter(Boolean).join('; ') }, [
      el('span', null, {}, [e.printer]),
      el('span', 'endPrintDate', {}, [e.printDate]),
    ]),
  );
  const top = [border('top', 0), e.blankBefore > 0 ? `margin-top: ${len(e.blankBefore * pitch)}` : undefined].filter(Boolean).join('; ');
  return el('footer', 'endBlock', { style: top || undefined }, rows);
}
