#!/usr/bin/env bash
# Installs the extension's build and check tools (esbuild, typescript, eslint, jsdom, ...)
# from extension/package-lock.json with `npm ci`, unless node_modules is already current.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../extension"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "extension: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
