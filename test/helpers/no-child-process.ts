/**
 * Setup of the fast tier (vitest.config.ts, project `fast`): a test there runs in this process
 * only. Any child process it starts — the CLI, LibreOffice, chromium, python, poppler — throws,
 * so a slow test put in the fast tier fails at once instead of making the tier slow.
 */
import { vi } from 'vitest';

vi.mock('node:child_process', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:child_process')>();
  const refuse = (name: string) => (): never => {
    throw new Error(`the fast tier starts no child process (${name}): list this test file under SLOW in vitest.config.ts`);
  };
  const blocked = Object.fromEntries(
    ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'].map((n) => [n, refuse(n)]),
  );
  return { ...real, ...blocked, default: { ...real, ...blocked } };
});
