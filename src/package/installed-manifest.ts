/**
 * The package.json that goes into the tool's tarball — both `npm pack`'s (through
 * scripts/pack-manifest.mjs) and the one `bulletin init` packs into a series — without what
 * only the tool's own developers use: the build, test and bench scripts and the dev
 * dependencies. An installed copy has nothing to build, and npm warns about a `prepare` it
 * would not run (allowScripts) on every `npm install -g`.
 */
const DEVELOPMENT_ONLY = ['scripts', 'devDependencies'];

export function installedManifest(text: string): string {
  const pkg = JSON.parse(text) as Record<string, unknown>;
  for (const key of DEVELOPMENT_ONLY) delete pkg[key];
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
