//! The school topic: how strongly a post is about school (school names, education words,
//! groups and class codes, a pupil's full name, compounds on an education word).

use super::Analysis;
use crate::compiled::Compiled;
use crate::lexicon::{bit, Lexicon};
use crate::model::{Post, ReplyTo};
use crate::rules::school_words::{is_class_code, is_group_word, is_small_number};
use crate::text::Text;
use std::borrow::Cow;

impl Analysis {
    #[allow(clippy::too_many_arguments)] // the shared inputs of one check, passed as they are
    pub(super) fn topic(
        &mut self,
        text: &Text,
        words: &[&str],
        masks: &[u32],
        keys: &[Cow<str>],
        post: &Post,
        policy: &Compiled,
        lex: &Lexicon,
    ) {
        let mut seen: Vec<&str> = Vec::new();
        let mut score = 0u32;
        let toks = &text.tokens;
        let mut i = 0;
        while i < words.len() {
            let w = words[i];
            let (weight, len) = if let Some((n, _)) = policy.school_names.longest(&words[i..]) {
                (2, n)
            } else if let Some((n, _)) = (masks[i] & bit::EDU_STRONG != 0)
                .then(|| lex.edu_strong.longest(&words[i..]))
                .flatten()
            {
                (2, n)
            } else if let Some((n, _)) = policy
                .extra
                .get(&crate::Category::Disclaimer)
                .and_then(|p| p.longest(&words[i..]))
            {
                (2, n)
            } else if is_group_word(w)
                && words
                    .get(i + 1)
                    .is_some_and(|n| is_small_number(n, 13) || is_class_code(n))
            {
                (2, 2)
            } else if (w.starts_with("groep") && is_small_number(&w[5..], 8))
                || is_class_code(w) && (w.len() > 2 || class_neighbour(words, i))
                || w.len() > 2 && policy.roster.is_group(w)
            {
                (2, 1)
            } else if is_small_number(w, 8)
                && words
                    .get(i + 1)
                    .is_some_and(|n| policy.roster.is_group_pair(w, n))
            {
                // "3 Dier": a roster group written as its year and name.
                (2, 2)
            } else if w.len() >= 2
                && words
                    .get(i + 1)
                    .is_some_and(|n| is_small_number(n, 13) && policy.roster.is_group_pair(w, n))
            {
                // "ISK 2", "havo 3": a roster group written as its name and year.
                (2, 2)
            } else if let Some(last) = full_roster_name_at(keys, i, policy) {
                // A pupil's full name makes the post about school.
                (2, last + 1 - i)
            } else if let Some((n, _)) = (masks[i] & bit::EDU_WEAK != 0)
                .then(|| lex.edu_weak.longest(&words[i..]))
                .flatten()
            {
                (1, n)
            } else if toks[i].capitalized
                && !toks[i].all_caps
                && policy.roster.is_first_name(&keys[i])
                && !lex.name_words.contains(w)
                && !policy.staff_first.contains(w)
                && !(i.saturating_sub(2)..(i + 5).min(words.len()))
                    .any(|k| masks[k] & bit::TITLE != 0)
            {
                // A pupil's first name, also at the start of a sentence (not one that is also
                // a word, nor one with "mijn vriendin", "juf" or "my sister" near it): a staff
                // member who names a pupil of the school writes about school life. A common
                // first name ("Daan heeft ...") may be the writer's own child: then it is a
                // weak signal, a name few children have ("Yaroslava heeft ...") settles it.
                let named = named_person(text, words, keys, policy, i);
                let weight = match (named, toks[i].sentence_start) {
                    (true, _) if !lex.first_names.contains(w) => 2,
                    (true, _) | (false, false) => 1,
                    (false, true) => 0,
                };
                (weight, 1)
            } else {
                (compound_weight(w, lex).max(plural_weight(w, lex)), 1)
            };
            if weight > 0 {
                let key = words[i];
                if !seen.contains(&key) {
                    seen.push(key);
                    score += weight;
                    if self.topic_signal.is_none() {
                        self.topic_signal = Some((toks[i].start, toks[i + len - 1].end));
                    }
                }
            }
            i += len;
        }
        // Answering a parent or pupil is about school, unless the reply is a personal
        // message ("Beterschap!"): then its own words decide.
        let personal = || crate::context::personal_message(words);
        score += match post.context.reply_to {
            Some(ReplyTo::Parent | ReplyTo::Student) if personal() => 0,
            Some(ReplyTo::Parent | ReplyTo::Student) => 2,
            Some(ReplyTo::Colleague) => 1,
            _ => 0,
        };
        // The writer names their role at the school ("als bestuurder ben ik blij ...",
        // "in mijn rol als teamleider"): they write about their work there.
        if score < 2 && crate::context::says_leader(words, policy) {
            score += 2;
        }
        self.topic_score = score;
        self.about_school = score >= 2;
    }
}

/// "Noor heeft", "Sem zijn jas", "Mila's mum": a first name on its own, followed in the same
/// sentence by a lower-case word with only a space or an apostrophe between, so it names a
/// person acting, not part of a longer name ("Daan Roosegaarde", "Michael Jordan"), a place
/// ("in Sydney"), a team score ("Chelsea 2") or a word opening a list ("Faith, hope"); in
/// mid-sentence a comma may follow ("trots op Sem, hij ...").
fn named_person(
    text: &Text,
    words: &[&str],
    keys: &[Cow<str>],
    policy: &Compiled,
    i: usize,
) -> bool {
    let classes = &crate::lexicon::get().classes;
    let toks = &text.tokens;
    let Some(next) = toks.get(i + 1) else {
        return false;
    };
    let prev_name = i > 0
        && toks[i - 1].sentence == toks[i].sentence
        && (toks[i - 1].capitalized || classes.place_prepositions.contains(words[i - 1]));
    let gap = text.gap(&toks[i], next);
    next.sentence == toks[i].sentence
        && !prev_name
        && !next.capitalized
        && next.has_letter
        && !words[i + 1].starts_with(|c: char| c.is_ascii_digit())
        && gap.chars().all(|c| {
            c.is_whitespace() || c == '\'' || c == '’' || c == ',' && !toks[i].sentence_start
        })
        && !classes.surname_particles.contains(words[i + 1])
        && !(classes.name_conjunctions.contains(words[i + 1])
            && toks.get(i + 2).is_some_and(|t| t.capitalized)
            && !keys
                .get(i + 2)
                .is_some_and(|k| policy.roster.is_first_name(k)))
}

/// "1a kid", "uit 2b": a two-character class code needs a school word next to it.
fn class_neighbour(words: &[&str], i: usize) -> bool {
    let near = |w: &str| crate::lexicon::get().classes.class_neighbours.contains(w);
    (i.saturating_sub(2)..(i + 3).min(words.len())).any(|k| k != i && near(words[k]))
}

/// The last token of a roster pupil's full name starting at token i.
fn full_roster_name_at(words: &[Cow<str>], i: usize, policy: &Compiled) -> Option<usize> {
    policy.roster.by_first(&words[i]).iter().find_map(|&p| {
        let sur = &policy.roster.pupils[p].surname;
        let n = sur.len();
        (n > 0 && i + n < words.len() && sur.iter().zip(&words[i + 1..=i + n]).all(|(a, b)| a == b))
            .then_some(i + n)
    })
}

/// Weight of a Dutch compound built on an education word ("schoolreis", "rekentoets").
fn compound_weight(w: &str, lex: &Lexicon) -> u32 {
    if w.len() < 6 || lex.edu_not_compound.contains(w) {
        return 0;
    }
    let pre = |list: &[String]| {
        list.iter()
            .any(|p| w.len() >= p.len() + 3 && w.starts_with(p.as_str()))
    };
    let suf = |list: &[String]| {
        list.iter()
            .any(|s| w.len() >= s.len() + 3 && w.ends_with(s.as_str()))
    };
    if pre(&lex.edu_strong_prefixes) || suf(&lex.edu_strong_suffixes) {
        2
    } else if pre(&lex.edu_weak_prefixes) || suf(&lex.edu_weak_suffixes) {
        1
    } else {
        0
    }
}

/// A plural of a school word of one word ("profielwerkstukken", "klassen", "mentors",
/// "labs", "classes"): the lists hold the singular. Dutch -en plurals double a consonant
/// after a short vowel ("stuk", "stukken") or drop a doubled vowel ("jaar", "jaren").
fn plural_weight(w: &str, lex: &Lexicon) -> u32 {
    if w.len() < 4 || !w.is_ascii() {
        return 0;
    }
    // The weight of one singular: strong 2, weak 1 (this runs for most words of a post, so
    // the candidates are slices, and the one built form is built on the stack).
    let weight = |c: &str| {
        if c.len() < 3 {
            0
        } else if lex.edu_strong.contains_word(c) {
            2
        } else if lex.edu_weak.contains_word(c) {
            1
        } else {
            0
        }
    };
    let mut best = 0;
    if let Some(base) = w.strip_suffix("en") {
        best = best.max(weight(base));
        let b = base.as_bytes();
        let vowel = |c: u8| b"aeiou".contains(&c);
        if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] && !vowel(b[b.len() - 1]) {
            best = best.max(weight(&base[..base.len() - 1]));
        } else if b.len() >= 3
            && b.len() < 64
            && vowel(b[b.len() - 2])
            && !vowel(b[b.len() - 1])
            && !vowel(b[b.len() - 3])
        {
            // "jaren" -> "jaar": the vowel doubled before the last consonant.
            let mut buf = [0u8; 64];
            let n = b.len();
            buf[..n - 1].copy_from_slice(&b[..n - 1]);
            buf[n - 1] = b[n - 2];
            buf[n] = b[n - 1];
            if let Ok(c) = std::str::from_utf8(&buf[..=n]) {
                best = best.max(weight(c));
            }
        }
    }
    if let Some(base) = w.strip_suffix("es") {
        best = best.max(weight(base));
    }
    if let Some(base) = w.strip_suffix('s') {
        best = best.max(weight(base));
    }
    best
}
