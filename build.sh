#!/usr/bin/env bash
# Builds Postwacht's WebAssembly core and everything made from it.
#
#   ./build.sh                 build all: wasm → target/pkg/web (browser) and dist/node
#                              (Node), then the extension (extension/build.mjs: dist/chrome,
#                              dist/firefox, zips, and the test build dist/test/), and the packages
#                              for IT (dist/postwacht.crx, updates.xml, .xpi, deploy/)
#   ./build.sh wasm            only the wasm and the two wasm-bindgen packages
#   ./build.sh bench [--smoke] build all, then benchmark wasm (Node) against native Rust
#                              and harper.js, the photo inspection on 12-megapixel JPEGs
#                              (bench/image.mjs), then the end-to-end latency in Chromium
#                              (tests/e2e/bench/latency.mjs); --smoke: a few iterations on
#                              small inputs
#   ./build.sh demo [ARGS]     build all, then scripts/demo.sh ARGS (when it exists)
#
# Toolchain: scripts/setup-toolchain.sh installs what is missing (rustup's rust-src, or
# Debian's rustc-web where rustup cannot download; wasm-bindgen-cli at the version in
# Cargo.lock; binaryen's wasm-opt from npm) and skips what is there, so this script is safe
# to run on a fresh machine.
# See docs/wasm-and-bench.md.
#
# Environment: POSTWACHT_WASM_TOOLCHAIN=rustup|debian|rustup-target forces a toolchain;
# POSTWACHT_WASM_OPT=0 skips wasm-opt (binaryen from npm, run on the result by default).
# POSTWACHT_SIGNING_KEY=KEY.pem signs the CRX with the school's key (else a throwaway dev
# key, with a warning); POSTWACHT_UPDATE_BASE_URL is where IT will host updates.xml + CRX.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

WASM_TARGET=wasm32-unknown-unknown
# A target dir of its own: the wasm build uses other features (and, in debian mode, another
# compiler), which would otherwise invalidate the native build's cache in target/.
WASM_TARGET_DIR=target/wasm
WASM_OUT=$WASM_TARGET_DIR/$WASM_TARGET/release/postwacht.wasm
# The image module has a target dir of its own too: it is built with wasm SIMD (simd128,
# in Chromium 91+ and Firefox 89+), which the text core is not, and one shared dir would
# rebuild std for each of them in turn.
WASM_IMAGE_TARGET_DIR=target/wasm-image
WASM_IMAGE_OUT=$WASM_IMAGE_TARGET_DIR/$WASM_TARGET/release/postwacht_image.wasm
WASM_ENV=(CARGO_TARGET_DIR="$WASM_TARGET_DIR")
PKG_WEB=target/pkg/web   # wasm-bindgen --target web: loaded by the extension
DIST_NODE=dist/node      # wasm-bindgen ES module for Node, plus the index.js facade

log() { echo "build.sh: $*" >&2; }

# --- the wasm core -----------------------------------------------------------------------

# compile_wasm FEATURES: the core for wasm32 (into $WASM_OUT) with those cargo features.
compile_wasm() {
    local features=$1 mode
    mode=$(scripts/setup-toolchain.sh | tail -n1)
    log "compiling the core to $WASM_TARGET ($mode toolchain)"
    # In the rustup and debian modes std is compiled from source (-Zbuild-std, which needs
    # RUSTC_BOOTSTRAP on a stable compiler) with the crate's size-tuned release profile and
    # std's optimize_for_size algorithms (-4%, no measurable slowdown), and panics become a
    # bare trap (-Cpanic=immediate-abort): -10%, and nothing is lost, because on
    # wasm32-unknown-unknown a panic message goes nowhere anyway. RUSTFLAGS reach only the
    # wasm target's crates, not build scripts or proc macros. (docs/wasm-and-bench.md)
    local build_std=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
    # --cfg postwacht_size: the code that runs once per policy is optimised for size
    # (#[optimize(size)], src/lib.rs); -Zlocation-detail=none: no file names for panics
    # that trap anyway.
    local std_env=(RUSTC_BOOTSTRAP=1
        RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none --cfg postwacht_size")
    local args=(build --release --target "$WASM_TARGET" --no-default-features --features "$features")
    # The photo inspection (crates/postwacht-image) is a wasm module of its own, loaded only
    # when a photo is attached: the text core above never links it.
    local image_args=(build --release --target "$WASM_TARGET" -p postwacht-image --features wasm)
    local lists=(args) a
    if [ "$features" = wasm ]; then lists+=(image_args); fi
    for a in "${lists[@]}"; do
        local -n cargo_args=$a
        # The image module: its own target dir, and wasm SIMD (the detector's and the JPEG
        # decoder's loops are vectorised; measured in docs/wasm-and-bench.md).
        local dir_env=("${WASM_ENV[@]}") envs=("${std_env[@]}") simd=()
        if [ "$a" = image_args ]; then
            dir_env=(CARGO_TARGET_DIR="$WASM_IMAGE_TARGET_DIR")
            envs=(RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Ctarget-feature=+simd128")
            simd=(RUSTFLAGS="-Ctarget-feature=+simd128")
        fi
        case "$mode" in
            rustup)
                env "${dir_env[@]}" "${envs[@]}" cargo "${cargo_args[@]}" "${build_std[@]}"
                ;;
            debian)
                # Debian's cargo/rustc 1.96 first on PATH, std sources from
                # /usr/lib/rustlib/src/rust; RUSTUP_TOOLCHAIN/RUSTC would point cargo back at
                # rustup's compiler.
                env -u RUSTUP_TOOLCHAIN -u RUSTC "${dir_env[@]}" "${envs[@]}" \
                    PATH="/usr/bin:$PATH" cargo "${cargo_args[@]}" "${build_std[@]}"
                ;;
            rustup-target)
                # rustup's prebuilt std for wasm32 (no rust-src): no build-std, no
                # immediate-abort.
                env "${dir_env[@]}" "${simd[@]}" cargo "${cargo_args[@]}"
                ;;
            *) log "no wasm toolchain (mode '$mode')"; exit 1 ;;
        esac
        unset -n cargo_args
    done
}

build_wasm() {
    compile_wasm wasm

    local wasm_bindgen
    wasm_bindgen=$(scripts/setup-toolchain.sh --wasm-bindgen)
    # Symbol names ("name" section) were a third of the stub's .wasm; wasm-bindgen drops
    # them here (strip = true in the profile would also drop the target_features section
    # wasm-bindgen reads).
    local bindgen_flags=(--remove-name-section --remove-producers-section)

    # Browser package: ES module with an async default export `init` (and `initSync`).
    rm -rf "$PKG_WEB"
    "$wasm_bindgen" "${bindgen_flags[@]}" --target web --out-dir "$PKG_WEB" "$WASM_OUT"

    # Node package: an ES module that reads the .wasm with readFileSync when imported.
    rm -rf "$DIST_NODE"
    "$wasm_bindgen" "${bindgen_flags[@]}" --target experimental-nodejs-module --no-typescript \
        --out-dir "$DIST_NODE" "$WASM_OUT"

    # The image module next to it in both packages (postwacht_image.js, _bg.wasm), with the
    # licence of the face model compiled into it (BSD-2-Clause: binaries carry the notice).
    "$wasm_bindgen" "${bindgen_flags[@]}" --target web --out-dir "$PKG_WEB" "$WASM_IMAGE_OUT"
    "$wasm_bindgen" "${bindgen_flags[@]}" --target experimental-nodejs-module --no-typescript \
        --out-dir "$DIST_NODE" "$WASM_IMAGE_OUT"
    cp crates/postwacht-image/model/LICENSE-rustface-seetaface "$PKG_WEB/"
    cp crates/postwacht-image/model/LICENSE-rustface-seetaface "$DIST_NODE/"

    # Both targets get the same .wasm from wasm-bindgen, so the second call is a cache hit.
    optimize_wasm "$PKG_WEB/postwacht_bg.wasm"
    optimize_wasm "$DIST_NODE/postwacht_bg.wasm"
    # The detector's loops are the image module's time: -O3 there; it is loaded when the
    # first photo is attached, not at start, so its size matters less.
    optimize_wasm "$PKG_WEB/postwacht_image_bg.wasm" -O3 --enable-simd
    optimize_wasm "$DIST_NODE/postwacht_image_bg.wasm" -O3 --enable-simd
    write_node_facade
    log "wasm: $(wc -c <"$PKG_WEB/postwacht_bg.wasm") bytes raw," \
        "$(gzip -9c "$PKG_WEB/postwacht_bg.wasm" | wc -c) bytes gzipped"
    log "image wasm: $(wc -c <"$PKG_WEB/postwacht_image_bg.wasm") bytes raw," \
        "$(gzip -9c "$PKG_WEB/postwacht_image_bg.wasm" | wc -c) bytes gzipped"
}

# wasm-opt -Oz (binaryen, from npm via scripts/setup-toolchain.sh --wasm-opt) on the
# wasm-bindgen output. On the current core it takes the raw .wasm from 619 to 570 KB (under
# the 600 KB target) for +3% gzipped (237 → 244 KB, still under 250) and runs as fast or
# slightly faster; see docs/wasm-and-bench.md. It takes ~15 s, so the result is cached by
# the input's hash in target/wasm/opt-cache. POSTWACHT_WASM_OPT=0 skips it; so does a
# machine without npm (with a message). The features are the ones rustc enables for wasm32
# by default, which all current browsers have.
optimize_wasm() {
    local file=$1 level=${2:--Oz} extra=("${@:3}")
    [ "${POSTWACHT_WASM_OPT:-1}" = 1 ] || return 0
    # One cached result per module (the text core and the image module).
    local cache="$WASM_TARGET_DIR/opt-cache/$(basename "$file" .wasm)" hash
    # --low-memory-unused: Rust puts the stack below its data, so the first KB of memory is
    # never addressed (only a 1 MB stack overflow would reach it); binaryen may then fold
    # constant offsets into loads and stores: -1.7 KB gzipped, -4 KB raw.
    local opt_flags=("$level" --low-memory-unused --enable-bulk-memory --enable-mutable-globals
        --enable-sign-ext --enable-nontrapping-float-to-int --enable-reference-types
        --enable-multivalue "${extra[@]}")
    hash=$( (sha256sum "$file"; echo "${opt_flags[*]}") | sha256sum | cut -d' ' -f1)
    if [ -f "$cache/$hash.wasm" ]; then
        cp "$cache/$hash.wasm" "$file"
        return 0
    fi
    local wasm_opt
    if ! wasm_opt=$(scripts/setup-toolchain.sh --wasm-opt); then
        log "wasm-opt unavailable; keeping the unoptimised .wasm"
        return 0
    fi
    local before
    before=$(wc -c <"$file")
    "$wasm_opt" "${opt_flags[@]}" "$file" -o "$file.opt"
    mv "$file.opt" "$file"
    rm -rf "$cache" && mkdir -p "$cache" && cp "$file" "$cache/$hash.wasm"
    log "wasm-opt $level $(basename "$file"): $before → $(wc -c <"$file") bytes"
}

# dist/node/index.js: the Node API, exactly `new Checker(policyJson)` and
# `checker.check(postJson)`, without wasm-bindgen's extras (free, Symbol.dispose).
write_node_facade() {
    cat >"$DIST_NODE/package.json" <<'EOF'
{
  "name": "postwacht",
  "private": true,
  "type": "module",
  "main": "./index.js",
  "exports": "./index.js"
}
EOF
    cat >"$DIST_NODE/index.js" <<'EOF'
// Postwacht for Node 20+ (generated by build.sh; see docs/wasm-and-bench.md).
//
//   import { Checker } from './dist/node/index.js';
//   const checker = new Checker(policyJson);          // undefined/null/"": default policy
//   const findings = checker.check(JSON.stringify({ text, context }));
//
// Both throw an Error whose message names the problem. Findings are plain objects:
// category, rule, severity, start, end (UTF-16 units), start_byte, end_byte, text,
// message, reference, fixes.
import { Checker as WasmChecker } from './postwacht.js';

export class Checker {
  #inner;

  /** @param {string | null | undefined} policyJson the school's policy as JSON */
  constructor(policyJson) {
    this.#inner = new WasmChecker(policyJson);
  }

  /** @param {string} postJson `{"text": ..., "context": {...}}` @returns {object[]} */
  check(postJson) {
    return this.#inner.check(postJson);
  }
}
EOF
    cat >"$DIST_NODE/image.js" <<'EOF'
// Postwacht's photo inspection for Node 20+ (generated by build.sh): a module of its own,
// so importing index.js does not load the face detector.
//
//   import { inspectImage, stripMetadata } from './dist/node/image.js';
//   const found = inspectImage(bytes);  // {format, width, height, orientation, faces,
//                                       //  not_inspected, gps, owner, timings}
//   const clean = stripMetadata(bytes); // Uint8Array without GPS/owner/XMP/comments
//
// Both throw an Error with a `kind` (not-an-image, unsupported, truncated, corrupt).
export { inspectImage, stripMetadata } from './postwacht_image.js';
EOF
}

assemble_extension() {
    # esbuild and the extension's other tools, from extension/package-lock.json.
    scripts/extension-npm.sh
    log "building the extension into dist/ (extension/build.mjs)"
    node extension/build.mjs --pkg "$PKG_WEB" --out dist
    # CRX3 + updates.xml (signed with $POSTWACHT_SIGNING_KEY, else a throwaway dev key),
    # the Firefox XPI and the filled-in deploy/ templates; dist/chrome and its zip get the
    # signing key as their manifest key, so every package and file names one extension ID:
    # see scripts/package.sh (Node only).
    if [ -f scripts/package.sh ] && [ -d dist/chrome ]; then
        log "packaging (CRX, updates.xml, XPI, deploy files) into dist/"
        bash scripts/package.sh dist >/dev/null
    fi
}

build_all() {
    build_wasm
    assemble_extension
}

# --- the benchmark -----------------------------------------------------------------------

# target/pkg/profile: the core with the `profile` feature (Checker.profileSteps, the
# per-step table of bench/bench.mjs), never shipped; no wasm-opt (it changes speed within
# noise, docs/wasm-and-bench.md). Built after the shipped wasm, which stays as it was.
build_profile_wasm() {
    log "the profiling build of the core (feature profile) for the per-step table"
    compile_wasm profile
    local wasm_bindgen
    wasm_bindgen=$(scripts/setup-toolchain.sh --wasm-bindgen)
    rm -rf target/pkg/profile
    "$wasm_bindgen" --remove-producers-section --target experimental-nodejs-module \
        --no-typescript --out-dir target/pkg/profile "$WASM_OUT"
}

run_bench() {
    local smoke="" profile=(--release)
    case "${1:-}" in
        --smoke) smoke=--smoke; profile=() ;;  # dev profile: compiles fast, never rots
        "") ;;
        *) log "usage: ./build.sh bench [--smoke]"; exit 2 ;;
    esac

    # harper.js (the reference point) from bench/package-lock.json; skipped when current.
    if [ ! -f bench/node_modules/.package-lock.json ] ||
        [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
        (cd bench && npm ci --no-audit --no-fund --loglevel=error)
    fi

    # The same inputs for both sides: deterministic posts and rosters, written once.
    local inputs=target/bench/inputs
    node bench/inputs.mjs "$inputs" $smoke

    log "native benchmark (cargo run ${profile[*]} --example bench)"
    cargo run --quiet "${profile[@]}" --example bench -- "$inputs" $smoke \
        >target/bench/native.json

    build_profile_wasm
    node bench/bench.mjs "$inputs" target/bench/native.json $smoke

    # The photo inspection: 12-megapixel JPEGs, wasm (Node) against native, per step.
    log "photo inspection benchmark (cargo run --release -p postwacht-image --example bench)"
    cargo run --quiet --release -p postwacht-image --example bench -- target/bench $smoke \
        >target/bench/image-native.json
    node bench/image.mjs target/bench/image-native.json $smoke

    # Last keystroke → updated marks, in Chromium with dist/chrome on the Lexical test page
    # (a second table); tests/e2e/run.sh installs Chromium and bundles the pages first.
    log "end-to-end latency benchmark (tests/e2e/run.sh --bench${smoke:+ $smoke})"
    tests/e2e/run.sh --bench $smoke
    # A 12-megapixel photo put into a file input → the findings with its faces, in Chromium.
    log "photo inspection in Chromium (tests/e2e/bench/photo.mjs)"
    node tests/e2e/bench/photo.mjs $smoke
}

# --- dispatch ----------------------------------------------------------------------------

cmd=${1:-all}
[ $# -gt 0 ] && shift
case "$cmd" in
    all|build) build_all ;;
    wasm) build_wasm ;;
    bench) build_all; run_bench "$@" ;;
    demo)
        if [ ! -f scripts/demo.sh ]; then log "scripts/demo.sh does not exist yet"; exit 1; fi
        build_all
        exec bash scripts/demo.sh "$@"
        ;;
    -h|--help|help) sed -n '2,/^set -euo/p' "$0" | sed '$d' ;;
    *) log "unknown command '$cmd' (try ./build.sh --help)"; exit 2 ;;
esac
