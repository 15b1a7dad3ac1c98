#!/usr/bin/env bash
# Runs the cargo-fuzz (libFuzzer) targets in fuzz/ (see docs/fuzzing.md).
#
#   scripts/fuzz.sh                  every target for 45 s (what ./test.sh runs)
#   scripts/fuzz.sh -t 600 check     one target for 600 s
#   scripts/fuzz.sh -r 10000000 policy   one target for 10 million executions
#   FUZZ_LOG_DIR=DIR scripts/fuzz.sh ...  keep libFuzzer's whole output as DIR/TARGET.log
#                                         (for the figures in docs/fuzzing.md)
#
# Each run starts from the seeds kept in fuzz/seeds/TARGET and grows fuzz/corpus/TARGET
# (not committed; a fresh checkout fills it from fuzz/corpus-kept/TARGET.tar.gz), with the dictionary fuzz/dict/TARGET.dict, in one process (libFuzzer's
# default; -jobs=1 would do the same in a child writing fuzz-0.log): the machines are shared.
# A crash stops the run and this script exits 1, naming the input
# libFuzzer saved under fuzz/artifacts/TARGET/.
#
# Needs the nightly toolchain and cargo-fuzz. When either is missing the run is skipped with
# a notice and exit 0: installing cargo-fuzz compiles it from source (minutes), too slow to
# do silently inside ./test.sh. FUZZ_INSTALL=1 installs it (and nightly) first.
# Built without AddressSanitizer (-s none): the crate has no unsafe code, and ASan made the
# targets about 8 times slower.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=45
runs=""
while getopts "t:r:" opt; do
  case $opt in
    t) seconds=$OPTARG ;;
    r) runs=$OPTARG ;;
    *) echo "usage: $0 [-t SECONDS | -r RUNS] [TARGET...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check policy roster_csv image)

if [ "${FUZZ_INSTALL:-0}" = 1 ]; then
  # Best effort: a failed install ends in the SKIPPED notices below, not in a failed run.
  rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal ||
    echo "fuzz: could not install the nightly toolchain" >&2
  command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz ||
    echo "fuzz: could not install cargo-fuzz" >&2
fi
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: SKIPPED, no nightly toolchain (rustup toolchain install nightly, or FUZZ_INSTALL=1 $0)"
  exit 0
fi
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "fuzz: SKIPPED, cargo-fuzz is not installed (cargo install cargo-fuzz, or FUZZ_INSTALL=1 $0)"
  exit 0
fi

for t in "${targets[@]}"; do
  [ -f "fuzz/fuzz_targets/$t.rs" ] || { echo "fuzz: no target $t" >&2; exit 2; }
done
# One build for all targets (release with debug assertions, the cargo-fuzz default).
CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1} cargo +nightly fuzz build -s none >&2
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  # The kept corpus (a set cover of the long runs, docs/fuzzing.md) starts a fresh checkout.
  if [ -z "$(ls -A "fuzz/corpus/$t")" ] && [ -f "fuzz/corpus-kept/$t.tar.gz" ]; then
    tar -xzf "fuzz/corpus-kept/$t.tar.gz" -C "fuzz/corpus/$t"
  fi
  if [ -n "$runs" ]; then limit=(-runs="$runs"); else limit=(-max_total_time="$seconds"); fi
  if [ -n "$runs" ]; then what="$runs executions"; else what="$seconds s"; fi
  echo "fuzz: $t ($what)"
  if [ -n "${FUZZ_LOG_DIR:-}" ]; then mkdir -p "$FUZZ_LOG_DIR"; log="$FUZZ_LOG_DIR/$t.log"; else log=$(mktemp); fi
  # Text inputs up to 8 KiB; photos up to 64 KiB (the seeds are real files of 0.1 to 15 KB).
  max_len=8192
  [ "$t" = image ] && max_len=65536
  if ! cargo +nightly fuzz run -s none "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
      -dict="fuzz/dict/$t.dict" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 "${limit[@]}" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "fuzz: $t FAILED; the input is under fuzz/artifacts/$t/ (replay: cargo +nightly fuzz run $t FILE)" >&2
    [ -n "${FUZZ_LOG_DIR:-}" ] || rm -f "$log"
    exit 1
  fi
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | tr '\n' ' '
  grep -E 'cov: [0-9]+' "$log" | tail -n 1 | sed -E 's/.*(cov: [0-9]+ ft: [0-9]+ corp: [^ ]+).*/\1/'
  [ -n "${FUZZ_LOG_DIR:-}" ] || rm -f "$log"
done
echo "fuzz: all targets passed"
