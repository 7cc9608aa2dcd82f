// What bench/build.mjs --phases needs of the app, bundled like lib/bulletin.cjs (same
// externals) so that the phase breakdown loads the code the way the CLI does.
export { main } from '../src/cli/main.js';
export { openSeries, loadIssue } from '../src/pipeline.js';
export { resolveIssue } from '../src/sources/find.js';
export { FORMATS, DEFAULT_FORMATS } from '../src/render/formats.js';
export { composeIssue } from '../src/render-issue.js';
export { paginate } from '../src/layout/paginate.js';
export { layoutLimits } from '../src/layout/limits.js';
export { fontkit } from '../src/fonts/fontkit.js';
export { loadPdfmake } from '../src/render/pdf/pdfmake-run.js';
export { writeFileAtomic } from '../src/output/write-atomic.js';
export { missingGlyphs } from '../src/layout/coverage.js';
export { sourceLocator } from '../src/sources/locate.js';
