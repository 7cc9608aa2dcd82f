// One cold Typst compile of bench/typst/news-010.typ to PDF with the repository's Fandol fonts
// only (no system fonts): the whole process is what `npm run bench` compares bulletin with.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const { NodeCompiler } = createRequire(import.meta.url)('@myriaddreamin/typst-ts-node-compiler');
const fontDir = path.join(here, '..', '..', 'fonts');
const compiler = NodeCompiler.create({ workspace: here, fontArgs: [{ fontPaths: [fontDir] }] });
const pdf = compiler.pdf({ mainFilePath: path.join(here, 'news-010.typ') });
const out = process.argv[2];
if (out) fs.writeFileSync(out, pdf);
