/**
 * The files of a docx package before zipping. Packer keeps its compiler in a static member
 * that docx's types call private; taking the files from it saves zipping the package only to
 * unzip, patch and zip it again (about a fifth of the DOCX's time). Checked against the pinned
 * docx; test/compat/docx-package-files.test.ts compares it with Packer's own zip.
 */
import { Packer, type Document } from 'docx';
import { UserError } from '../../diagnostics.js';
import { requirePinned } from '../pinned.js';
import { PIN } from './pin.js';

/** The package's files by path, XML as strings, as Packer would zip them. */
export type PackageFiles = Map<string, string | Uint8Array>;

interface DocxCompiler {
  compile(file: Document, prettify?: string, overrides?: unknown[]): PackageFiles;
}

export function packageFiles(doc: Document): PackageFiles {
  requirePinned(PIN);
  const compiler = (Packer as unknown as { compiler?: DocxCompiler }).compiler;
  if (!compiler || typeof compiler.compile !== 'function')
    throw new UserError(`docx ${PIN.version} 的 Packer.compiler 不见了：src/compat/docx 需要按所装的版本重新核对`);
  return compiler.compile(doc, undefined, []);
}
