//! The rules' regular expressions: regex-automata's lazy DFA used directly, without the
//! `regex` crate's meta engine.
//!
//! The rules need only `find`, `find_iter` and `is_match` (no capture groups), and their
//! patterns use ASCII word boundaries (see [`super::regex`]), so the lazy DFA alone answers
//! every search: it cannot quit (no Unicode word boundary, no quit bytes) and is configured
//! never to give up (it clears its cache instead). What the meta engine adds on top of it
//! (the strategy selection, the PikeVM fallback for captures, the literal extraction) is
//! about 50 KB of wasm the rules never use. The search semantics are the meta engine's:
//! leftmost-first, the start found by a reverse DFA, empty matches never split a UTF-8
//! character (the lazy DFA skips those itself).

use regex_automata::hybrid::dfa::Config as DfaConfig;
use regex_automata::hybrid::regex::{Cache, Regex as Lazy};
use regex_automata::util::iter::Searcher;
use regex_automata::Input;
use std::sync::Mutex;

pub use regex_automata::hybrid::BuildError;

/// A compiled pattern; cheap to share (`&'static` in the rules' `OnceLock`s).
pub struct Regex {
    re: Lazy,
    /// Caches of the lazy DFA's states; one per search in progress (a search nested inside
    /// another one's `find_iter` gets a second cache rather than waiting).
    caches: Mutex<Vec<Cache>>,
}

/// One match: a span of the searched text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
}

impl Regex {
    #[cfg_attr(postwacht_size, optimize(size))]
    #[inline(never)]
    pub fn new(pattern: &str) -> Result<Regex, Box<BuildError>> {
        let re = Lazy::builder()
            // The meta engine's size of cache (2 MB); never give up on a search.
            .dfa(
                DfaConfig::new()
                    .cache_capacity(2 * (1 << 20))
                    .minimum_cache_clear_count(None),
            )
            .build(pattern)
            .map_err(Box::new)?;
        Ok(Regex {
            re,
            caches: Mutex::new(Vec::new()),
        })
    }

    fn take_cache(&self) -> Cache {
        let pooled = self.caches.lock().unwrap_or_else(|e| e.into_inner()).pop();
        pooled.unwrap_or_else(|| self.re.create_cache())
    }

    fn put_cache(&self, cache: Cache) {
        self.caches
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(cache);
    }

    /// The leftmost-first match, if any.
    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.find_iter(haystack).next()
    }

    /// Every successive non-overlapping match, left to right.
    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> Matches<'r, 'h> {
        Matches {
            re: self,
            cache: Some(self.take_cache()),
            searcher: Searcher::new(Input::new(haystack)),
            haystack,
        }
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        let mut cache = self.take_cache();
        let found = self
            .re
            .is_match(&mut cache, Input::new(haystack).earliest(true));
        self.put_cache(cache);
        found
    }
}

impl std::fmt::Debug for Regex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Regex")
    }
}

/// The iterator of [`Regex::find_iter`]; gives its cache back when dropped.
pub struct Matches<'r, 'h> {
    re: &'r Regex,
    cache: Option<Cache>,
    searcher: Searcher<'h>,
    haystack: &'h str,
}

impl<'h> Iterator for Matches<'_, 'h> {
    type Item = Match<'h>;

    fn next(&mut self) -> Option<Match<'h>> {
        let cache = self.cache.as_mut()?;
        let re = &self.re.re;
        // The lazy DFA cannot fail here (see the module's comment): no quit bytes, no
        // giving up, and the input is unanchored.
        let m = self.searcher.advance(|input| re.try_search(cache, input))?;
        Some(Match {
            haystack: self.haystack,
            start: m.start(),
            end: m.end(),
        })
    }
}

impl Drop for Matches<'_, '_> {
    fn drop(&mut self) {
        if let Some(cache) = self.cache.take() {
            self.re.put_cache(cache);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Regex;

    #[test]
    fn leftmost_first_spans_like_the_regex_crate() {
        let re = Regex::new(r"(?-u:\b)(?:ab|abc|b+)(?-u:\b)").unwrap();
        let h = "abc bbb ab é b";
        let got: Vec<_> = re
            .find_iter(h)
            .map(|m| (m.start(), m.end(), m.as_str()))
            .collect();
        assert_eq!(
            got,
            [(0, 3, "abc"), (4, 7, "bbb"), (8, 10, "ab"), (14, 15, "b")]
        );
        assert_eq!(re.find("x abc").map(|m| m.range()), Some(2..5));
        assert!(re.is_match("--b--"));
        assert!(!re.is_match("abcd"));
    }

    #[test]
    fn empty_matches_never_split_a_character() {
        let re = Regex::new(r"x*").unwrap();
        let got: Vec<_> = re.find_iter("éx").map(|m| m.range()).collect();
        assert_eq!(got, [0..0, 2..3]);
    }

    #[test]
    fn nested_searches_get_their_own_cache() {
        let re = Regex::new(r"[0-9]+").unwrap();
        let mut n = 0;
        for m in re.find_iter("1 22 333") {
            assert!(re.is_match(m.as_str()));
            assert_eq!(re.find(m.as_str()).map(|i| i.len()), Some(m.len()));
            n += 1;
        }
        assert_eq!(n, 3);
    }

    /// The same spans as the `regex` crate (the engine this replaced) for patterns of the
    /// rules' kinds, on text with diacritics, emoji and punctuation.
    #[test]
    fn agrees_with_the_regex_crate() {
        let patterns = [
            r"(?:\+31|0031)[ .\-]?(?:\(0\)[ .\-]?)?[1-9](?:[ .\-]?\d){8}|\(?0[1-9]\d{0,3}\)?(?:[ .\-]?\d){5,8}",
            r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}",
            r"\b[1-9]\d{3}\s?[A-Z]{2}\b(?:\s+[A-Z][a-zà-ÿ]+(?:[ \-][A-Z][a-zà-ÿ]+)?)?",
            r"\bmaar\b|\bgewoon\b|\bniet\b|n't\b|(?:^|[.!?]\s+)nee\b",
            r"\b(zonder|geen) (kinderen|leerlingen)\b|\bklaar\s*[.!]",
            r"é+|x*",
        ];
        let haystacks = [
            "Bel 06-12345678 of +31 (0)6-12 34 56 78, mail jan.de.vries@school.nl 😀",
            "Nee, dat klopt niet. nee! Maar gewoon niet; we can't. 1234 AB Amsterdam-Noord",
            "zonder kinderen, geen leerlingen 🎉 klaar . éé x xx Ünïcödé 3456AB",
            "",
        ];
        for p in patterns {
            let ours = super::super::try_regex(p).unwrap();
            let theirs = regex::Regex::new(&super::super::ascii_classes(p)).unwrap();
            for h in haystacks {
                let a: Vec<_> = ours.find_iter(h).map(|m| m.range()).collect();
                let b: Vec<_> = theirs.find_iter(h).map(|m| m.range()).collect();
                assert_eq!(a, b, "{p} on {h}");
                assert_eq!(ours.is_match(h), theirs.is_match(h), "{p} on {h}");
                assert_eq!(
                    ours.find(h).map(|m| m.range()),
                    theirs.find(h).map(|m| m.range())
                );
            }
        }
    }
}
