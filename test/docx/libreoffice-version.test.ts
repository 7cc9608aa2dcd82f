/**
 * The LibreOffice the DOCX is measured with: Debian's current release, 25.2.x (from
 * bookworm-backports on Debian 12; scripts/install-test-deps.sh installs it). Its exact version
 * goes into the test log, since what it renders is a fact of that release. Another version
 * skips the LibreOffice tests outside CI and fails them under CI.
 */
import { expect, test } from 'vitest';
import { REQUIRED_LIBREOFFICE, libreOfficeMissing, libreOfficeVersion } from '../helpers/libreoffice.js';

const missing = libreOfficeMissing();

test.skipIf(Boolean(missing) && !process.env.CI)(`LibreOffice is ${REQUIRED_LIBREOFFICE}.x${missing ? `（${missing}）` : ''}`, async (ctx) => {
  const v = libreOfficeVersion();
  console.log(`LibreOffice ${v ?? '(not installed)'}`);
  await ctx.annotate(`LibreOffice ${v ?? '(not installed)'}`);
  expect(v).toMatch(new RegExp(`^${REQUIRED_LIBREOFFICE.replace('.', '\\.')}\\.`));
  expect(missing).toBeUndefined();
});
