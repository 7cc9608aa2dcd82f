/**
 * The font side of `bulletin check`: resolve the fonts, compose the issue (the one layout every
 * format shares) and look up each printed character in its role's face and the fallback face
 * (layout/coverage.ts). No PDF is planned: the clerk learns of every character no font has,
 * and of every configured font that cannot serve, at the cost of reading the fonts' cmaps.
 */
import { UserError, type Diagnostic } from '../diagnostics.js';
import { compose, issueMetrics } from '../layout/compose.js';
import { missingGlyphs, type Locate } from '../layout/coverage.js';
import type { Issue } from '../model/types.js';

export function fontProblems(issue: Issue, locate: Locate): Diagnostic[] {
  const fonts = issueMetrics(issue);
  try {
    return missingGlyphs(compose(issue, fonts), fonts, locate);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return e.diagnostics.length ? e.diagnostics : [{ severity: 'error', rule: 'font', file: 'bulletin.yaml', message: e.message }];
  }
}
