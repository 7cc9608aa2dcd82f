import fs from 'node:fs';
import path from 'node:path';
import { Argument, Command } from 'commander';
import { SERIES_FILE } from '../../config/series.js';
import { UserError } from '../../diagnostics.js';
import { ensureDir } from '../../output/ensure-dir.js';
import { writeFileExclusive } from '../../output/write-atomic.js';
import { seriesPackage } from '../../package/series-package.js';
import { SCHEMA_DIR, TEMPLATES_DIR } from '../../paths.js';
import { VERSION } from '../../version.js';
import type { Output } from '../report.js';
import { byCodeUnits } from '../../text-order.js';

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
    .description('新建一个简报系列：bulletin.yaml、issues/、CI 模板和系列自带的 bulletin')
    .addArgument(new Argument('[文件夹]', '新系列所在的文件夹，不存在会自动创建').default('.', '当前文件夹'))
    .option('--tool <安装包>', 'bulletin 安装包（bulletin-x.y.z.tgz）的路径；不写则用正在运行的这个 bulletin 做一个')
    .action((dirArg: string, opts: { tool?: string }) => {
      const dir = path.resolve(dirArg);
      if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
        throw new UserError(`“${dirArg}”是一个文件，不是文件夹，没有做任何改动。请写一个新文件夹的名字，如 bulletin init 工作动态`);
      }
      if (fs.existsSync(path.join(dir, SERIES_FILE))) {
        throw UserError.at(path.join(dirArg, SERIES_FILE), '已经存在，为避免覆盖，没有做任何改动');
      }
      const files = [...SERIES_FILES, ...ciTemplates()];
      const refuseClashes = (paths: string[]): void => {
        const clashes = paths.filter((to) => fs.existsSync(path.join(dir, to)));
        if (clashes.length) throw new UserError(`以下文件已经存在，为避免覆盖，没有做任何改动：${clashes.join('、')}`);
      };
      // Checked before packing the tool (seconds of work), and again with the package's real name.
      refuseClashes([...files.map(([, to]) => to), 'package.json', 'package-lock.json', `tools/bulletin-${VERSION}.tgz`]);
      const pkg = seriesPackage(path.basename(dir), opts.tool);
      const written = [...files.map(([, to]) => to), 'package.json', 'package-lock.json', pkg.tarballPath];
      refuseClashes([pkg.tarballPath]);
      for (const [from, to] of files) {
        const src =
          from.startsWith('series/') && from.endsWith('.schema.json')
            ? path.join(SCHEMA_DIR, path.basename(from))
            : path.join(TEMPLATES_DIR, from);
        writeFileExclusive(path.join(dir, to), fs.readFileSync(src, 'utf8'));
      }
      writeFileExclusive(path.join(dir, pkg.tarballPath), pkg.tarball);
      writeFileExclusive(path.join(dir, 'package.json'), pkg.packageJson);
      writeFileExclusive(path.join(dir, 'package-lock.json'), pkg.packageLock);
      ensureDir(path.join(dir, 'issues'));
      io.out(`已在 ${dir} 新建简报系列：`);
      for (const to of written) io.out(`  ${to}`);
      io.out('  issues/');
      io.out('');
      io.out('下一步（在这个文件夹里）：');
      io.out(`  1. npm ci           安装本系列自带的 bulletin（${pkg.tarballPath}），只需一次；之后不联网也能用`);
      io.out(`  2. 打开 ${SERIES_FILE}，改成本单位的系列名、编印单位、栏目和分送范围`);
      io.out('  3. npx bulletin new    新建第一期');
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
  return out.sort((a, b) => byCodeUnits(a[1], b[1]));
}
