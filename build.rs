//! Copies the word lists and messages into OUT_DIR without their comment lines, so the
//! files in `lexicon/` and `messages/` can document their sources and rules at length while
//! the wasm carries only the data (about 2.5 KB gzipped less).

use std::path::Path;

fn copy_stripped(src: &Path, dst: &Path) {
    let text = std::fs::read_to_string(src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .collect();
    std::fs::create_dir_all(dst.parent().expect("has a parent")).expect("create OUT_DIR subdir");
    std::fs::write(dst, kept.join("\n") + "\n").expect("write stripped copy");
}

fn main() {
    // Set by build.sh for the wasm build (src/lib.rs).
    println!("cargo::rustc-check-cfg=cfg(postwacht_size)");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    for dir in ["lexicon/nl", "lexicon/en", "messages"] {
        println!("cargo:rerun-if-changed={dir}");
        for entry in std::fs::read_dir(dir).expect("data directory") {
            let path = entry.expect("dir entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                println!("cargo:rerun-if-changed={}", path.display());
                copy_stripped(&path, &Path::new(&out).join(&path));
            }
        }
    }
}
