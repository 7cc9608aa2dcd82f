/**
 * The one skip policy for tests that need a client program (BRIEF: a test that needs a client
 * fails under CI when the client is missing; it may skip only outside CI). A test file names
 * the clients it needs, `const lo = needs('libreoffice', 'poppler')`, and declares its tests
 * with `lo.describe` / `lo.it`: with every client present they run; with one missing they skip
 * on a developer's machine and, under CI, a failing test names what is missing and how to get it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, it, test } from 'vitest';

/** The LibreOffice release the DOCX is measured with (Debian's current one, from bookworm-backports on Debian 12). */
export const REQUIRED_LIBREOFFICE = '25.2';
const CALC = '/usr/lib/libreoffice/program/libsclo.so';
const INSTALL = 'scripts/install-test-deps.sh 会安装它';

/** libreoffice: the release the DOCX is measured with; soffice: any LibreOffice (import converts .doc/.wps/.rtf with it). */
export type Client = 'libreoffice' | 'soffice' | 'libreoffice-calc' | 'poppler' | 'chromium' | 'python-docx' | 'pdfminer';

export const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

function onPath(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  const p = r.stdout.trim().split('\n')[0];
  return r.status === 0 && p ? p : undefined;
}

/** Debian's python3-* packages install for the system interpreter, which a pyenv or venv python3 earlier on PATH does not see. */
function pythonWith(module: string): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3'])
    if (spawnSync(py, ['-c', `import ${module}`], { encoding: 'utf8' }).status === 0) return py;
  return undefined;
}

let loVersion: string | null | undefined;
/** The exact version of the soffice on PATH (e.g. 25.2.3.2), or undefined when there is none. */
export function libreOfficeVersion(): string | undefined {
  if (loVersion === undefined) {
    const r = onPath('soffice') ? spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 }) : undefined;
    loVersion = r && r.status === 0 ? (/LibreOffice (\d+(?:\.\d+)+)/.exec(r.stdout)?.[1] ?? null) : null;
  }
  return loVersion ?? undefined;
}

const found = new Map<Client, { path?: string; missing?: string }>();

function probe(client: Client): { path?: string; missing?: string } {
  switch (client) {
    case 'libreoffice': {
      const p = onPath('soffice');
      if (!p) return { missing: `未安装 LibreOffice（soffice）；${INSTALL}（从 bookworm-backports 装 ${REQUIRED_LIBREOFFICE}）` };
      const v = libreOfficeVersion();
      if (!v?.startsWith(`${REQUIRED_LIBREOFFICE}.`))
        return { missing: `LibreOffice 版本是 ${v ?? '未知'}，测量要用 ${REQUIRED_LIBREOFFICE}.x；${INSTALL}` };
      return { path: p };
    }
    case 'soffice': {
      const p = onPath('soffice');
      return p ? { path: p } : { missing: `未安装 LibreOffice（soffice）；${INSTALL}` };
    }
    case 'libreoffice-calc':
      // Debian splits Calc out (libreoffice-calc-nogui); a LibreOffice without it opens no xlsx.
      return fs.existsSync(CALC) ? { path: CALC } : { missing: `未安装 LibreOffice Calc（libreoffice-calc-nogui）；${INSTALL}` };
    case 'poppler': {
      const p = onPath('pdftotext');
      return p ? { path: p } : { missing: `未安装 poppler-utils（pdftotext）；${INSTALL}` };
    }
    case 'chromium': {
      const p = onPath('chromium') ?? onPath('chromium-browser');
      return p ? { path: p } : { missing: `未安装 chromium；${INSTALL}` };
    }
    case 'python-docx': {
      const p = pythonWith('docx');
      return p ? { path: p } : { missing: `未安装 python3-docx；${INSTALL}` };
    }
    case 'pdfminer': {
      const p = pythonWith('pdfminer');
      return p ? { path: p } : { missing: `未安装 python3-pdfminer；${INSTALL}` };
    }
  }
}

function state(client: Client): { path?: string; missing?: string } {
  let s = found.get(client);
  if (!s) found.set(client, (s = probe(client)));
  return s;
}

/** Where the client's program is (soffice, chromium, the python that has the module…), or undefined. */
export function clientPath(client: Client): string | undefined {
  return state(client).path;
}

/** Why one of the clients cannot run here, or undefined when all can. */
export function clientsMissing(...clients: Client[]): string | undefined {
  return clients.map((c) => state(c).missing).find((m) => m !== undefined);
}

export interface Needs {
  /** Why the tests cannot run here, or undefined. */
  missing: string | undefined;
  describe: ReturnType<typeof describe.skipIf>;
  it: ReturnType<typeof it.skipIf>;
}

/**
 * The tests of a file that need these clients. Missing under CI: one failing test says which
 * and the others are skipped (so the suite is red); missing elsewhere: skipped, with the reason
 * in the suite's name.
 */
export function needs(...clients: Client[]): Needs {
  const missing = clientsMissing(...clients);
  if (missing && IN_CI) {
    test(`${clients.join(' + ')} installed (required under CI)`, () => {
      throw new Error(missing);
    });
  }
  return { missing, describe: describe.skipIf(Boolean(missing)), it: it.skipIf(Boolean(missing)) };
}

/** The suffix a suite's name gets when it is skipped: （why）. */
export function why(n: Needs): string {
  return n.missing ? `（${n.missing}）` : '';
}
