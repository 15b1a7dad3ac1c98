#!/usr/bin/env bash
# The extension's checks without a browser (./test.sh runs them):
#   1. the type check: tsc --checkJs from the JSDoc types (extension/tsconfig.json),
#   2. the lint: eslint (extension/eslint.config.js),
#   3. the unit tests: node --test extension/test/ (text map, context detection, manifests,
#      senders, sites, policy errors),
#   4. addons-linter (Mozilla's AMO validator) on the Firefox package as scripts/package.sh
#      makes it: built here into a temporary directory from the wasm package in
#      target/pkg/web when ./build.sh made one, else from the stand-in core of the e2e tests
#      (tests/e2e/fake-core; the linter checks the manifest, the scripts and the files, not
#      what the wasm computes).
# Each must pass with zero errors; the linter also with zero warnings and notices. Tools
# from extension/package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
scripts/extension-npm.sh
cd extension
echo "extension: tsc --checkJs" >&2
npx --no-install tsc -p .
echo "extension: eslint" >&2
npx --no-install eslint .
echo "extension: unit tests" >&2
node --test test/

echo "extension: addons-linter on the Firefox package" >&2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PKG=$ROOT/target/pkg/web
[ -f "$PKG/postwacht_bg.wasm" ] || PKG=$ROOT/tests/e2e/fake-core
node build.mjs --pkg "$PKG" --out "$TMP/dist" >/dev/null
node package.mjs --new-key "$TMP/key.pem"
node package.mjs --dist "$TMP/dist" --key "$TMP/key.pem" --base-url https://example.invalid/postwacht \
  --deploy "$ROOT/deploy" >/dev/null 2>&1
npx --no-install addons-linter --output json "$TMP/dist/postwacht-firefox.xpi" >"$TMP/lint.json" || true
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const all = [...r.errors, ...r.warnings, ...r.notices];
  for (const m of all) console.error(`addons-linter: ${m._type} ${m.code} ${m.file || ""}: ${m.message}`);
  console.error(`addons-linter: ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.notices} notices`);
  process.exit(all.length ? 1 : 0);
' "$TMP/lint.json"
