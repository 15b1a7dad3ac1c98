#!/usr/bin/env bash
# The extension's JavaScript checks, without a browser (./test.sh runs them):
#   1. the type check: tsc --checkJs from the JSDoc types (extension/tsconfig.json),
#   2. the lint: eslint (extension/eslint.config.js),
#   3. the unit tests: node --test extension/test/ (text map, context detection, manifests).
# Each must pass with zero errors. Tools from extension/package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/extension-npm.sh
cd extension
echo "extension: tsc --checkJs" >&2
npx --no-install tsc -p .
echo "extension: eslint" >&2
npx --no-install eslint .
echo "extension: unit tests" >&2
node --test test/
