//! Postwacht's checking core: a school's social-media protocol as pure functions.
//!
//! `Checker::new(policy)` compiles a policy once; `checker.check(&post)` returns findings.
//! The core never sees a DOM or a terminal: the command-line tool (`src/main.rs`) and the
//! wasm surface (`src/wasm.rs`) are thin layers over this crate.

pub mod model;
#[cfg(feature = "wasm")]
mod wasm;

pub use model::*;

/// Placeholder until the rules land: compiles a policy and checks posts.
pub struct Checker {}

impl Checker {
    /// A checker with the embedded default policy (no school, no roster, every rule on).
    pub fn with_default_policy() -> Checker {
        Checker {}
    }
    /// Parses, validates and compiles a policy; the error names the path and the problem.
    pub fn from_policy_json(_json: &str) -> Result<Checker, String> {
        Ok(Checker {})
    }
    pub fn check(&self, _post: &Post) -> Vec<Finding> {
        Vec::new()
    }
}
