import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The installed package's root (holds templates/ and fonts/), from src/ or compiled lib/. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
export const SCHEMA_DIR = path.join(TEMPLATES_DIR, 'series');
export const FONTS_DIR = path.join(PACKAGE_ROOT, 'fonts');

/** Forward-slash path relative to a root, for messages that read the same on Windows. */
export function relPath(root: string, file: string): string {
  const r = path.relative(root, file);
  return (r === '' ? '.' : r).split(path.sep).join('/');
}
