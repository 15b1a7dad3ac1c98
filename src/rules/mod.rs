//! The protocol's rules: one module per finding category, each a small type implementing
//! [`Rule`]. Adding a rule means defining it in [`crate::catalog`] (id, category, default
//! severity), giving it messages in `messages/*.txt`, and reporting it by value from its
//! category's module (a new category also goes into [`all`]).
//!
//! Rules report [`Hit`]s in original-text byte offsets with message arguments; the checker
//! turns them into [`crate::Finding`]s (severity from the policy, localised message, UTF-16
//! spans), so no rule deals with locales or JavaScript offsets.

use crate::compiled::Compiled;
use crate::model::Post;
use crate::text::Text;
use analysis::Analysis;

pub mod analysis;
pub mod confidential;
pub mod disclaimer;
pub mod discussion;
pub mod informal;
#[cfg(test)]
mod issue12_tests;
pub mod photo_consent;
pub mod photo_location;
pub mod profanity;
pub mod school_words;
pub mod student_name;

pub use crate::catalog::{rule_ids, RuleDef, RULES};

/// A fix as a rule proposes it: replace original bytes `start..end` with `replacement`.
#[derive(Debug, Clone)]
pub struct FixSpec {
    /// Message key of the label (looked up in the messages table with the hit's arguments).
    pub label: &'static str,
    pub replacement: String,
    pub start: usize,
    pub end: usize,
}

/// One thing a rule found, in original-text byte offsets.
#[derive(Debug, Clone)]
pub struct Hit {
    pub rule: &'static RuleDef,
    pub start: usize,
    pub end: usize,
    /// Arguments for the message template (`{name}`, `{channel}`, ...).
    pub args: Vec<(&'static str, String)>,
    pub fixes: Vec<FixSpec>,
}

impl Hit {
    pub fn new(rule: &'static RuleDef, start: usize, end: usize) -> Hit {
        Hit {
            rule,
            start,
            end,
            args: Vec::new(),
            fixes: Vec::new(),
        }
    }
    pub fn arg(mut self, k: &'static str, v: impl Into<String>) -> Hit {
        self.args.push((k, v.into()));
        self
    }
    pub fn fix(
        mut self,
        label: &'static str,
        replacement: impl Into<String>,
        start: usize,
        end: usize,
    ) -> Hit {
        self.fixes.push(FixSpec {
            label,
            replacement: replacement.into(),
            start,
            end,
        });
        self
    }
}

/// What every rule gets: the post, its text, the compiled policy and the shared analysis.
pub struct Ctx<'a> {
    pub post: &'a Post,
    pub text: &'a Text<'a>,
    /// The normalised words of the text, one per token.
    pub words: &'a [&'a str],
    /// Per word, the lexicon lists it starts an entry of ([`crate::lexicon::bit`]).
    pub masks: &'a [u32],
    pub policy: &'a Compiled,
    pub analysis: &'a Analysis,
}

pub trait Rule: Send + Sync {
    fn check(&self, ctx: &Ctx, out: &mut Vec<Hit>);
}

/// The rule instances, in reporting order.
pub fn all() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(disclaimer::Disclaimer),
        Box::new(student_name::StudentName),
        Box::new(photo_consent::PhotoConsent),
        Box::new(informal::Informal),
        Box::new(profanity::Profanity),
        Box::new(confidential::Confidential),
        Box::new(photo_location::PhotoLocation),
        Box::new(discussion::Discussion),
    ]
}

/// Extends a byte range over one adjacent space so that removing it leaves no double space.
pub fn removal_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let after = &text[end..];
    if after.starts_with(' ') {
        return (start, end + 1);
    }
    let before = &text[..start];
    if before.ends_with(' ') {
        return (start - 1, end);
    }
    (start, end)
}
