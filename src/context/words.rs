//! The phrase lists of `lexicon/{nl,en}/context.txt`, by section, parsed once.

use crate::lexicon::PhraseSet;
use crate::text::FastMap as HashMap;
use std::sync::OnceLock;

pub struct Words {
    sections: HashMap<String, PhraseSet<()>>,
    empty: PhraseSet<()>,
}

impl Words {
    fn parse(files: &[&str]) -> Words {
        let mut sections: HashMap<String, PhraseSet<()>> = HashMap::default();
        for data in files {
            for (name, lines) in crate::lexicon::sections(data) {
                let set = sections.entry(name).or_default();
                for line in &lines {
                    set.insert(line, ());
                }
            }
        }
        Words {
            sections,
            empty: PhraseSet::default(),
        }
    }

    /// The phrases of a section (empty when the files have none).
    pub fn set(&self, section: &str) -> &PhraseSet<()> {
        self.sections.get(section).unwrap_or(&self.empty)
    }

    /// Every match of a section's phrases in `words`, as (first token, token count), left
    /// to right, not overlapping.
    pub fn matches<S: AsRef<str>>(&self, section: &str, words: &[S]) -> Vec<(usize, usize)> {
        matches(self.set(section), words)
    }
}

/// Every match of `set` in `words`, as (first token, token count), not overlapping.
pub fn matches<S: AsRef<str>>(set: &PhraseSet<()>, words: &[S]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match set.longest(&words[i..]) {
            Some((n, _)) => {
                out.push((i, n));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

pub fn get() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        Words::parse(&[
            data_file!("lexicon/nl/context.txt"),
            data_file!("lexicon/en/context.txt"),
        ])
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn sections_are_read_from_both_languages() {
        let w = super::get();
        for s in [
            "answered.parent",
            "answered.student",
            "reply.parent",
            "reply.student",
            "formal",
            "leader_title",
            "employee",
            "comments",
            "representative",
            "speak_for_school",
        ] {
            assert!(!w.set(s).is_empty(), "{s}");
        }
        let words = ["over", "mijn", "zoon", "and", "my", "daughter"];
        assert_eq!(w.matches("answered.parent", &words), vec![(1, 2), (4, 2)]);
    }
}
