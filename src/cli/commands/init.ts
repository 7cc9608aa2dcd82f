import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { SERIES_FILE } from '../../config/series.js';
import { UserError } from '../../diagnostics.js';
import { ensureDir } from '../../output/ensure-dir.js';
import { writeFileExclusive } from '../../output/write-atomic.js';
import { SCHEMA_DIR, TEMPLATES_DIR } from '../../paths.js';
import type { Output } from '../report.js';

/** What a new series folder receives: [template path under templates/, target path]. */
const SERIES_FILES: Array<[string, string]> = [
  ['series/bulletin.yaml', SERIES_FILE],
  ['series/bulletin.schema.json', 'bulletin.schema.json'],
  ['series/issue.schema.json', 'issue.schema.json'],
  ['series/gitignore', '.gitignore'],
];

export function registerInit(program: Command, io: Output): Command {
  return program
    .command('init')
    .description('新建一个简报系列：bulletin.yaml、issues/ 文件夹和编辑器提示文件')
    .argument('[文件夹]', '新系列所在的文件夹（不存在会自动创建）', '.')
    .action((dirArg: string) => {
      const dir = path.resolve(dirArg);
      if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
        throw new UserError(`“${dirArg}”是一个文件，不是文件夹，没有做任何改动。请写一个新文件夹的名字，如 bulletin init 工作动态`);
      }
      if (fs.existsSync(path.join(dir, SERIES_FILE))) {
        throw new UserError(`${path.join(dirArg, SERIES_FILE)} 已经存在，为避免覆盖，没有做任何改动`);
      }
      const files = [...SERIES_FILES, ...ciTemplates()];
      const clashes = files.filter(([, to]) => fs.existsSync(path.join(dir, to)));
      if (clashes.length) {
        throw new UserError(`以下文件已经存在，为避免覆盖，没有做任何改动：${clashes.map(([, to]) => to).join('、')}`);
      }
      for (const [from, to] of files) {
        const src = from.startsWith('series/') && from.endsWith('.schema.json') ? path.join(SCHEMA_DIR, path.basename(from)) : path.join(TEMPLATES_DIR, from);
        writeFileExclusive(path.join(dir, to), fs.readFileSync(src, 'utf8'));
      }
      ensureDir(path.join(dir, 'issues'));
      io.out(`已在 ${dir} 新建简报系列：`);
      for (const [, to] of files) io.out(`  ${to}`);
      io.out('  issues/');
      io.out('');
      io.out('下一步：');
      io.out(`  1. 打开 ${SERIES_FILE}，改成本单位的系列名、编印单位、栏目和分送范围`);
      io.out('  2. bulletin new    新建第一期');
    });
}

/** CI templates shipped for users (templates/ci/), written into a new series when present. */
function ciTemplates(): Array<[string, string]> {
  const root = path.join(TEMPLATES_DIR, 'ci');
  if (!fs.existsSync(root)) return [];
  const out: Array<[string, string]> = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else out.push([path.join('ci', r), r]);
    }
  };
  walk('');
  return out.sort((a, b) => a[1].localeCompare(b[1]));
}
