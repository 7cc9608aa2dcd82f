/**
 * The paper side of `bulletin check`: resolve the fonts, compose the issue once (the one layout
 * every format shares), look up each printed character in its role's face and the fallback
 * face (layout/coverage.ts), and hold the composition against the page's limits
 * (layout/limits.ts, the same check `build` refuses on). No PDF is planned: the clerk learns of
 * every character no font has, every configured font that cannot serve and everything the page
 * cannot hold, at the cost of reading the fonts' tables.
 */
import { UserError, type Diagnostic } from '../diagnostics.js';
import { compose, issueMetrics } from '../layout/compose.js';
import { missingGlyphs, type Locate } from '../layout/coverage.js';
import { layoutLimits } from '../layout/limits.js';
import type { Issue } from '../model/types.js';

export interface PaperProblems {
  /** Characters no font has, or the fonts that cannot serve (then nothing was composed). */
  fonts: Diagnostic[];
  /** What the page cannot hold or the layout adapts to; empty when nothing was composed. */
  limits: Diagnostic[];
}

export function paperProblems(issue: Issue, locate: Locate): PaperProblems {
  const fonts = issueMetrics(issue);
  let galley;
  try {
    galley = compose(issue, fonts);
    return { fonts: missingGlyphs(galley, fonts, locate), limits: layoutLimits(galley, fonts) };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return {
      fonts: e.diagnostics.length ? e.diagnostics : [{ severity: 'error', rule: 'font', file: 'bulletin.yaml', message: e.message }],
      limits: [],
    };
  }
}
