//! `extra_words`: the school's own words per category, checked for what a plain word list
//! can match.

use super::{join, Validator};
use crate::model::Category;
use serde_json::Value;
use std::collections::BTreeMap;

/// Why an extra word cannot be used, if it cannot. Words are matched whole, as tokens of the
/// post: punctuation alone matches nothing, and regular-expression syntax ("(?i)", "\b")
/// would quietly match single letters.
fn word_problem(w: &str) -> Option<&'static str> {
    if !w.chars().any(char::is_alphanumeric) {
        return Some("has no letter or digit, so it can never match a word");
    }
    let escape = w
        .as_bytes()
        .windows(2)
        .any(|p| p[0] == b'\\' && p[1].is_ascii_alphanumeric());
    let pattern = escape || w.contains("(?") || w.contains(['[', ']', '|', '^', '$', '{', '}']);
    pattern.then_some(
        "looks like a regular expression; extra words are plain words or phrases, matched whole and without regard to case",
    )
}

impl Validator {
    pub(super) fn extra_words(&mut self, v: &Value) -> BTreeMap<Category, Vec<String>> {
        let mut out = BTreeMap::new();
        let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        let Some(m) = self.object("extra_words", v, &names) else {
            return out;
        };
        for (k, val) in m {
            let Some(c) = Category::parse(k) else {
                continue; // reported by object()
            };
            let path = join("extra_words", k);
            let words = self.strings(&path, val);
            // strings() reported the wrong types; here what a word cannot match, with the
            // path strings() would give it (an index in a list, none for a single string).
            let items: Vec<(String, &str)> = match val {
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, x)| Some((format!("{path}[{i}]"), x.as_str()?)))
                    .collect(),
                Value::String(s) => vec![(path.clone(), s.as_str())],
                _ => Vec::new(),
            };
            for (p, w) in items {
                if let Some(problem) = word_problem(w).filter(|_| !w.trim().is_empty()) {
                    self.err(&p, problem);
                }
            }
            let words = words
                .into_iter()
                .filter(|w| word_problem(w).is_none())
                .collect();
            out.insert(c, words);
        }
        out
    }
}
