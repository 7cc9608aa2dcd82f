import { defineConfig } from 'vitest/config';

/**
 * Two tiers (README, 开发者须知): `npm run test:fast` runs the `fast` project — every test that
 * runs in this process, with no CLI spawn, LibreOffice, chromium, python or poppler — in under a
 * minute, before each commit; `npm test` runs both. A file goes under SLOW when any of its tests
 * starts a child process (the fast project's setup makes that throw) or takes seconds in process.
 */
const SLOW = [
  'test/archive/archive.test.ts',
  'test/archive/freeze.test.ts',
  'test/archive/hostile-archive.test.ts',
  'test/archive/pool.test.ts',
  'test/archive/safety.test.ts',
  'test/check/fix.test.ts',
  'test/check/glyphs.test.ts',
  'test/check/rules.test.ts',
  'test/cli/build-issued.test.ts',
  'test/cli/code-cache.test.ts',
  'test/cli/contents-preprinted.test.ts',
  'test/cli/drafts.test.ts',
  'test/cli/locale.test.ts',
  'test/cli/e2e.test.ts',
  'test/cli/hints.test.ts',
  'test/cli/list-issued.test.ts',
  'test/cli/new.test.ts',
  'test/cli/render-limits.test.ts',
  'test/config/numbers.test.ts',
  'test/config/validators-generated.test.ts',
  'test/docx/contents-preprinted.test.ts',
  'test/docx/docx-libreoffice.test.ts',
  'test/docx/docx-python.test.ts',
  'test/docx/docx-settings.test.ts',
  'test/docx/docx-styles.test.ts',
  'test/docx/docx-text.test.ts',
  'test/docx/docx-typography.test.ts',
  'test/docx/leads-and-rule.test.ts',
  'test/docx/libreoffice-version.test.ts',
  'test/docx/page-breaks.test.ts',
  'test/docx/parity.test.ts',
  'test/faults/broken-issues.test.ts',
  'test/faults/fonts.test.ts',
  'test/faults/fs-errors.test.ts',
  'test/faults/large.test.ts',
  'test/faults/messages.test.ts',
  'test/faults/no-overwrite.test.ts',
  'test/faults/output-set.test.ts',
  'test/faults/output.test.ts',
  'test/faults/pathological-markdown.test.ts',
  'test/faults/png.test.ts',
  'test/faults/security.test.ts',
  'test/faults/sources.test.ts',
  'test/faults/special-files.test.ts',
  'test/html/archive-search.test.ts',
  'test/html/contents-box.test.ts',
  'test/html/leads-and-rule.test.ts',
  'test/html/web-edition.test.ts',
  'test/import/concurrent.test.ts',
  'test/import/hostile-names.test.ts',
  'test/import/import-messages.test.ts',
  'test/import/import.test.ts',
  'test/import/linked-content.test.ts',
  'test/import/merged-cells.test.ts',
  'test/import/own-docx.test.ts',
  'test/import/whole-submissions.test.ts',
  'test/import/word-notes.test.ts',
  'test/import/word-scripts.test.ts',
  'test/import/word-numbering.test.ts',
  'test/lint/boundaries.test.ts',
  'test/numbering/sequence.test.ts',
  'test/ooxml/validate.test.ts',
  'test/package/install.test.ts',
  'test/pdf/grid-cells.test.ts',
  'test/pdf/preprinted.test.ts',
  'test/preview/hardening.test.ts',
  'test/preview/preview.test.ts',
  'test/property/hostile-files.property.test.ts',
  'test/property/hostile.property.test.ts',
  'test/stats/csv-injection.test.ts',
  'test/stats/stats-libreoffice.test.ts',
  'test/stats/stats.test.ts',
  'test/volume/volume.test.ts',
];

const shared = {
  // Builds render real PDFs and LibreOffice converts DOCX files: slow, not timed.
  testTimeout: 120_000,
  hookTimeout: 180_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: { ...shared, name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW, setupFiles: ['test/helpers/no-child-process.ts'] },
      },
      { test: { ...shared, name: 'slow', include: SLOW } },
    ],
  },
});
