#!/usr/bin/env bash
# Postwacht's whole test suite, runnable on a fresh machine: it installs what is missing
# (the wasm toolchain, Chromium, npm packages) through the project's own scripts and runs
#   1. cargo fmt --check and cargo clippy -D warnings; the extension's JavaScript type check
#      (tsc --checkJs), lint (eslint) and unit tests (node --test),
#   2. the Rust tests: unit tests per rule, property tests, the corpus quality thresholds,
#      the command-line tool,
#   3. the wasm build under Node (API tests and a smoke run of the benchmark, with the
#      end-to-end latency bench in Chromium),
#   4. the browser end-to-end tests (Debian's Chromium with the built extension).
# CI (.ci/run) runs exactly this.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

step() { printf '\n== %s\n' "$*"; }

step "rustfmt"
cargo fmt --all --check

step "clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "extension: type check, lint, unit tests (scripts/check-extension.sh)"
scripts/check-extension.sh

step "Rust tests (rules, properties, corpus, CLI, photo inspection)"
cargo test --workspace

step "wasm under Node: API tests and benchmark smoke run"
tests/run-wasm-tests.sh

step "browser end-to-end tests"
tests/e2e/run.sh

step "all tests passed"
