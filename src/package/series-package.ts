/**
 * What makes a series folder install its own copy of the tool: tools/bulletin-x.y.z.tgz, a
 * package.json that depends on it by path, and a package-lock.json so that `npm ci` installs
 * exactly the tested dependency versions (from npm's cache when offline).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { UserError } from '../diagnostics.js';
import { PACKAGE_ROOT } from '../paths.js';
import { FileRefused, readUserFile } from '../sources/user-file.js';
import { DEPS_LOCK, type LockEntries } from './deps-lock.js';
import { packTarball, readTarEntry } from './tarball.js';

export interface SeriesPackage {
  /** Relative to the series folder, forward slashes. */
  tarballPath: string;
  tarball: Uint8Array;
  packageJson: string;
  packageLock: string;
}

interface ToolManifest {
  name: string;
  version: string;
  license?: string;
  dependencies?: Record<string, string>;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
}

/** The package with its fonts is some 30 MB; far beyond that it is another file. */
const MAX_TOOL_BYTES = 256 * 1024 * 1024;

function parseJson<T>(bytes: Uint8Array | undefined, what: string): T {
  if (!bytes) throw new UserError(`${what} 不在安装包中：这不是 bulletin 的安装包，或是旧版本做的`);
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
}

/** `tool`: a .tgz the clerk names; without it, the running installation is packed. */
export function seriesPackage(folderName: string, tool?: string): SeriesPackage {
  let tarball: Uint8Array;
  if (tool !== undefined) {
    try {
      tarball = readUserFile(tool, {
        shown: tool,
        maxBytes: MAX_TOOL_BYTES,
        what: '安装包',
        tooLargeHint: '请写 bulletin 安装包（bulletin-x.y.z.tgz）的路径',
      });
    } catch (e) {
      if (e instanceof FileRefused && e.reason === 'missing')
        throw new UserError(`找不到安装包 ${tool}。请写 bulletin 安装包（bulletin-x.y.z.tgz）的路径`);
      throw e;
    }
  } else {
    if (!fs.existsSync(DEPS_LOCK)) throw new Error(`${DEPS_LOCK} is missing: the package was built without npm run build`);
    tarball = packTarball(PACKAGE_ROOT);
  }
  let pkg: ToolManifest;
  let deps: LockEntries;
  try {
    pkg = parseJson<ToolManifest>(readTarEntry(tarball, 'package/package.json'), 'package.json');
    deps = parseJson<LockEntries>(readTarEntry(tarball, 'package/lib/deps-lock.json'), 'lib/deps-lock.json');
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw UserError.at(tool ?? PACKAGE_ROOT, `不是有效的安装包（${(e as Error).message}）`);
  }
  if (pkg.name !== 'bulletin') throw UserError.at(tool ?? PACKAGE_ROOT, `是 ${pkg.name} 的安装包，不是 bulletin 的`);
  const tarballPath = `tools/bulletin-${pkg.version}.tgz`;
  const spec = `file:${tarballPath}`;
  const name = packageName(folderName);
  const packageJson = {
    name,
    private: true,
    description: `简报系列（由 bulletin ${pkg.version} 新建）`,
    scripts: { check: 'bulletin check --all', build: 'bulletin build', archive: 'bulletin archive && bulletin archive --verify' },
    dependencies: { bulletin: spec },
  };
  const integrity = `sha512-${crypto.createHash('sha512').update(tarball).digest('base64')}`;
  const lock = {
    name,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name, dependencies: { bulletin: spec } },
      'node_modules/bulletin': {
        version: pkg.version,
        resolved: spec,
        integrity,
        ...(pkg.license ? { license: pkg.license } : {}),
        ...(pkg.dependencies ? { dependencies: pkg.dependencies } : {}),
        ...(pkg.bin ? { bin: pkg.bin } : {}),
        ...(pkg.engines ? { engines: pkg.engines } : {}),
      },
      ...deps,
    },
  };
  return {
    tarballPath,
    tarball,
    packageJson: `${JSON.stringify(packageJson, null, 2)}\n`,
    packageLock: `${JSON.stringify(lock, null, 2)}\n`,
  };
}

/** npm wants lower-case URL-safe names; a Chinese folder name becomes a neutral one. */
function packageName(folder: string): string {
  const slug = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  return slug ? `bulletin-series-${slug}`.slice(0, 214) : 'bulletin-series';
}
