import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

/** The tool's version, from package.json; part of every archive's input hash. */
export const VERSION: string = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;
