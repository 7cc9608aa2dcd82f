import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds render real PDFs and LibreOffice converts DOCX files: slow, not timed.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
