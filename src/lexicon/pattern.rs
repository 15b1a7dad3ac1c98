//! Phrase patterns: the small pattern syntax of `lexicon/{nl,en}/patterns.txt` (see
//! `lexicon/README.md`). A pattern is a line of elements separated by spaces, matched against
//! the normalised words of a post, one element per word:
//!
//! - `word`: that word; `a|b|c`: one of these words; `stem*`: a word starting with `stem`;
//! - `<class>`: a word of a named list (a word class or a lexicon list, see [`Lists`]);
//! - `#`: a number (one digit token, or two for a decimal like `3,8`);
//! - `~` or `~N`: up to 3 (or N) words of any kind;
//! - a trailing `?` makes an element optional: `een?`, `<filler>?`.
//!
//! A line may also name the span to report with `[` and `]` around elements; without them the
//! whole match is the span.

use super::{normalize, tokens, HashMap, HashSet};
use std::sync::Arc;

/// A named list a pattern can refer to as `<name>`.
/// (A list of pairs, not a map: a few dozen names, looked up rarely; one map type less in the
/// wasm.)
#[derive(Default)]
pub struct Lists(Vec<(String, Arc<HashSet<String>>)>);

impl Lists {
    /// (Kept sorted by name: rules look lists up per word, and a linear scan of string
    /// compares was 14% of a check's instructions.)
    pub fn get(&self, name: &str) -> Option<&Arc<HashSet<String>>> {
        let k = self
            .0
            .binary_search_by(|(n, _)| n.as_str().cmp(name))
            .ok()?;
        Some(&self.0[k].1)
    }

    /// Adds a list, or replaces the one of that name.
    pub fn insert(&mut self, name: String, words: Arc<HashSet<String>>) {
        match self.0.binary_search_by(|(n, _)| n.cmp(&name)) {
            Ok(k) => self.0[k].1 = words,
            Err(k) => self.0.insert(k, (name, words)),
        }
    }
}

#[derive(Debug, Clone)]
enum Atom {
    /// One of these words or a word of one of these lists.
    Words(Vec<String>, Vec<Arc<HashSet<String>>>),
    Stem(String),
    Number,
    Gap(usize),
}

#[derive(Debug, Clone)]
struct Elem {
    atom: Atom,
    optional: bool,
}

/// One compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    elems: Vec<Elem>,
    /// The reported span, in elements: `[from, to)`.
    mark: (usize, usize),
    pub source: String,
}

/// A problem in a pattern line (a test reports these, so a typo fails `cargo test`).
pub fn parse(line: &str, lists: &Lists) -> Result<Pattern, String> {
    let mut elems = Vec::new();
    let (mut from, mut to) = (None, None);
    for raw in line.split_whitespace() {
        let mut s = raw;
        if let Some(r) = s.strip_prefix('[') {
            from = Some(elems.len());
            s = r;
        }
        let close = s.ends_with(']') && s.len() > 1 || s == "]";
        if close {
            s = &s[..s.len() - 1];
        }
        let optional = s.len() > 1 && s.ends_with('?');
        if optional {
            s = &s[..s.len() - 1];
        }
        let atom = if s == "#" {
            Atom::Number
        } else if let Some(n) = s.strip_prefix('~') {
            Atom::Gap(if n.is_empty() {
                3
            } else {
                n.parse().map_err(|_| format!("{line}: bad gap {raw}"))?
            })
        } else if let Some(st) = s.strip_suffix('*').filter(|st| !st.contains('|')) {
            Atom::Stem(normalize(st))
        } else {
            let (mut words, mut classes) = (Vec::new(), Vec::new());
            for part in s.split('|') {
                if let Some(c) = part.strip_prefix('<').and_then(|c| c.strip_suffix('>')) {
                    let Some(l) = lists.get(c) else {
                        return Err(format!("{line}: unknown list <{c}>"));
                    };
                    classes.push(Arc::clone(l));
                } else if tokens(part).len() == 1 {
                    words.push(normalize(part));
                } else {
                    return Err(format!("{line}: \"{part}\" in {raw} is not one word"));
                }
            }
            Atom::Words(words, classes)
        };
        elems.push(Elem { atom, optional });
        if close {
            to = Some(elems.len());
        }
    }
    if elems.is_empty() {
        return Err(format!("{line}: empty pattern"));
    }
    let mark = (from.unwrap_or(0), to.unwrap_or(elems.len()));
    if mark.0 >= mark.1 {
        return Err(format!("{line}: empty span"));
    }
    Ok(Pattern {
        elems,
        mark,
        source: line.to_string(),
    })
}

fn is_number(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

impl Pattern {
    /// If the pattern matches at `words[0]`: the reported span in words, `[from, to)`.
    pub fn matches<S: AsRef<str>>(&self, words: &[S]) -> Option<(usize, usize)> {
        // Patterns are a few elements long: their bounds fit on the stack.
        let mut small = [0usize; 16];
        let mut large = Vec::new();
        let bounds: &mut [usize] = if self.elems.len() < small.len() {
            &mut small[..=self.elems.len()]
        } else {
            large.resize(self.elems.len() + 1, 0);
            &mut large
        };
        // A match whose reported span took no word (only optional elements or gaps) is none.
        (self.go(0, 0, words, bounds) && bounds[self.mark.1] > bounds[self.mark.0])
            .then(|| (bounds[self.mark.0], bounds[self.mark.1]))
    }

    fn go<S: AsRef<str>>(&self, e: usize, w: usize, words: &[S], bounds: &mut [usize]) -> bool {
        bounds[e] = w;
        let Some(el) = self.elems.get(e) else {
            return true;
        };
        let word = words.get(w).map(AsRef::as_ref);
        // The numbers of words this element can take, longest first: `most` down to `least`.
        let (most, least) = match &el.atom {
            Atom::Gap(n) => ((*n).min(words.len().saturating_sub(w)), 0),
            Atom::Number => match word {
                Some(x) if is_number(x) => {
                    let two = words.get(w + 1).is_some_and(|y| {
                        let y = y.as_ref();
                        is_number(y) && y.len() <= 2
                    });
                    (if two { 2 } else { 1 }, 1)
                }
                _ => (0, 1),
            },
            atom => match word {
                Some(x) if one(atom, x) => (1, 1),
                _ => (0, 1),
            },
        };
        for k in (least..=most).rev() {
            if self.go(e + 1, w + k, words, bounds) {
                return true;
            }
        }
        el.optional && self.go(e + 1, w, words, bounds)
    }

    /// The words a match can start with, or `None` when any word can (a stem, a gap, a number).
    fn first_words(&self) -> Option<Vec<&str>> {
        let mut out = Vec::new();
        for el in &self.elems {
            match &el.atom {
                Atom::Words(ws, cs) => {
                    out.extend(ws.iter().map(String::as_str));
                    out.extend(cs.iter().flat_map(|c| c.iter().map(String::as_str)));
                }
                _ => return None,
            }
            if !el.optional {
                return Some(out);
            }
        }
        None
    }
}

fn one(atom: &Atom, w: &str) -> bool {
    match atom {
        Atom::Words(ws, cs) => ws.iter().any(|x| x == w) || cs.iter().any(|c| c.contains(w)),
        Atom::Stem(s) => w.starts_with(s.as_str()),
        Atom::Number | Atom::Gap(_) => false,
    }
}

/// The patterns of one `[section]`, looked up by the word a match starts with.
#[derive(Default)]
pub struct PatternSet {
    by_first: HashMap<String, Vec<usize>>,
    anywhere: Vec<usize>,
    patterns: Vec<Pattern>,
}

impl PatternSet {
    pub fn build(lines: &[String], lists: &Lists) -> Result<PatternSet, String> {
        let mut s = PatternSet::default();
        for l in lines {
            let p = parse(l, lists)?;
            let k = s.patterns.len();
            match p.first_words() {
                Some(ws) => {
                    for w in ws {
                        s.by_first.entry(w.to_string()).or_default().push(k);
                    }
                }
                None => s.anywhere.push(k),
            }
            s.patterns.push(p);
        }
        Ok(s)
    }

    /// The first pattern that matches at `words[0]`: its reported span `[from, to)` in words.
    pub fn find<S: AsRef<str>>(&self, words: &[S]) -> Option<(usize, usize)> {
        let first = words.first()?.as_ref();
        let listed = self.by_first.get(first).map(Vec::as_slice).unwrap_or(&[]);
        listed
            .iter()
            .chain(&self.anywhere)
            .find_map(|&k| self.patterns[k].matches(words))
    }

    /// The words a match can start with (all of them, unless [`Self::starts_anywhere`]).
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    /// Whether some pattern can start at any word (a stem, a gap or a number first).
    pub fn starts_anywhere(&self) -> bool {
        !self.anywhere.is_empty()
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

/// The sections of `patterns.txt`, each read by one rule (the rule says which).
pub const SECTIONS: &[&str] = &[
    "contempt",
    "health",
    "family",
    "discipline",
    "grade",
    "level",
];

/// Every pattern section of `lexicon/{nl,en}/patterns.txt`, compiled.
#[derive(Default)]
pub struct Patterns {
    sets: Vec<(String, PatternSet)>,
}

impl Patterns {
    /// Compiles the pattern files against `lists`; an error names the bad line.
    pub fn build(files: &[&str], lists: &Lists) -> Result<Patterns, String> {
        let mut lines: std::collections::HashMap<String, Vec<String>> = Default::default();
        for data in files {
            for (name, ls) in super::sections(data) {
                if !SECTIONS.contains(&name.as_str()) {
                    return Err(format!("patterns.txt: unknown section [{name}]"));
                }
                lines.entry(name).or_default().extend(ls);
            }
        }
        let mut sets = Vec::new();
        for (name, ls) in lines {
            let set = PatternSet::build(&ls, lists)?;
            sets.push((name, set));
        }
        Ok(Patterns { sets })
    }

    /// Every section's patterns.
    pub fn all(&self) -> impl Iterator<Item = &PatternSet> {
        self.sets.iter().map(|(_, p)| p)
    }

    /// The patterns of `section` (one of [`SECTIONS`]).
    pub fn get(&self, section: &str) -> Option<&PatternSet> {
        debug_assert!(SECTIONS.contains(&section), "{section}");
        self.sets.iter().find(|(n, _)| n == section).map(|(_, p)| p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pat: &str, text: &str) -> Option<(usize, usize)> {
        let mut l = Lists::default();
        let set = |ws: &[&str]| Arc::new(ws.iter().map(|w| normalize(w)).collect());
        l.insert("people".into(), set(&["ouders", "collega's", "parents"]));
        l.insert("nouns".into(), set(&["apen", "clowns"]));
        let p = parse(pat, &l).unwrap();
        p.matches(&tokens(text))
    }

    #[test]
    fn elements_match_words() {
        assert_eq!(
            m("stelletje|stel <nouns>", "stel apen vandaag"),
            Some((0, 2))
        );
        assert_eq!(m("wat een? <nouns>", "wat clowns"), Some((0, 2)));
        assert_eq!(m("wat een? <nouns>", "wat een clowns"), Some((0, 3)));
        assert_eq!(
            m("die <people> ~ snappen* niks", "die ouders snappen er niks"),
            None
        );
        assert_eq!(
            m(
                "die <people> ~ snap* ~2 niks",
                "die ouders snappen er echt niks van"
            ),
            Some((0, 6))
        );
        assert_eq!(m("een # voor", "een 3,8 voor wiskunde"), Some((0, 4)));
        assert_eq!(m("een # voor", "een 7 voor rekenen"), Some((0, 3)));
        assert_eq!(m("een # voor", "een zeven voor"), None);
        assert_eq!(
            m("[rechter] heeft besloten", "rechter heeft besloten"),
            Some((0, 1))
        );
        assert_eq!(m("de [rechter heeft]", "de rechter heeft"), Some((1, 3)));
        assert_eq!(m("stel <nouns>", "stel vragen"), None);
        // Nothing to report: the span took no word.
        assert_eq!(m("wat [een?]", "wat"), None);
        assert_eq!(m("~2", "wat een"), Some((0, 2)));
        assert_eq!(m("~2", ""), None);
    }

    #[test]
    fn bad_patterns_are_errors() {
        let l = Lists::default();
        assert!(parse("<nope> x", &l).is_err());
        assert!(parse("~x", &l).is_err());
        assert!(parse("", &l).is_err());
    }
}
