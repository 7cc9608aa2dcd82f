/**
 * The LibreOffice the DOCX is measured with: Debian's current release, 25.2.x (from
 * bookworm-backports on Debian 12; scripts/install-test-deps.sh installs it). Its exact version
 * goes into the test log, since what it renders is a fact of that release. Another version
 * counts as missing (test/helpers/clients.ts): the LibreOffice tests skip outside CI and fail under CI.
 */
import { expect } from 'vitest';
import { REQUIRED_LIBREOFFICE, libreOfficeVersion, needs, why } from '../helpers/clients.js';

const office = needs('libreoffice');

office.it(`LibreOffice is ${REQUIRED_LIBREOFFICE}.x${why(office)}`, async (ctx) => {
  const v = libreOfficeVersion();
  console.log(`LibreOffice ${v ?? '(not installed)'}`);
  await ctx.annotate(`LibreOffice ${v ?? '(not installed)'}`);
  expect(v).toMatch(new RegExp(`^${REQUIRED_LIBREOFFICE.replace('.', '\\.')}\\.`));
});
