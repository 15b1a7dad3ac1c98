#!/usr/bin/env bash
# End-to-end tests of the extension in Debian's Chromium, driven by playwright-core.
#
#   tests/e2e/run.sh                  test dist/test/chrome as ./build.sh built it (the
#                                     shipped dist/chrome plus the 127.0.0.1 test hosts)
#   tests/e2e/run.sh --fake-core      test the extension with a stand-in for the wasm core
#                                     (tests/e2e/fake-core), no Rust build needed
#   tests/e2e/run.sh tests/editors.test.js   only some test files
#   tests/e2e/run.sh --bench [--smoke]  instead of the tests, the end-to-end benchmarks
#                                     (bench/latency.mjs, then bench/overlay.mjs;
#                                     `./build.sh bench` runs them)
#
# Installs what it needs on a fresh machine: Debian's chromium and firefox-esr (apt; set
# POSTWACHT_E2E_FIREFOX=0 to leave Firefox out) and the test dependencies (npm ci from the
# committed package-lock.json). Headless, a fresh browser
# profile per test file, pages served on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
E2E=$PWD
ROOT=$(cd ../.. && pwd)

FAKE=0
if [ "${1:-}" = "--fake-core" ]; then FAKE=1; shift; fi
BENCH=0
if [ "${1:-}" = "--bench" ]; then
  BENCH=1
  shift
  export POSTWACHT_E2E_FIREFOX=${POSTWACHT_E2E_FIREFOX:-0} # the bench uses Chromium only
fi

log() { echo "e2e: $*" >&2; }

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  log "installing Debian's chromium"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
export CHROMIUM

# Firefox ESR for the smoke test of dist/firefox (tests/firefox.test.js); skip with
# POSTWACHT_E2E_FIREFOX=0.
if [ "${POSTWACHT_E2E_FIREFOX:-1}" != 0 ] && [ ! -x "${FIREFOX:-/usr/bin/firefox-esr}" ]; then
  log "installing Debian's firefox-esr"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq firefox-esr >/dev/null
fi
if [ "${POSTWACHT_E2E_FIREFOX:-1}" = 0 ]; then export FIREFOX=/nonexistent; fi
# Firefox is driven over WebDriver BiDi, a WebSocket: Node 20 has the client behind a flag.
if ! node -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)'; then
  export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--experimental-websocket"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Everything this run builds goes into a directory of its own (removed at the end), so
# runs on the same machine (a developer's and CI's) do not disturb each other.
mkdir -p .build
RUN_DIR=$(mktemp -d "$E2E/.build/run.XXXXXX")
trap 'rm -rf "$RUN_DIR"' EXIT

log "bundling the test pages"
export POSTWACHT_PAGES_DIR="$RUN_DIR/pages"
node lib/build-pages.js "$POSTWACHT_PAGES_DIR" >/dev/null
export POSTWACHT_PAGES_BUILT=1

if [ "$FAKE" = 1 ]; then
  "$ROOT/scripts/extension-npm.sh" >/dev/null
  node "$ROOT/extension/build.mjs" --pkg "$E2E/fake-core" --out "$RUN_DIR/fake-dist" >/dev/null
  export POSTWACHT_EXTENSION_DIR="$RUN_DIR/fake-dist/test/chrome"
  export POSTWACHT_SHIPPED_DIR="$RUN_DIR/fake-dist"
else
  # The test build: the shipped extension's files, its manifest plus the test hosts.
  export POSTWACHT_EXTENSION_DIR=${POSTWACHT_EXTENSION_DIR:-$ROOT/dist/test/chrome}
  # The shipped build (dist/chrome, dist/firefox and what scripts/package.sh made of them),
  # for the packaging tests (force-install, the Firefox XPI).
  export POSTWACHT_SHIPPED_DIR=${POSTWACHT_SHIPPED_DIR:-$ROOT/dist}
fi
if [ ! -f "$POSTWACHT_EXTENSION_DIR/manifest.json" ]; then
  log "no extension in $POSTWACHT_EXTENSION_DIR: run ./build.sh first (or use --fake-core)"
  exit 1
fi
if [ "$BENCH" = 1 ]; then log "benchmarking $POSTWACHT_EXTENSION_DIR"; else log "testing $POSTWACHT_EXTENSION_DIR"; fi

if [ "$BENCH" = 1 ]; then
  node bench/latency.mjs "$@"
  # The content script's cost on the page (scrolling with many composers, a keystroke in a
  # long post), with and without the extension.
  smoke=()
  for a in "$@"; do if [ "$a" = --smoke ]; then smoke=(--smoke); fi; done
  node bench/overlay.mjs "${smoke[@]}"
  exit 0
fi
if [ $# -eq 0 ]; then set -- tests/*.test.js; fi
node --test --test-concurrency=1 --test-timeout=180000 "$@"
