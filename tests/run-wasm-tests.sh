#!/usr/bin/env bash
# Builds the wasm (./build.sh: toolchain set-up, wasm, dist/node, extension) and runs the
# Node API tests in tests/wasm/ and the benchmark's smoke run, so neither can rot. The smoke
# run includes the end-to-end latency bench in Chromium (tests/e2e/bench/latency.mjs
# --smoke, about 15 s); this is the only place the test suite runs it (tests/e2e/run.sh
# does not).
#
#   tests/run-wasm-tests.sh            build, API tests, bench smoke run
#   tests/run-wasm-tests.sh --no-build skip the build (dist/node must exist)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "${1:-}" != --no-build ]; then
    ./build.sh
fi

echo "== node --test tests/wasm/" >&2
node --test tests/wasm/

echo "== ./build.sh bench --smoke" >&2
# The smoke run builds again (a no-op by now) and times a few iterations of small inputs,
# then 2 keystroke-to-marks iterations in Chromium; it fails only when a bench breaks, wasm
# and native disagree, or the marks do not come, never on timings.
./build.sh bench --smoke
