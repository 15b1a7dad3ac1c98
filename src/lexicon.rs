//! Word lists, compiled into the binary from `lexicon/` and parsed once on first use.
//!
//! Every list is data: a newcomer changes what the checker knows by editing a text file.
//! Entries are normalised exactly like post text (see [`crate::text::normalize`]) and split
//! into tokens the way the tokenizer splits a post, so multi-word entries ("de pot op") and
//! entries with apostrophes match token by token.

use crate::text::normalize;
/// The tokeniser entries are split with (kept under this name for the policy module).
pub use crate::text::words as tokens;
use crate::text::{FastMap as HashMap, FastSet as HashSet};
use std::collections::HashMap as StdMap;
use std::sync::OnceLock;

pub mod classes;
pub mod pattern;
pub mod regexes;

/// A set of phrases (one or more tokens), each with a payload, looked up by first token.
/// Per first token, the phrases are kept in groups of one length, longest group first, so
/// an insert costs a look at the (few) lengths instead of a sort of every phrase sharing
/// the first token (which made 100,000 aliases take minutes in wasm, issue 14).
#[derive(Default)]
pub struct PhraseSet<T> {
    by_first: HashMap<String, Vec<Group<T>>>,
}

/// Phrases of one length after their first token, in the order they were inserted.
struct Group<T> {
    len: usize,
    rests: Vec<(Vec<String>, T)>,
}

impl<T> PhraseSet<T> {
    pub fn insert(&mut self, phrase: &str, payload: T) {
        let toks = tokens(phrase);
        if let Some((first, rest)) = toks.split_first() {
            let groups = self.by_first.entry(first.clone()).or_default();
            // Longest phrases first, so "krijg de tering" wins over "krijg".
            let i = groups.partition_point(|g| g.len > rest.len());
            if groups.get(i).is_none_or(|g| g.len != rest.len()) {
                groups.insert(
                    i,
                    Group {
                        len: rest.len(),
                        rests: Vec::new(),
                    },
                );
            }
            groups[i].rests.push((rest.to_vec(), payload));
        }
    }

    /// The longest phrase starting with `words[0]`: its length in tokens and payload.
    pub fn longest<'a, S: AsRef<str>>(&'a self, words: &[S]) -> Option<(usize, &'a T)> {
        let first = words.first()?;
        let groups = self.by_first.get(first.as_ref())?;
        groups
            .iter()
            .filter(|g| g.len < words.len())
            .flat_map(|g| &g.rests)
            .find(|(rest, _)| rest.iter().zip(&words[1..]).all(|(a, b)| a == b.as_ref()))
            .map(|(rest, p)| (rest.len() + 1, p))
    }

    pub fn contains_word(&self, w: &str) -> bool {
        self.by_first
            .get(w)
            .is_some_and(|v| v.last().is_some_and(|g| g.len == 0))
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// The words phrases start with.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }
}

/// Bits of [`Lexicon::mask`]: which lists a word starts an entry of. One hash lookup per word
/// of a post answers, for every list at once, whether looking further is worth it.
pub mod bit {
    pub const CHAT: u32 = 1;
    pub const CURSE: u32 = 1 << 1;
    pub const INSULT: u32 = 1 << 2;
    pub const BELITTLE_ADJ: u32 = 1 << 3;
    pub const BELITTLE_PHRASE: u32 = 1 << 4;
    pub const CONDITION: u32 = 1 << 5;
    pub const SITUATION: u32 = 1 << 6;
    pub const EDU_STRONG: u32 = 1 << 7;
    pub const EDU_WEAK: u32 = 1 << 8;
    pub const FIRST_NAME: u32 = 1 << 9;
    pub const NAME_WORD: u32 = 1 << 10;
    pub const TITLE: u32 = 1 << 11;
    pub const SLANG: u32 = 1 << 12;
    /// The word a pattern of `patterns.txt` can start with (any section).
    pub const PATTERN: u32 = 1 << 13;
}

/// Lines of a data file without comments and blanks, grouped by `[section]`.
pub(crate) fn sections(data: &str) -> StdMap<String, Vec<String>> {
    let mut out: StdMap<String, Vec<String>> = StdMap::new();
    let mut cur = String::new();
    for line in data.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            cur = name.to_string();
            continue;
        }
        out.entry(cur.clone()).or_default().push(line.to_string());
    }
    out
}

fn set(lines: Option<&Vec<String>>) -> HashSet<String> {
    lines.into_iter().flatten().map(|l| entry_word(l)).collect()
}

/// A one-word entry as a post's tokens meet it: "collega's" (tokens "collega" "s") is "collega".
pub(crate) fn entry_word(l: &str) -> String {
    let n = normalize(l); // folds ’ to '
    n.strip_suffix("'s")
        .filter(|b| tokens(b).len() == 1)
        .map_or_else(|| n.clone(), str::to_string)
}

fn phrases(lines: Option<&Vec<String>>) -> PhraseSet<()> {
    let mut p = PhraseSet::default();
    for l in lines.into_iter().flatten() {
        p.insert(l, ());
    }
    p
}

/// `term = replacement` lines of several files in one set.
fn replacements(files: &[&str]) -> PhraseSet<String> {
    let mut p = PhraseSet::default();
    for data in files {
        for l in sections(data).remove("").unwrap_or_default() {
            let (term, rep) = l.split_once('=').unwrap_or((&l, ""));
            p.insert(term.trim(), rep.trim().to_string());
        }
    }
    p
}

pub struct Lexicon {
    pub chat_speak: PhraseSet<String>,
    pub slang_intensifiers: HashSet<String>,
    pub slang_adjectives: HashSet<String>,
    pub curses: PhraseSet<()>,
    pub insults: HashSet<String>,
    pub curse_prefixes: Vec<String>,
    pub curse_ordinary: HashSet<String>,
    pub belittle_adjectives: HashSet<String>,
    pub people: HashSet<String>,
    /// Animals people are called ("zijn echt varkens").
    pub animals: HashSet<String>,
    /// Contempt without a swear word: "is een lachertje", "is a joke".
    pub belittle_phrases: PhraseSet<()>,
    /// "stelletje", "wat een", "absolute": make an [`Self::insult_nouns`] word an insult.
    pub belittle_intensifiers: PhraseSet<()>,
    pub insult_nouns: HashSet<String>,
    /// Said of people after a copula: "jullie zijn echt asociaal".
    pub predicates: HashSet<String>,
    pub conditions: PhraseSet<()>,
    /// Conditions that also match as part of a compound (`allergie*`).
    pub condition_stems: Vec<String>,
    pub condition_general: HashSet<String>,
    pub family: PhraseSet<()>,
    pub discipline: PhraseSet<()>,
    pub learning: PhraseSet<()>,
    pub edu_strong: PhraseSet<()>,
    pub edu_weak: PhraseSet<()>,
    pub edu_strong_prefixes: Vec<String>,
    pub edu_weak_prefixes: Vec<String>,
    pub edu_strong_suffixes: Vec<String>,
    pub edu_weak_suffixes: Vec<String>,
    pub edu_not_compound: HashSet<String>,
    pub first_names: HashSet<String>,
    pub name_words: HashSet<String>,
    pub titles: HashSet<String>,
    /// The word classes of `word_classes.txt` ([`classes`]).
    pub classes: classes::Classes,
    /// Characters and authors of children's books in full (`book_names.txt`): not pupils.
    pub book_names: PhraseSet<()>,
    /// First name → its short forms (`short_forms.txt`).
    pub short_forms: Vec<(String, Vec<String>)>,
    /// The phrase patterns of `patterns.txt` ([`pattern`]).
    pub patterns: pattern::Patterns,
    /// The named lists patterns use ([`Self::pattern_lists`]), also read by rules.
    lists: pattern::Lists,
    /// Word → the [`bit`]s of the lists it starts an entry of.
    masks: HashMap<String, u32>,
}

fn list(s: &StdMap<String, Vec<String>>, k: &str) -> Vec<String> {
    s.get(k)
        .into_iter()
        .flatten()
        .map(|l| entry_word(l))
        .collect()
}

impl Lexicon {
    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    fn load() -> Lexicon {
        let chat_speak = replacements(&[
            data_file!("lexicon/nl/chat_speak.txt"),
            data_file!("lexicon/en/chat_speak.txt"),
        ]);
        let slang = sections(data_file!("lexicon/nl/slang.txt"));
        let mut curses = PhraseSet::default();
        for f in [
            data_file!("lexicon/nl/profanity.txt"),
            data_file!("lexicon/en/profanity.txt"),
            data_file!("lexicon/nl/naughty_words.txt"),
            data_file!("lexicon/en/naughty_words.txt"),
        ] {
            for l in sections(f).remove("").unwrap_or_default() {
                curses.insert(&l, ());
            }
        }
        let mut insults = HashSet::default();
        for f in [
            data_file!("lexicon/nl/insults.txt"),
            data_file!("lexicon/en/insults.txt"),
        ] {
            insults.extend(set(sections(f).get("")));
        }
        let cc = sections(data_file!("lexicon/nl/curse_compounds.txt"));
        let bel = sections(data_file!("lexicon/nl/belittling.txt"));
        let health = sections(data_file!("lexicon/nl/health.txt"));
        let mut conditions = PhraseSet::default();
        let mut condition_stems = Vec::new();
        for l in health.get("conditions").into_iter().flatten() {
            if let Some(stem) = l.strip_suffix('*') {
                condition_stems.push(normalize(stem));
                conditions.insert(stem, ());
            } else {
                conditions.insert(l, ());
            }
        }
        let sit = sections(data_file!("lexicon/nl/situations.txt"));
        let edu = sections(data_file!("lexicon/nl/education.txt"));
        let names = sections(data_file!("lexicon/nl/first_names.txt"));
        let mut l = Lexicon {
            chat_speak,
            slang_intensifiers: set(slang.get("intensifiers")),
            slang_adjectives: set(slang.get("adjectives")),
            curses,
            insults,
            curse_prefixes: list(&cc, "prefixes"),
            curse_ordinary: set(cc.get("ordinary")),
            belittle_adjectives: set(bel.get("adjectives")),
            people: set(bel.get("people")),
            animals: set(bel.get("animals")),
            belittle_phrases: phrases(bel.get("phrases")),
            belittle_intensifiers: phrases(bel.get("intensifiers")),
            insult_nouns: set(bel.get("insult-nouns")),
            predicates: set(bel.get("predicates")),
            conditions,
            condition_stems,
            condition_general: set(health.get("general")),
            family: phrases(sit.get("family")),
            discipline: phrases(sit.get("discipline")),
            learning: phrases(sit.get("learning")),
            edu_strong: phrases(edu.get("strong")),
            edu_weak: phrases(edu.get("weak")),
            edu_strong_prefixes: list(&edu, "strong-prefixes"),
            edu_weak_prefixes: list(&edu, "weak-prefixes"),
            edu_strong_suffixes: list(&edu, "strong-suffixes"),
            edu_weak_suffixes: list(&edu, "weak-suffixes"),
            edu_not_compound: set(edu.get("not-compound")),
            first_names: names.values().flatten().map(|l| normalize(l)).collect(),
            name_words: set(sections(data_file!("lexicon/nl/name_words.txt")).get("")),
            titles: set(sections(data_file!("lexicon/nl/titles.txt")).get("")),
            classes: classes::Classes::load(&[
                data_file!("lexicon/nl/word_classes.txt"),
                data_file!("lexicon/en/word_classes.txt"),
            ]),
            book_names: phrases(sections(data_file!("lexicon/nl/book_names.txt")).get("")),
            short_forms: sections(data_file!("lexicon/nl/short_forms.txt"))
                .remove("")
                .unwrap_or_default()
                .iter()
                .filter_map(|l| l.split_once('='))
                .map(|(f, s)| {
                    (
                        normalize(f.trim()),
                        s.split_whitespace().map(normalize).collect(),
                    )
                })
                .collect(),
            patterns: pattern::Patterns::default(),
            lists: pattern::Lists::default(),
            masks: HashMap::default(),
        };
        l.lists = l.pattern_lists();
        l.patterns = pattern::Patterns::build(
            &[
                data_file!("lexicon/nl/patterns.txt"),
                data_file!("lexicon/en/patterns.txt"),
            ],
            &l.lists,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut masks: HashMap<String, u32> = HashMap::default();
        let mut mark = |words: &mut dyn Iterator<Item = &str>, b: u32| {
            for w in words {
                *masks.entry(w.to_string()).or_default() |= b;
            }
        };
        mark(&mut l.chat_speak.first_words(), bit::CHAT);
        mark(&mut l.curses.first_words(), bit::CURSE);
        mark(&mut l.insults.iter().map(String::as_str), bit::INSULT);
        mark(
            &mut l.belittle_adjectives.iter().map(String::as_str),
            bit::BELITTLE_ADJ,
        );
        mark(&mut l.belittle_phrases.first_words(), bit::BELITTLE_PHRASE);
        mark(
            &mut l.belittle_intensifiers.first_words(),
            bit::BELITTLE_PHRASE,
        );
        mark(&mut l.conditions.first_words(), bit::CONDITION);
        for p in [&l.family, &l.discipline, &l.learning] {
            mark(&mut p.first_words(), bit::SITUATION);
        }
        mark(&mut l.edu_strong.first_words(), bit::EDU_STRONG);
        mark(&mut l.edu_weak.first_words(), bit::EDU_WEAK);
        mark(
            &mut l.first_names.iter().map(String::as_str),
            bit::FIRST_NAME,
        );
        mark(&mut l.name_words.iter().map(String::as_str), bit::NAME_WORD);
        mark(&mut l.titles.iter().map(String::as_str), bit::TITLE);
        mark(
            &mut l.slang_intensifiers.iter().map(String::as_str),
            bit::SLANG,
        );
        for p in l.patterns.all() {
            mark(&mut p.first_words(), bit::PATTERN);
        }
        l.masks = masks;
        l
    }

    /// The lists a pattern can name as `<name>`: every word class, the lexicon's lists of
    /// people, animals and insults, and every section of `pattern_lists.txt`.
    pub fn pattern_lists(&self) -> pattern::Lists {
        use std::sync::Arc;
        let mut l = pattern::Lists::default();
        for (name, words) in self.classes.all() {
            l.insert(name.to_string(), Arc::new(words.clone()));
        }
        for (name, words) in [
            ("people", &self.people),
            ("animals", &self.animals),
            ("insult-nouns", &self.insult_nouns),
            ("insults", &self.insults),
            ("belittle-adjectives", &self.belittle_adjectives),
            ("predicates", &self.predicates),
        ] {
            l.insert(name.to_string(), Arc::new(words.clone()));
        }
        for data in [
            data_file!("lexicon/nl/pattern_lists.txt"),
            data_file!("lexicon/en/pattern_lists.txt"),
        ] {
            for (name, lines) in sections(data) {
                let mut words = l.get(&name).map(|s| (**s).clone()).unwrap_or_default();
                words.extend(set(Some(&lines)));
                l.insert(name, Arc::new(words));
            }
        }
        l
    }

    /// A list of `pattern_lists.txt` (or a word class) by name.
    pub fn list(&self, name: &str) -> Option<&HashSet<String>> {
        self.lists.get(name).map(|l| &**l)
    }

    /// Which lists `word` starts an entry of (see [`bit`]).
    pub fn mask(&self, word: &str) -> u32 {
        self.masks.get(word).copied().unwrap_or(0)
    }
}

/// The lexicon, parsed on first use.
pub fn get() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(Lexicon::load)
}

#[cfg(test)]
mod tests;
