//! profanity: swearing ("schuttingtaal"), insults and belittling of people of the school,
//! including Dutch disease-curse compounds and obfuscated spellings (k*t, sh1t, fullwidth
//! letters, zero-width characters), without flagging words that merely contain them.

use super::{Ctx, Hit, Rule};
use crate::catalog;
use crate::lexicon::{self, bit, Lexicon};
use crate::model::Category;
use crate::text::Text;

pub struct Profanity;

impl Rule for Profanity {
    fn check(&self, ctx: &Ctx, out: &mut Vec<Hit>) {
        let t = ctx.text;
        let lex = lexicon::get();
        // The words without the "s" of "collega's" (see `without_apostrophe_s`); `idx[k]` is
        // the token of word k, `last[k]` the last token it covers.
        let (view, idx, last) = without_apostrophe_s(t, ctx.words, lex);
        let words = &view[..];
        let extra = ctx.policy.extra.get(&Category::Profanity);
        let mut covered: Vec<(usize, usize)> = Vec::new(); // ranges already reported
        let contempt = lex.patterns.get("contempt");
        let mut i = 0;
        while i < words.len() {
            let w = words[i];
            let m = ctx.masks[idx[i]];
            let found = (m & bit::CURSE != 0)
                .then(|| lex.curses.longest(&words[i..]))
                .flatten()
                .filter(|&(n, _)| n > 1 || !reads_as_name(t, idx[i]))
                .map(|(n, _)| (&catalog::profanity::CURSE, n))
                .or_else(|| {
                    extra
                        .and_then(|p| p.longest(&words[i..]))
                        .map(|(n, _)| (&catalog::profanity::CURSE, n))
                })
                .or_else(|| {
                    (m & bit::INSULT != 0 && !reads_as_name(t, idx[i]))
                        .then_some((&catalog::profanity::INSULT, 1))
                })
                .or_else(|| curse_compound(w, lex).then_some((&catalog::profanity::CURSE, 1)))
                .or_else(|| interjection(t, idx[i], w).then_some((&catalog::profanity::CURSE, 1)))
                .or_else(|| {
                    let of_people = || said_of_people(t, words, &idx, i, lex);
                    belittling(&words[i..], of_people, lex)
                        .map(|n| (&catalog::profanity::BELITTLING, n))
                })
                .or_else(|| {
                    (m & bit::BELITTLE_PHRASE != 0)
                        .then(|| contempt_phrase(&words[i..], lex))
                        .flatten()
                        .map(|n| (&catalog::profanity::BELITTLING, n))
                })
                .or_else(|| {
                    curse_intensifier(&words[i..], lex).then_some((&catalog::profanity::CURSE, 1))
                })
                .map(|(rule, n)| (rule, 0, n))
                .or_else(|| {
                    // A contempt construction of patterns.txt: "als een stel apen".
                    contempt
                        .filter(|p| m & bit::PATTERN != 0 || p.starts_anywhere())
                        .and_then(|p| p.find(&words[i..]))
                        .map(|(a, b)| (&catalog::profanity::BELITTLING, a, b))
                });
            if let Some((rule, a, n)) = found {
                let (s, e) = (t.tokens[idx[i + a]].start, t.tokens[last[i + n - 1]].end);
                out.push(Hit::new(rule, s, e).arg("match", &t.orig[s..e]));
                covered.push((s, e));
                i += n;
                continue;
            }
            i += 1;
        }
        obfuscated(t, lex, &covered, out);
        spelled_out(t, ctx.words, lex, &covered, out);
    }
}

/// The tokeniser splits "collega's" into "collega" and "s"; the lists hold "collega". So that
/// "die collega's zijn ..." reads like "die ouders zijn ...", the "s" right after an
/// apostrophe that follows a person word is left out. Returns the words, the token of each,
/// and the last token each covers (its "s" included).
fn without_apostrophe_s<'a>(
    t: &Text,
    words: &[&'a str],
    lex: &Lexicon,
) -> (Vec<&'a str>, Vec<usize>, Vec<usize>) {
    let (mut view, mut idx, mut last) = (Vec::new(), Vec::new(), Vec::new());
    for (k, &w) in words.iter().enumerate() {
        let s_of_prev = k > 0
            && w == "s"
            && matches!(t.gap(&t.tokens[k - 1], &t.tokens[k]), "'" | "\u{2019}")
            && lex.people.contains(words[k - 1]);
        if s_of_prev {
            if let Some(l) = last.last_mut() {
                *l = k;
            }
            continue;
        }
        view.push(w);
        idx.push(k);
        last.push(k);
    }
    (view, idx, last)
}

/// A curse spelled out letter by letter: "k.u.t.", "K A N K E R", "f-u-c-k". Three or more
/// one-letter words with the same gap of one dot, space or hyphen between them.
fn spelled_out(
    t: &Text,
    words: &[&str],
    lex: &Lexicon,
    covered: &[(usize, usize)],
    out: &mut Vec<Hit>,
) {
    let single =
        |k: usize| words[k].chars().count() == 1 && words[k].chars().all(char::is_alphabetic);
    let mut i = 0;
    while i < words.len() {
        if !single(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let sep = |k: usize| t.gap(&t.tokens[k - 1], &t.tokens[k]);
        while j < words.len()
            && single(j)
            && matches!(sep(j), "." | " " | "-" | ". ")
            && sep(j) == sep(i + 1)
        {
            j += 1;
        }
        let joined: String = words[i..j].concat();
        let (s, e) = (t.tokens[i].start, t.tokens[j - 1].end);
        if j - i >= 3
            && (lex.curses.contains_word(&joined)
                || lex.insults.contains(&joined)
                || curse_compound(&joined, lex)
                || lex.classes.interjection_curses.contains(&joined))
            && !covered.iter().any(|&(a, b)| s < b && e > a)
        {
            out.push(Hit::new(&catalog::profanity::CURSE, s, e).arg("match", &t.orig[s..e]));
        }
        i = j;
    }
}

/// A capitalised word inside a sentence, or one followed by another capitalised word, is a
/// name rather than a curse: "met Dick de Vries", "Karen Bos belt morgen".
fn reads_as_name(t: &Text, i: usize) -> bool {
    let tok = &t.tokens[i];
    let next_cap = t
        .tokens
        .get(i + 1)
        .is_some_and(|n| n.capitalized && !n.all_caps && n.sentence == tok.sentence);
    tok.capitalized && !tok.all_caps && (!tok.sentence_start || next_cap)
}

/// "kankerzooi", "tyfusdag", "kutregeling": a curse prefix and an ordinary second part,
/// but not "kankeronderzoek" (a medical compound) or "klerenkast" (kleren = clothes).
fn curse_compound(w: &str, lex: &Lexicon) -> bool {
    // Every prefix starts with one of these letters and is at least three long.
    if w.len() < 6 || !matches!(w.as_bytes()[0], b'k' | b't' | b'p' | b'h' | b'f') {
        return false;
    }
    lex.curse_prefixes.iter().any(|p| {
        let Some(rest) = w.strip_prefix(p.as_str()) else {
            return false;
        };
        if p == "klere" && rest.starts_with('n')
            || p == "kut" && rest.starts_with('t') && rest.len() < 3
        {
            return false;
        }
        // Linking sounds: "pokkenweer", "kankerslecht".
        let rest2 = rest
            .strip_prefix("en")
            .or_else(|| rest.strip_prefix('s'))
            .unwrap_or(rest);
        rest.len() >= 3 && !lex.curse_ordinary.contains(rest) && !lex.curse_ordinary.contains(rest2)
    })
}

/// A disease word used as an exclamation: "Tering, de printer is weer kapot." The same word
/// inside a sentence ("hij heeft kanker") is not a curse.
fn interjection(t: &Text, i: usize, w: &str) -> bool {
    if !crate::lexicon::get()
        .classes
        .interjection_curses
        .contains(w)
    {
        return false;
    }
    let tok = &t.tokens[i];
    let after = t.orig[tok.end..].trim_start_matches(' ');
    tok.sentence_start && (after.starts_with([',', '!', '.', ':']) || after.is_empty())
}

/// A person word, also as the last part of a compound: "wiskundeleerlingen", "brugklasouders"
/// (a first part of at least four letters, so "schouders" is no "ouders").
fn is_people(w: &str, lex: &Lexicon) -> bool {
    // A compound ending in a person word of 5 bytes or more, after at least 4 bytes:
    // "schoolouders". Each such suffix of `w` is looked up (a few lookups), rather than
    // testing every person word as a suffix (a third of the profanity rule's time).
    lex.people.contains(w)
        || w.len() >= 9
            && (4..=w.len() - 5)
                .filter(|&k| w.is_char_boundary(k))
                .any(|k| lex.people.contains(&w[k..]))
}

/// Is the copula at word `i` said of people? The word before is a person word or a pronoun
/// for people ("jullie zijn"), or a person word with a short phrase after it ("die
/// leerlingen van jou zijn", "the parents in 4b are"), in the same sentence.
fn said_of_people(t: &Text, words: &[&str], idx: &[usize], i: usize, lex: &Lexicon) -> bool {
    let c = &lex.classes;
    let same = |k: usize| t.tokens[idx[k]].sentence == t.tokens[idx[i]].sentence;
    if i == 0 || !same(i - 1) {
        return false;
    }
    let prev = words[i - 1];
    if is_people(prev, lex) {
        return true;
    }
    if c.people_pronouns.contains(prev) {
        return !dislocated_thing(t, words, idx, i, lex);
    }
    // "<people> van jou zijn", "<people> uit 4b zijn": a preposition and one word between.
    i >= 3
        && same(i - 3)
        && is_people(words[i - 3], lex)
        && (c.group_prepositions.contains(words[i - 2]) || words[i - 2] == "of")
}

/// "They are useless, these old laptops", "ze zijn waardeloos, die oude laptops": the
/// pronoun before the copula at `i` stands for the things named after a comma and a
/// demonstrative, not for people.
fn dislocated_thing(t: &Text, words: &[&str], idx: &[usize], i: usize, lex: &Lexicon) -> bool {
    let same = |k: usize| t.tokens[idx[k]].sentence == t.tokens[idx[i]].sentence;
    let end = (i + 6).min(words.len());
    let Some(j) = (i + 2..end).find(|&j| {
        same(j)
            && matches!(words[j], "these" | "those" | "die" | "deze")
            && t.gap(&t.tokens[idx[j - 1]], &t.tokens[idx[j]])
                .contains(',')
    }) else {
        return false;
    };
    let named: Vec<&str> = (j + 1..(j + 4).min(words.len()))
        .take_while(|&k| same(k))
        .map(|k| words[k])
        .collect();
    !named.is_empty() && !named.iter().any(|w| is_people(w, lex))
}

/// "waardeloze directeur", "stomme ouders", "stupid parents": a contemptuous adjective
/// at most one word before a person of the school. Returns the length in tokens.
/// (`of_people` is asked only for a predicate: it looks at the words before.)
fn belittling(words: &[&str], of_people: impl Fn() -> bool, lex: &Lexicon) -> Option<usize> {
    if lex.belittle_adjectives.contains(words[0]) {
        return (1..=2)
            .find(|&k| {
                words.get(k).is_some_and(|w| {
                    lex.people.contains(*w)
                        || lex.animals.contains(*w)
                        || lex.insult_nouns.contains(*w)
                })
            })
            .map(|k| k + 1);
    }
    // Calling people animals: "die brugklassers zijn echt varkens", "they are pigs".
    let c = &lex.classes;
    if c.copulas.contains(words[0]) {
        let filler = |w: &str| c.belittle_fillers.contains(w);
        let mut k = 1;
        while k < words.len() && k <= 3 && filler(words[k]) {
            k += 1;
        }
        // A predicate ("asociaal") only when said of people, not of a decision ("het is dom").
        if words
            .get(k)
            .is_some_and(|w| lex.animals.contains(*w) || lex.predicates.contains(*w) && of_people())
        {
            return Some(k + 1);
        }
    }
    None
}

/// "is een lachertje", or a word that turns the next noun into an insult: "stelletje lui
/// tuig", "wat een arrogante kwast", "absolute clowns". Returns the length in tokens.
fn contempt_phrase(words: &[&str], lex: &Lexicon) -> Option<usize> {
    if let Some((n, _)) = lex.belittle_phrases.longest(words) {
        return Some(n);
    }
    let (n, _) = lex.belittle_intensifiers.longest(words)?;
    (n..n + 2)
        .find(|&k| words.get(k).is_some_and(|w| lex.insult_nouns.contains(*w)))
        .map(|k| k + 1)
}

/// A disease curse as an intensifier: "tering druk", "kanker moeilijk".
fn curse_intensifier(words: &[&str], lex: &Lexicon) -> bool {
    lex.classes.intensifier_curses.contains(words[0])
        && words
            .get(1)
            .is_some_and(|w| lex.slang_adjectives.contains(*w) || lex.predicates.contains(*w))
}

/// Leetspeak and masked letters: "k*t", "sh1t", "f**k", "$h!t". Only runs that mix letters with
/// digits or symbols are considered, so ordinary words and numbers are never touched.
fn obfuscated(t: &Text, lex: &Lexicon, covered: &[(usize, usize)], out: &mut Vec<Hit>) {
    let norm = &t.norm;
    let is_part = |c: char| c.is_alphanumeric() || matches!(c, '*' | '@' | '$' | '!' | '#');
    let mut start: Option<usize> = None;
    let ends = norm
        .char_indices()
        .map(|(i, c)| (i, Some(c)))
        .chain(std::iter::once((norm.len(), None)));
    for (k, c) in ends {
        match (c.is_some_and(is_part), start) {
            (true, None) => start = Some(k),
            (false, Some(bs)) => {
                start = None;
                let be = k;
                // Plain words and plain numbers are never masked curses: skip them fast.
                if norm[bs..be].bytes().all(|b| b.is_ascii_lowercase())
                    || norm[bs..be].bytes().all(|b| b.is_ascii_digit())
                {
                    continue;
                }
                let run = norm[bs..be].trim_end_matches(['!', '#']);
                let be = bs + run.len();
                let letters = run.chars().filter(|c| c.is_alphabetic()).count();
                let masks = run.chars().filter(|c| !c.is_alphabetic()).count();
                if letters < 1
                    || masks == 0
                    || run.len() < 3
                    || run.contains('@') && run.contains('.')
                {
                    continue;
                }
                if run.chars().all(|c| c.is_ascii_digit() || c.is_alphabetic()) && letters < 2 {
                    continue;
                }
                if unmask(run, lex).is_some() {
                    let (os, oe) = t.to_orig(bs, be);
                    if covered.iter().any(|&(a, b)| os < b && oe > a) {
                        continue;
                    }
                    out.push(
                        Hit::new(&catalog::profanity::CURSE, os, oe).arg("match", &t.orig[os..oe]),
                    );
                }
            }
            _ => {}
        }
    }
}

/// The curse a masked word spells, if any: leetspeak digits become letters, `*` stands for
/// one or two letters.
fn unmask(run: &str, lex: &Lexicon) -> Option<String> {
    let leet: String = run
        .chars()
        .map(|c| match c {
            '1' | '!' => 'i',
            '3' => 'e',
            '4' | '@' => 'a',
            '0' => 'o',
            '5' | '$' => 's',
            '7' => 't',
            c => c,
        })
        .collect();
    if leet.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // A masked curse prefix in a compound: "k*tsysteem".
    if leet.contains('*') {
        for p in &lex.curse_prefixes {
            for (k, _) in leet.char_indices().skip(1) {
                let (head, tail) = leet.split_at(k);
                if tail.len() >= 3
                    && tail.chars().all(char::is_alphabetic)
                    && !lex.curse_ordinary.contains(tail)
                    && head.contains('*')
                    && masked_match(head.as_bytes(), p.as_bytes())
                {
                    return Some(format!("{p}{tail}"));
                }
            }
        }
    }
    if !leet.contains('*') {
        return (lex.curses.contains_word(&leet)
            || lex.insults.contains(&leet)
            || curse_compound(&leet, lex))
        .then_some(leet);
    }
    // Build a pattern: each '*' is one letter, a run of them one or more.
    let candidates = &lex.classes.masked_curses;
    candidates
        .iter()
        .map(String::as_str)
        .chain(
            lex.curses
                .first_words()
                .filter(|w| w.len() >= 5 && lex.curses.contains_word(w)),
        )
        .find(|cand| masked_match(leet.as_bytes(), cand.as_bytes()))
        .map(str::to_string)
}

/// Does `pat` (letters and `*`) spell `word`? A run of stars stands for one to three letters.
fn masked_match(pat: &[u8], word: &[u8]) -> bool {
    match (pat.first(), word.first()) {
        (None, None) => true,
        (Some(b'*'), _) => {
            let stars = pat.iter().take_while(|&&c| c == b'*').count();
            let rest = &pat[stars..];
            (1..=stars.max(3)).any(|k| k <= word.len() && masked_match(rest, &word[k..]))
        }
        (Some(a), Some(b)) if a == b => masked_match(&pat[1..], &word[1..]),
        _ => false,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
#[path = "profanity_tests.rs"]
mod more_tests;
