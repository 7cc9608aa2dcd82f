// What bench/build.mjs --phases needs of the app, bundled like lib/bulletin.mjs (same
// externals) so that the phase breakdown loads the code the way the CLI does.
export { main } from '../src/cli/main.js';
export { openSeries, loadIssue } from '../src/pipeline.js';
export { resolveIssue } from '../src/sources/find.js';
export { FORMATS } from '../src/render/formats.js';
export { writeFileAtomic } from '../src/output/write-atomic.js';
