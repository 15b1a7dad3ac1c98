//! The capacity statement: "op persoonlijke titel", "namens de school", "views are my own".

use super::Analysis;
use crate::compiled::Compiled;
use crate::text::Regex;
use crate::text::Text;
use std::sync::OnceLock;

fn capacity_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        // Applied to normalised text (lower case, no diacritics). Each line of the data files
        // is one common way of saying "personal capacity" or "on behalf of the school".
        let all: Vec<&str> = [
            data_file!("lexicon/nl/capacity.txt"),
            data_file!("lexicon/en/capacity.txt"),
        ]
        .iter()
        .flat_map(|d| d.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
        crate::text::regex(&format!("(?:{})", all.join("|")))
    })
}

impl Analysis {
    pub(super) fn find_capacity(
        &self,
        text: &Text,
        words: &[&str],
        policy: &Compiled,
    ) -> Option<(usize, usize)> {
        if let Some(m) = capacity_regex().find(&text.norm) {
            return Some(text.to_orig(m.start(), m.end()));
        }
        speaks_for_school(words, policy)
            .map(|(i, n)| (text.tokens[i].start, text.tokens[i + n - 1].end))
    }
}

/// "namens OBS De Regenboog", "on behalf of De Regenboog": the school's own name after the
/// words that speak for it (a representative statement, the school speaking). The first
/// word and the number of words, in token indices.
pub(crate) fn speaks_for_school(words: &[&str], policy: &Compiled) -> Option<(usize, usize)> {
    for (i, w) in words.iter().enumerate() {
        let after = match *w {
            "namens" => i + 1,
            "of" if i >= 2 && words[i - 1] == "behalf" && words[i - 2] == "on" => i + 1,
            _ => continue,
        };
        // "niet namens De Regenboog", "not on behalf of": the opposite statement.
        let start = if *w == "namens" { i } else { i - 2 };
        if start > 0 && matches!(words[start - 1], "niet" | "not" | "geen") {
            continue;
        }
        if after < words.len() {
            if let Some((n, _)) = policy.school_names.longest(&words[after..]) {
                return Some((i, after + n - i));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    /// Every line of the data files is a regular expression of its own (a bad edit fails
    /// here with the line, not as one large joined pattern).
    #[test]
    fn every_capacity_line_is_a_pattern() {
        for data in [
            data_file!("lexicon/nl/capacity.txt"),
            data_file!("lexicon/en/capacity.txt"),
        ] {
            for l in data.lines().map(str::trim).filter(|l| !l.is_empty()) {
                assert!(crate::text::try_regex(l).is_ok(), "not a pattern: {l}");
            }
        }
        assert!(super::capacity_regex().is_match("dit schrijf ik op persoonlijke titel"));
    }
}
