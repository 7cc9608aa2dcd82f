/**
 * The font side of `bulletin check`: resolve the fonts and lay out the issue's text as the
 * PDF would, without pdfmake, to find every character no font has and every configured font
 * that cannot serve — so the clerk learns of them before building.
 */
import { UserError, type Diagnostic } from '../../diagnostics.js';
import { FontResolver } from '../../fonts/resolve.js';
import type { Issue } from '../../model/types.js';
import { compose } from '../../layout/compose.js';
import { buildDocument } from './document.js';
import { Faces } from '../../fonts/faces.js';

export function fontProblems(issue: Issue): Diagnostic[] {
  const fonts = new Faces(new FontResolver(issue), () => undefined);
  try {
    buildDocument(compose(issue, fonts), { fonts, images: new Set<string>(), nextId: (p) => p });
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return e.diagnostics.length ? e.diagnostics : [{ severity: 'error', rule: 'font', file: 'bulletin.yaml', message: e.message }];
  }
  return [...fonts.missing.values()];
}
