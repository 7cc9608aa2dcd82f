/**
 * Every library whose internals bulletin touches is pinned in src/compat/<library>/pin.ts, and
 * the pin is what package.json asks for, what package-lock.json locks and what is installed:
 * bumping pdfmake, pdfkit, fontkit, tiny-inflate or docx without checking its compat module
 * again (and updating its pin) fails here. A build with another version installed stops with a
 * Chinese message instead of patching code it was not written for. Nothing outside src/compat
 * reaches into a library.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PINS } from '../../src/compat/pins.js';
import { installedVersions, requirePinned } from '../../src/compat/pinned.js';
import { UserError } from '../../src/diagnostics.js';
import { REPO } from '../helpers/series.js';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const lock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};

describe.each(PINS.map((p) => [p.name, p] as const))('%s', (_name, pin) => {
  test('the pinned version is the one package.json asks for, package-lock.json locks and every copy in use is', () => {
    if (pin.name in pkg.dependencies) expect(pkg.dependencies[pin.name], 'package.json').toBe(pin.version);
    const locked = Object.entries(lock.packages).filter(
      ([p]) => p === `node_modules/${pin.name}` || p.endsWith(`/node_modules/${pin.name}`),
    );
    expect(locked.length, 'package-lock.json').toBeGreaterThan(0);
    for (const [where, entry] of locked) expect(entry.version, where).toBe(pin.version);
    expect(installedVersions(pin)).toEqual(pin.chains.map(() => pin.version));
    expect(fs.existsSync(path.join(REPO, 'src', 'compat', pin.folder))).toBe(true);
  });
});

test('another installed version stops the build, naming the library, both versions and what to do', () => {
  const pin = { ...PINS[0]!, name: 'pdfmake-elsewhere' };
  let err: unknown;
  try {
    requirePinned(pin, ['9.9.9']);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(UserError);
  const msg = (err as UserError).message;
  for (const part of ['pdfmake-elsewhere', '9.9.9', pin.version, 'npm ci']) expect(msg).toContain(part);
  // A copy that cannot be found is refused too.
  expect(() => requirePinned({ ...pin, name: 'missing-one' }, [undefined])).toThrow(UserError);
});

test('nothing outside src/compat reaches into a library: no prototype patches, module cache, private members', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? (e.name === 'compat' ? [] : files(p)) : /\.ts$/.test(e.name) && !e.name.endsWith('.generated.ts') ? [p] : [];
    });
  const reaching =
    /\.prototype\.\w+\s*=|require\.cache|\._tables\b|\._getTable\b|pdfmake\/js\/|\bPacker as unknown|Object\.getPrototypeOf\(this\._font/;
  const found = files(path.join(REPO, 'src'))
    .filter((f) => reaching.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(REPO, f));
  expect(found).toEqual([]);
});
