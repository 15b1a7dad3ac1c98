//! Postwacht's checking core: a school's social-media protocol as pure functions.
//!
//! `Checker::new(policy)` compiles a policy once; `checker.check(&post)` returns findings.
//! The core never sees a DOM or a terminal: the command-line tool (`src/main.rs`) and the
//! wasm surface (`src/wasm.rs`) are thin layers over this crate.
//!
//! Layout:
//! - [`model`]: post in, findings out (serde types shared with the CLI and JavaScript).
//! - [`catalog`]: every rule's id, category and default severity, defined once.
//! - [`policy`]: the school's policy, validated with errors that name the path; its format
//!   table generates the extension's managed_schema.json.
//! - [`text`]: normalisation, tokens, sentences, UTF-16 offsets.
//! - [`lexicon`] and [`messages`]: word lists and messages, compiled in from data files.
//! - [`context`]: the post's account, addressee and author role, given or inferred.
//! - [`rules`]: one module or folder per finding category, and [`rules::analysis`]: what
//!   several rules share (school topic, capacity statement, pupil names).
//! - [`checker`]: runs the rules and renders findings.

// The wasm build (build.sh, nightly features through RUSTC_BOOTSTRAP) sets `postwacht_size`:
// code that runs once per policy (parsing, validating, compiling it; loading the lexicon)
// is then optimised for size like opt-level "z", and the checks stay at the profile's "s"
// (the whole crate at "z" is 2x slower; docs/wasm-and-bench.md).
#![cfg_attr(postwacht_size, feature(optimize_attribute))]

/// A word list or message file from `lexicon/` or `messages/`, compiled in without its
/// comment lines (build.rs writes the stripped copies to OUT_DIR).
macro_rules! data_file {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $path))
    };
}

/// The regular expressions of `lexicon/nl/NAME.txt` and `lexicon/en/NAME.txt` by section
/// ([`lexicon::regexes`]), parsed on first use; a section list that does not fit the files
/// panics there (and in `cargo test`) with the section's name.
macro_rules! lexicon_regexes {
    ($name:literal, [$($section:literal),+ $(,)?]) => {{
        static R: std::sync::OnceLock<$crate::lexicon::regexes::Regexes> =
            std::sync::OnceLock::new();
        R.get_or_init(|| {
            $crate::lexicon::regexes::Regexes::build(
                &[
                    include_str!(concat!(env!("OUT_DIR"), "/lexicon/nl/", $name, ".txt")),
                    include_str!(concat!(env!("OUT_DIR"), "/lexicon/en/", $name, ".txt")),
                ],
                &[$($section),+],
            )
            .unwrap_or_else(|e| panic!("lexicon {}.txt: {e}", $name))
        })
    }};
}

pub mod catalog;
pub mod checker;
pub mod compiled;
pub mod context;
pub mod lexicon;
pub mod messages;
pub mod model;
pub mod policy;
#[doc(hidden)]
pub mod profile;
#[cfg(feature = "cli")]
pub mod roster_csv;
pub mod roster_hash;
pub mod rules;
#[cfg(test)]
mod testutil;
pub mod text;
#[cfg(feature = "wasm")]
mod wasm;

pub use checker::Checker;
pub use model::*;
pub use policy::{Policy, PolicyError, PolicyErrors};
