#!/usr/bin/env bash
# Installs what the WebAssembly build needs, idempotently: every step is skipped when its
# result is already present, so build.sh and CI can call this on every run.
#
# Three ways to compile Rust to wasm32-unknown-unknown, best first (see
# ../docs/wasm-and-bench.md):
#
#   rustup         rustup's toolchain plus its rust-src component: std is compiled from
#                  source with -Zbuild-std, like the Debian mode (smallest .wasm).
#   debian         Debian's Rust for browser builds (rustc-web, rust-web-src, cargo-web,
#                  lld-22), std compiled from source with -Zbuild-std. For machines where
#                  rustup cannot download components (`rustup target add` hangs).
#   rustup-target  rustup's prebuilt wasm32 std (`rustup target add`), when that target is
#                  installed but rust-src is not. Works, but the .wasm is ~15% larger.
#
# When none is ready, `rustup component add rust-src` is tried for at most
# POSTWACHT_RUSTUP_TIMEOUT seconds (default 20); if that fails, the Debian packages are
# installed with apt-get.
#
# Plus, for every mode: wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in
# Cargo.lock, built from crates.io with `cargo install` (about 4 minutes, once per machine),
# and (--wasm-opt) binaryen's wasm-opt from npm, optional.
#
# Usage:
#   scripts/setup-toolchain.sh                 install what is missing; last line of
#                                              stdout is the mode (see above)
#   scripts/setup-toolchain.sh --mode          print the mode without installing anything
#                                              ("none" when neither is ready)
#   scripts/setup-toolchain.sh --wasm-bindgen  print the path of a matching wasm-bindgen
#                                              (empty, exit 1 when there is none)
#   scripts/setup-toolchain.sh --wasm-opt      install binaryen's wasm-opt from npm
#                                              (tools/binaryen, pinned) if needed and print
#                                              its path; exit 1 when npm cannot provide it
#
# Environment:
#   POSTWACHT_WASM_TOOLCHAIN=MODE           force a mode: rustup, debian or rustup-target
#   POSTWACHT_RUSTUP_TIMEOUT=N              seconds to give `rustup target add` (0: never try)
#   CARGO_BUILD_JOBS=N                      parallelism of the wasm-bindgen-cli build
#
# Runs as root on CI (apt-get directly); elsewhere it uses sudo for apt-get when present.
# Progress goes to stderr, so `mode=$(scripts/setup-toolchain.sh | tail -n1)` works.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WASM_TARGET=wasm32-unknown-unknown
APT_PACKAGES=(rustc-web rust-web-src cargo-web lld-22)
CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}

log() { echo "setup-toolchain: $*" >&2; }

# The wasm-bindgen crate version pinned in Cargo.lock: the CLI must match it exactly.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' \
        "$ROOT/Cargo.lock"
}

# --- detection (never installs) ---------------------------------------------------------

rustup_has_target() {
    command -v rustup >/dev/null 2>&1 &&
        rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"
}

# rust-src of the toolchain that `cargo` runs in this directory (rust-toolchain files and
# RUSTUP_TOOLCHAIN included).
rustup_has_src() {
    command -v rustup >/dev/null 2>&1 || return 1
    local sysroot
    sysroot=$(cd "$ROOT" && rustc --print sysroot 2>/dev/null) || return 1
    [ -d "$sysroot/lib/rustlib/src/rust/library/std" ]
}

# Debian's compiler and std sources must be the same release, or std fails to build.
debian_ready() {
    [ -x /usr/bin/cargo ] && [ -x /usr/bin/rustc ] && [ -e /usr/bin/rust-lld ] &&
        [ -d /usr/lib/rustlib/src/rust/library ] || return 1
    local compiler sources
    compiler=$(dpkg-query -W -f='${Version}' rustc-web 2>/dev/null) || return 1
    sources=$(dpkg-query -W -f='${Version}' rust-web-src 2>/dev/null) || return 1
    [ -n "$compiler" ] && [ "$compiler" = "$sources" ]
}

mode_ready() {
    case "$1" in
        rustup) rustup_has_src ;;
        debian) debian_ready ;;
        rustup-target) rustup_has_target ;;
        *) log "POSTWACHT_WASM_TOOLCHAIN must be rustup, debian or rustup-target"; exit 2 ;;
    esac
}

detect_mode() {
    local mode
    if [ -n "${POSTWACHT_WASM_TOOLCHAIN:-}" ]; then
        mode_ready "$POSTWACHT_WASM_TOOLCHAIN" && echo "$POSTWACHT_WASM_TOOLCHAIN" || echo none
        return
    fi
    for mode in rustup debian rustup-target; do
        if mode_ready "$mode"; then echo "$mode"; return; fi
    done
    echo none
}

# Path of a wasm-bindgen whose version matches Cargo.lock, if any.
find_wasm_bindgen() {
    local want candidate
    want=$(wasm_bindgen_version)
    for candidate in "$(command -v wasm-bindgen 2>/dev/null || true)" \
        "$CARGO_HOME/bin/wasm-bindgen"; do
        [ -n "$candidate" ] && [ -x "$candidate" ] || continue
        if [ "$("$candidate" --version 2>/dev/null)" = "wasm-bindgen $want" ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

# --- installation ------------------------------------------------------------------------

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else log "need root (or sudo) to run: $*"; exit 1
    fi
}

# rustup's rust-src (for -Zbuild-std), within a time limit: on some networks rustup's
# downloads hang instead of failing.
try_rustup_src() {
    local seconds=${POSTWACHT_RUSTUP_TIMEOUT:-20}
    [ "$seconds" != 0 ] && command -v rustup >/dev/null 2>&1 || return 1
    log "trying 'rustup component add rust-src' (at most ${seconds}s)"
    if (cd "$ROOT" && timeout --kill-after=5 "$seconds" rustup component add rust-src >&2) &&
        rustup_has_src; then
        return 0
    fi
    log "rustup cannot install rust-src here; using Debian's rustc-web instead"
    return 1
}

try_rustup_target() {
    local seconds=${POSTWACHT_RUSTUP_TIMEOUT:-20}
    [ "$seconds" != 0 ] && command -v rustup >/dev/null 2>&1 || return 1
    (cd "$ROOT" && timeout --kill-after=5 "$seconds" rustup target add "$WASM_TARGET" >&2) &&
        rustup_has_target
}

install_debian() {
    log "installing ${APT_PACKAGES[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq >&2
    # dpkg has been seen to lose its unpack directory under /tmp halfway; finish what was
    # unpacked and try once more before giving up.
    if ! as_root apt-get install -y -qq "${APT_PACKAGES[@]}" >&2; then
        log "apt-get install failed; running dpkg --configure -a and retrying once"
        as_root dpkg --configure -a >&2 || true
        as_root apt-get install -y -qq "${APT_PACKAGES[@]}" >&2
    fi
    debian_ready || { log "Debian's Rust is installed but incomplete or mismatched"; exit 1; }
}

install_wasm_bindgen() {
    local want
    want=$(wasm_bindgen_version)
    [ -n "$want" ] || { log "no wasm-bindgen in Cargo.lock"; exit 1; }
    if find_wasm_bindgen >/dev/null; then
        return 0
    fi
    # rustup's cargo when there is one (Debian's is newer than some of the CLI's deps
    # expect, and rustup's is what the docs were checked with). No --locked: one of the
    # locked dependencies is not served by the registry mirror here.
    local cargo=cargo
    [ -x "$CARGO_HOME/bin/cargo" ] && cargo="$CARGO_HOME/bin/cargo"
    log "building wasm-bindgen-cli $want (a few minutes, once per machine)"
    "$cargo" install wasm-bindgen-cli --version "$want" --force >&2
    find_wasm_bindgen >/dev/null || { log "wasm-bindgen $want still not found"; exit 1; }
}

# binaryen's wasm-opt, pinned in tools/binaryen/package-lock.json (npm's `binaryen` is
# binaryen compiled to wasm, so it needs nothing but Node). npm ci only when node_modules
# is missing or older than the lock file.
ensure_wasm_opt() {
    local dir="$ROOT/tools/binaryen"
    local bin="$dir/node_modules/.bin/wasm-opt"
    if [ ! -x "$bin" ] || [ ! -f "$dir/node_modules/.package-lock.json" ] ||
        [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        command -v npm >/dev/null 2>&1 || { log "npm not found: no wasm-opt"; return 1; }
        log "installing binaryen (wasm-opt) from npm into tools/binaryen"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2) ||
            { log "npm ci failed: no wasm-opt"; return 1; }
    fi
    echo "$bin"
}

case "${1:-}" in
    --mode) detect_mode; exit 0 ;;
    --wasm-bindgen) find_wasm_bindgen; exit $? ;;
    --wasm-opt) ensure_wasm_opt; exit $? ;;
    "") ;;
    *) log "unknown argument: $1 (see the header of $0)"; exit 2 ;;
esac

mode=$(detect_mode)
if [ "$mode" = none ]; then
    case "${POSTWACHT_WASM_TOOLCHAIN:-}" in
        rustup) try_rustup_src && mode=rustup ;;
        rustup-target) try_rustup_target && mode=rustup-target ;;
        debian) install_debian; mode=debian ;;
        "") if try_rustup_src; then mode=rustup; else install_debian; mode=debian; fi ;;
    esac
    if [ "$mode" = none ]; then
        log "POSTWACHT_WASM_TOOLCHAIN=$POSTWACHT_WASM_TOOLCHAIN cannot be installed here"
        exit 1
    fi
fi
install_wasm_bindgen
log "ready: mode $mode, $(find_wasm_bindgen)"
echo "$mode"
