#!/usr/bin/env bash
# The one-command demo (called by `./build.sh demo`, after the build):
#
#   scripts/demo.sh                       Chromium with Postwacht on a local demo page
#   scripts/demo.sh --screenshots DIR     no window: type sample posts, write PNGs to DIR
#   scripts/demo.sh --headless            the same, into target/demo-screenshots
#
# Without a display it says so and writes screenshots instead. Installs Debian's chromium
# and the test pages' npm packages (tests/e2e) when they are missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The demo page is served on 127.0.0.1, so the demo loads the test build (dist/test/chrome:
# the shipped extension plus the local test hosts).
if [ ! -f dist/test/chrome/manifest.json ]; then
  echo "demo: dist/test/chrome is missing; run ./build.sh demo (or ./build.sh first)" >&2
  exit 1
fi
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "demo: installing Debian's chromium" >&2
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if [ ! -f tests/e2e/node_modules/.package-lock.json ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
exec node tests/e2e/lib/demo.js "$@"
