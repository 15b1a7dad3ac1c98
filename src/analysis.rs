//! What several rules need to know about a post, worked out once per check:
//! - is it about school (the disclaimer's topic, and context for names and photos)?
//! - does it carry a capacity statement ("op persoonlijke titel")?
//! - which words name a pupil, and is that pupil on the roster?

use crate::compiled::Compiled;
use crate::lexicon::{self, bit, Lexicon};
use crate::model::{Account, Post, ReplyTo};
use crate::text::{Text, Token};
use regex::Regex;
use std::borrow::Cow;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A roster pupil, by first name or full name.
    Roster,
    /// A first name that is not on the roster, in a pupil context ("Kevin, die in groep 8 zit").
    Context,
    /// An initial with a class that matches a roster pupil ("R. uit 4vwo").
    Initial,
}

/// A place in the post that names a pupil.
#[derive(Debug, Clone)]
pub struct Mention {
    pub kind: MentionKind,
    /// Original byte range of the name (first name up to the last surname token).
    pub start: usize,
    pub end: usize,
    /// Roster index, when the name is on the roster.
    pub pupil: Option<usize>,
    /// Original byte range of the first name alone (the fix keeps its initial).
    pub first_end: usize,
    /// Named with a pupil context ("uit groep 6", "de moeder van") or in full.
    pub explicit: bool,
}

#[derive(Debug, Default)]
pub struct Analysis {
    /// Sum of topic signal weights (strong 2, weak 1, distinct words only).
    pub topic_score: u32,
    /// The first topic signal, for the message and the span of the disclaimer finding.
    pub topic_signal: Option<(usize, usize)>,
    pub about_school: bool,
    /// The capacity statement, where the post has one.
    pub capacity: Option<(usize, usize)>,
    /// About school, from a school account, or a reply to a parent or pupil.
    pub school_context: bool,
    pub mentions: Vec<Mention>,
    /// Original byte ranges of tokens that belong to the school's name.
    pub school_name_tokens: Vec<(usize, usize)>,
}

fn capacity_regex() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        // Applied to normalised text (lower case, no diacritics). Each alternative is one
        // common way of saying "personal capacity" or "on behalf of the school".
        let nl = [
            r"\b(op|in) (persoonlijke|eigen|prive) titel\b",
            r"#(op)?persoonlijketitel\b|#eigenmening\b|#prive(account)?\b",
            r"\b(mijn|m'n|mn) (eigen|persoonlijke) (mening|visie|standpunt|standpunten)\b",
            r"\b(eigen|persoonlijke) (mening|visie)\b",
            r"\bmening\s*(=|:|is)\s*(mijn\s+)?eigen\b",
            r"\bpersoonlijk (bericht|account|standpunt)\b",
            r"\bprive[- ]?(account|bericht|persoon|profiel)\b",
            r"\bals (prive ?persoon|particulier|ouder en niet als)\b",
            r"\b(niet|geen) namens\b",
            r"\bnamens (de school|onze school|school|het (hele )?team|ons team|de directie|het bestuur|de schoolleiding|de mr)\b",
            r"\bspreek (hier )?(alleen )?(voor|namens) (mezelf|mijzelf)\b|\bpersoonlijk gezien\b",
            r"\b(zijn|is) van (mezelf|mijzelf)\b",
            r"\bniet (die|het standpunt|de mening|de visie) van mijn (werkgever|school)\b",
        ];
        let en = [
            r"\b(views|opinions|thoughts|tweets|posts)( expressed)?( here| in this post)?( are)?( all)? (my own|mine|my own personal)\b",
            r"\bmy own (views|opinions?|thoughts)\b",
            r"\b(in a|in my) (personal|private) capacity\b",
            r"\bspeaking (only )?for myself\b|\b(speaking|writing) personally\b|\bpersonally speaking\b",
            r"\b(personal|private) (account|views?|opinions?)\b",
            r"\bnot (speaking |posting |writing )?on behalf of\b",
            r"\b(posting|writing|speaking) on behalf of\b",
            r"\bon behalf of (the |our )?(whole |entire )?(school|team|staff)\b",
            r"\b(do not|don't|does not|doesn't) represent (my|the) (employer|school)\b",
        ];
        let all: Vec<&str> = nl.iter().chain(en.iter()).copied().collect();
        crate::text::regex(&format!("(?:{})", all.join("|")))
    })
}

/// "groep 6", "klas 3", "year 5", class codes ("4vwo", "h4", "3b").
fn is_class_code(w: &str) -> bool {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    let rest = &w[digits..];
    if (1..=2).contains(&digits) && !rest.is_empty() {
        return matches!(
            rest,
            "vwo"
                | "havo"
                | "vmbo"
                | "mavo"
                | "gym"
                | "tl"
                | "kb"
                | "bb"
                | "gt"
                | "atheneum"
                | "gymnasium"
                | "hv"
                | "a"
                | "b"
                | "c"
                | "d"
                | "e"
                | "f"
                | "g"
                | "h"
                | "v"
                | "m"
        );
    }
    // "h4", "v5", "a2"
    let mut cs = w.chars();
    matches!(
        (cs.next(), cs.next(), cs.next()),
        (Some('h' | 'v' | 'm' | 't'), Some('1'..='6'), None)
    )
}

fn is_small_number(w: &str, max: u32) -> bool {
    w.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
}

const GROUP_WORDS: [&str; 9] = [
    "groep", "klas", "jaar", "leerjaar", "year", "class", "grade", "group", "form",
];

/// Tussenvoegsels: lower-case words inside Dutch surnames.
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "de"
            | "der"
            | "den"
            | "ter"
            | "ten"
            | "te"
            | "het"
            | "t"
            | "la"
            | "le"
            | "el"
            | "al"
            | "da"
            | "di"
            | "du"
            | "von"
            | "op"
            | "in"
            | "ben"
            | "bin"
            | "mc"
            | "o"
    )
}

impl Analysis {
    /// `words` are the normalised words of `text`, `masks` their lexicon bits.
    pub fn new(
        text: &Text,
        words: &[&str],
        masks: &[u32],
        post: &Post,
        policy: &Compiled,
    ) -> Analysis {
        let lex = lexicon::get();
        let mut a = Analysis::default();
        let mut school_name_mask = vec![false; words.len()];

        // School names first: they are topic signals, and their words are not pupil names.
        let mut i = 0;
        while i < words.len() {
            if let Some((n, _)) = policy.school_names.longest(&words[i..]) {
                for m in school_name_mask.iter_mut().skip(i).take(n) {
                    *m = true;
                }
                a.school_name_tokens
                    .push((text.tokens[i].start, text.tokens[i + n - 1].end));
                i += n;
            } else {
                i += 1;
            }
        }

        // Roster lookup keys: the words themselves, or their hashes for a hashed roster.
        let keys = policy.roster.keys(words);
        a.topic(text, words, masks, &keys, post, policy, lex);
        a.capacity = a.find_capacity(text, words, policy);
        a.school_context = a.about_school
            || post.context.account == Account::School
            || matches!(
                post.context.reply_to,
                Some(ReplyTo::Parent | ReplyTo::Student)
            );
        a.mentions = Mentions {
            text,
            words,
            post,
            policy,
            lex,
            school_context: a.school_context,
            school_name_mask: &school_name_mask,
            keys: &keys,
            masks,
            staff_in_post: policy
                .staff_full
                .iter()
                .filter(|full| {
                    words
                        .windows(full.len())
                        .any(|win| win.iter().zip(full.iter()).all(|(a, b)| a == b))
                })
                .map(|full| full[0].clone())
                .collect(),
            adults: (1..words.len())
                .filter(|&i| {
                    masks[i - 1] & bit::TITLE != 0
                        && text.tokens[i].capitalized
                        && text
                            .gap(&text.tokens[i - 1], &text.tokens[i])
                            .chars()
                            .all(|c| c == ' ')
                        && !their_child(words, i)
                })
                .map(|i| words[i].to_string())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect(),
        }
        .find();
        // A pupil named in full or in a pupil context makes the post about school, whatever
        // else it says ("Gesprek met de vader van Thomas ...").
        if !a.about_school {
            if let Some(m) = a.mentions.iter().find(|m| m.explicit) {
                a.about_school = true;
                a.school_context = true;
                a.topic_signal = Some((m.start, m.end));
            }
        }
        a
    }

    #[allow(clippy::too_many_arguments)] // the shared inputs of one check, passed as they are
    fn topic(
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
            } else if GROUP_WORDS.contains(&w)
                && words
                    .get(i + 1)
                    .is_some_and(|n| is_small_number(n, 13) || is_class_code(n))
            {
                (2, 2)
            } else if (w.starts_with("groep") && is_small_number(&w[5..], 8))
                || is_class_code(w) && (w.len() > 2 || class_neighbour(words, i))
            {
                (2, 1)
            } else if let Some(last) = full_roster_name_at(keys, i, policy) {
                // A pupil's full name makes the post about school.
                (2, last + 1 - i)
            } else if let Some((n, _)) = (masks[i] & bit::EDU_WEAK != 0)
                .then(|| lex.edu_weak.longest(&words[i..]))
                .flatten()
            {
                (1, n)
            } else {
                (compound_weight(w, lex), 1)
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
        score += match post.context.reply_to {
            Some(ReplyTo::Parent | ReplyTo::Student) => 2,
            Some(ReplyTo::Colleague) => 1,
            _ => 0,
        };
        self.topic_score = score;
        self.about_school = score >= 2;
    }

    fn find_capacity(
        &self,
        text: &Text,
        words: &[&str],
        policy: &Compiled,
    ) -> Option<(usize, usize)> {
        if let Some(m) = capacity_regex().find(&text.norm) {
            return Some(text.to_orig(m.start(), m.end()));
        }
        // "namens OBS De Regenboog", "on behalf of De Regenboog".
        for (i, w) in words.iter().enumerate() {
            let after = match *w {
                "namens" => i + 1,
                "of" if i >= 2 && words[i - 1] == "behalf" && words[i - 2] == "on" => i + 1,
                _ => continue,
            };
            if after < words.len() {
                if let Some((n, _)) = policy.school_names.longest(&words[after..]) {
                    return Some((text.tokens[i].start, text.tokens[after + n - 1].end));
                }
            }
        }
        None
    }
}

/// "1a kid", "uit 2b": a two-character class code needs a school word next to it.
fn class_neighbour(words: &[&str], i: usize) -> bool {
    let near = |w: &str| {
        matches!(
            w,
            "uit"
                | "in"
                | "van"
                | "naar"
                | "klas"
                | "groep"
                | "mijn"
                | "onze"
                | "kid"
                | "kids"
                | "leerling"
                | "leerlingen"
                | "students"
                | "pupils"
                | "class"
                | "my"
                | "our"
                | "mentorklas"
                | "tests"
                | "toetsen"
                | "toets"
                | "ers"
        )
    };
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

/// "uw zoon Stan", "your daughter Mila": the child of the person addressed, a pupil.
fn their_child(words: &[&str], i: usize) -> bool {
    i > 1
        && matches!(
            words[i - 1],
            "zoon" | "zoontje" | "dochter" | "dochtertje" | "kind" | "son" | "daughter" | "child"
        )
        && matches!(
            words[i - 2],
            "uw" | "your" | "hun" | "their" | "je" | "jouw"
        )
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

/// Finds the places a post names a pupil.
struct Mentions<'a> {
    text: &'a Text<'a>,
    words: &'a [&'a str],
    post: &'a Post,
    policy: &'a Compiled,
    lex: &'a Lexicon,
    school_context: bool,
    school_name_mask: &'a [bool],
    /// Roster lookup keys of the words.
    keys: &'a [Cow<'a, str>],
    masks: &'a [u32],
    /// First names of staff members whose full name appears in the post.
    staff_in_post: Vec<String>,
    /// Names that follow a title somewhere in the post ("meester Daniel ... Daniel!").
    adults: Vec<String>,
}

impl Mentions<'_> {
    fn tok(&self, i: usize) -> &Token {
        &self.text.tokens[i]
    }

    fn has(&self, i: usize, b: u32) -> bool {
        self.masks.get(i).is_some_and(|m| m & b != 0)
    }

    fn w(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// Only spaces between tokens i and i+1 (no punctuation): they read as one name.
    fn tight(&self, i: usize) -> bool {
        i + 1 < self.words.len()
            && self
                .text
                .gap(self.tok(i), self.tok(i + 1))
                .chars()
                .all(|c| c == ' ')
    }

    fn find(&self) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        let mut pending: Vec<(Mention, bool, bool)> = Vec::new(); // mention, explicit, needs explicit
        let n = self.words.len();
        let mut i = 0;
        while i < n {
            if self.school_name_mask[i] || !self.tok(i).has_letter {
                i += 1;
                continue;
            }
            if let Some(m) = self.initial_with_class(i) {
                pending.push((m, true, false));
                i += 1;
                continue;
            }
            let mut w = self.w(i);
            // Possessive without apostrophe: "Daans tekening", "jasmijns werkstuk". The plant or
            // the word "roos" takes no possessive s, so this form is a name even if ambiguous.
            let mut possessive = false;
            let mut key = self.keys[i].clone();
            if !self.policy.roster.is_first_name(&key) && w.len() > 3 && w.ends_with('s') {
                let base = &w[..w.len() - 1];
                let base_key = self.policy.roster.key(base);
                if self.policy.roster.is_first_name(&base_key) {
                    w = base;
                    key = Cow::Owned(base_key.into_owned());
                    possessive = true;
                }
            }
            let on_roster = self.policy.roster.is_first_name(&key);
            let tok = self.tok(i);
            let known =
                on_roster || (self.has(i, bit::FIRST_NAME) && !possessive && tok.capitalized);
            if self.title_before(i) || self.staff_named(i) {
                i += 1;
                continue;
            }
            if !known {
                // A capitalised word that is not in the name list but stands in an explicit pupil
                // context ("Welkom aan Oleksandr, die instroomt in 2mavo") is a name too.
                let unknown_name = tok.capitalized
                    && !tok.sentence_start
                    && !tok.all_caps
                    && w.chars().count() >= 3
                    && w.chars().all(char::is_alphabetic)
                    && !self.capitalized_before(i)
                    && self.context_after(i + 1);
                if unknown_name {
                    out.push(Mention {
                        kind: MentionKind::Context,
                        start: tok.start,
                        end: tok.end,
                        pupil: None,
                        first_end: tok.end,
                        explicit: true,
                    });
                }
                i += 1;
                continue;
            }
            // Full roster name: first name plus that pupil's surname tokens.
            if let Some((p, last)) = self.full_roster_name(i, &key) {
                let m = Mention {
                    kind: MentionKind::Roster,
                    start: self.tok(i).start,
                    end: self.tok(last).end,
                    pupil: Some(p),
                    first_end: self.tok(i).end,
                    explicit: true,
                };
                let ctx = self.context_after(last + 1) || self.context_before(i);
                pending.push((m, ctx, false));
                i = last + 1;
                continue;
            }
            let other_surname = self.other_surname(i);
            let ctx_end = other_surname.unwrap_or(i);
            let ctx = self.context_after(ctx_end + 1) || self.context_before(i) || self.vocative(i);
            // Ordinary-word names (Roos, Storm, Job) need more than a capital letter.
            let near_digit = (i > 0 && !self.tok(i - 1).has_letter && self.tight(i - 1))
                || (i + 1 < n && !self.tok(i + 1).has_letter && self.tight(i));
            let ambiguous = self.lex.name_words.contains(w) && !possessive;
            let part_of_other_name = self.capitalized_before(i);
            if on_roster && other_surname.is_none() && !part_of_other_name {
                let m = Mention {
                    kind: MentionKind::Roster,
                    start: self.tok(i).start,
                    end: self.tok(i).end,
                    pupil: self.policy.roster.by_first(&key).first().copied(),
                    first_end: self.tok(i).end,
                    explicit: false,
                };
                // An ordinary-word name needs the pupil context itself, unless it is capitalised
                // mid-sentence in a school post and the roster has it ("de presentatie van Job").
                // A quoted word names a thing or a nickname: "een knuffelbeer die 'Beer' heet".
                let quoted = i > 0
                    && self
                        .text
                        .gap(self.tok(i - 1), tok)
                        .ends_with(['\'', '"', '\u{2018}', '\u{201C}']);
                let ambiguous_ok = tok.capitalized
                    && !tok.all_caps
                    && !quoted
                    && (!tok.sentence_start && !near_digit || self.addressed(i));
                let needs = (ambiguous && !ambiguous_ok) || !self.school_context;
                pending.push((m, ctx, needs));
            } else if !ambiguous && self.tok(i).capitalized && !self.policy.staff_first.contains(w)
            {
                // Not on the roster (or another person's full name): a pupil only in a pupil context.
                let m = Mention {
                    kind: MentionKind::Context,
                    start: self.tok(i).start,
                    end: self.tok(ctx_end).end,
                    pupil: None,
                    first_end: self.tok(i).end,
                    explicit: false,
                };
                pending.push((m, ctx, true));
            }
            i = ctx_end + 1;
        }
        // Share explicit context along coordinated names: "Jade en Mees uit groep 2".
        for k in (0..pending.len()).rev() {
            if k + 1 < pending.len()
                && pending[k + 1].1
                && self.coordinated(pending[k].0.end, pending[k + 1].0.start)
            {
                pending[k].1 = true;
            }
        }
        // A name that is also a word, listed with a name taken as a pupil's, is a name too:
        // "Job en Fenne hebben ...", "Lente en Hamza".
        for k in 0..pending.len() {
            let accepted = |p: &(Mention, bool, bool)| p.1 || !p.2;
            let left = k > 0
                && accepted(&pending[k - 1])
                && self.coordinated(pending[k - 1].0.end, pending[k].0.start);
            let right = k + 1 < pending.len()
                && accepted(&pending[k + 1])
                && self.coordinated(pending[k].0.end, pending[k + 1].0.start);
            if (left || right) && pending[k].0.kind == MentionKind::Roster {
                pending[k].2 = false;
            }
        }
        for (mut m, ctx, needs) in pending {
            if ctx || !needs {
                m.explicit |= ctx;
                out.push(m);
            }
        }
        out
    }

    /// "Jade en Mees", "Sem, Aylin, Finn en Sterre".
    fn coordinated(&self, a_end: usize, b_start: usize) -> bool {
        if a_end > b_start {
            return false;
        }
        // Short gaps only; compared without allocating (this runs for every pair of names).
        let g = self.text.orig[a_end..b_start].trim();
        g.len() <= 6
            && [",", "en", "and", "&", "of", ", en", ", and"]
                .iter()
                .any(|c| g.eq_ignore_ascii_case(c))
    }

    /// "juf Emma", "mijn zoon Sem", "meester Joris": the name is not a pupil's.
    fn title_before(&self, i: usize) -> bool {
        i > 0 && self.tight(i - 1) && self.has(i - 1, bit::TITLE) && !self.their_child(i)
            || self.adults.iter().any(|a| a == self.w(i)) && !self.context_after(i + 1)
    }

    fn their_child(&self, i: usize) -> bool {
        their_child(self.words, i)
    }

    /// The first name belongs to a staff member whose full name is in the post ("Emma Verbeek ... Emma!").
    fn staff_named(&self, i: usize) -> bool {
        self.staff_in_post.iter().any(|f| f == self.w(i))
    }

    /// `Some((pupil, last token))` when tokens from `i` spell a roster pupil's full name.
    fn full_roster_name(&self, i: usize, key: &str) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for &p in self.policy.roster.by_first(key) {
            let sur = &self.policy.roster.pupils[p].surname;
            if sur.is_empty() || i + sur.len() > self.words.len() {
                continue;
            }
            let ok = sur.iter().enumerate().all(|(k, s)| {
                let j = i + 1 + k;
                j < self.words.len() && self.keys[j] == s.as_str() && self.tight(j - 1)
            });
            if ok && best.is_none_or(|(_, l)| i + sur.len() > l) {
                best = Some((p, i + sur.len()));
            }
        }
        best
    }

    /// A surname that follows the first name but is not a roster pupil's: "Daan Roosegaarde",
    /// "Hugo de Groot". Returns the last token of that surname.
    fn other_surname(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j + 1 < self.words.len() && self.tight(j) {
            let next = self.tok(j + 1);
            let w = self.w(j + 1);
            if is_particle(w) && !next.capitalized && j + 2 < self.words.len() {
                j += 1;
                continue;
            }
            let surname_like = next.capitalized
                && !next.sentence_start
                && next.has_letter
                && !self.policy.roster.is_first_name(&self.keys[j + 1])
                && !self.lex.chat_speak.contains_word(w);
            return if surname_like { Some(j + 1) } else { None };
        }
        None
    }

    /// A capitalised word right before the name, mid-sentence: "Huckleberry Finn", "Annie M.G.".
    fn capitalized_before(&self, i: usize) -> bool {
        if i == 0 || !self.tight(i - 1) {
            return false;
        }
        let p = self.tok(i - 1);
        p.capitalized && !p.sentence_start && !self.has(i - 1, bit::FIRST_NAME)
    }

    /// A pupil context after the name: "uit groep 6", "(groep 6)", "uit mijn klas",
    /// ", die in groep 8 zit", "from year 3", "'s tekening ... groep".
    fn context_after(&self, k: usize) -> bool {
        let mut k = k;
        if k >= self.words.len() {
            return false;
        }
        // Possessive: "Lotte's", "Daans" is one token already.
        if self.w(k) == "s" && self.text.gap(self.tok(k - 1), self.tok(k)).trim() == "'" {
            k += 1;
        }
        let gap = if k > 0 && k < self.words.len() {
            self.text.gap(self.tok(k - 1), self.tok(k))
        } else {
            ""
        };
        let w = self.w(k);
        let group_at = |j: usize| -> bool {
            let g = self.w(j);
            if g.starts_with("groep") && is_small_number(&g[5..], 8) || is_class_code(g) {
                return true;
            }
            if GROUP_WORDS.contains(&g) || g == "mentorklas" || g == "stamgroep" {
                return true;
            }
            matches!(
                g,
                "mijn" | "onze" | "my" | "our" | "de" | "the" | "this" | "deze"
            ) && (matches!(
                self.w(j + 1),
                "klas" | "groep" | "class" | "mentorklas" | "stamgroep" | "year"
            ) || is_class_code(self.w(j + 1)))
        };
        if gap.contains('(') && group_at(k) {
            return true;
        }
        if matches!(w, "uit" | "van" | "in" | "from" | "of")
            && !gap.contains(['.', '!', '?', ';'])
            && group_at(k + 1)
        {
            return true;
        }
        // Relative clause: "Kevin, die vanaf vandaag bij ons in groep 8 zit".
        if gap.contains(',') && matches!(w, "die" | "dat" | "who") {
            let s = self.tok(k).sentence;
            let mut j = k + 1;
            while j < self.words.len() && j < k + 12 && self.tok(j).sentence == s {
                let g = self.w(j);
                if (GROUP_WORDS.contains(&g)
                    && self
                        .words
                        .get(j + 1)
                        .is_some_and(|n| is_small_number(n, 13)))
                    || g == "leerling"
                    || g == "pupil"
                    || is_class_code(g)
                        && (g.len() > 2 || matches!(self.w(j - 1), "naar" | "in" | "uit"))
                    || (g.starts_with("groep") && is_small_number(&g[5..], 8))
                {
                    return true;
                }
                j += 1;
            }
        }
        false
    }

    /// A pupil context before the name: "leerling Daan", "de moeder van Sem".
    fn context_before(&self, i: usize) -> bool {
        let p1 = if i > 0 { self.w(i - 1) } else { "" };
        let p2 = if i > 1 { self.w(i - 2) } else { "" };
        if self.their_child(i) {
            return true;
        }
        if matches!(
            p1,
            "leerling"
                | "leerlinge"
                | "pupil"
                | "student"
                | "klasgenoot"
                | "klasgenootje"
                | "kleuter"
        ) {
            return true;
        }
        matches!(p1, "van" | "of")
            && matches!(
                p2,
                "moeder"
                    | "vader"
                    | "ouders"
                    | "ouder"
                    | "papa"
                    | "mama"
                    | "mother"
                    | "father"
                    | "parents"
                    | "mum"
                    | "mom"
                    | "dad"
                    | "broertje"
                    | "zusje"
                    | "verjaardag"
                    | "verjaardagsfeestje"
                    | "familie"
            )
            || p2 == "ouders" && p1 == "van"
    }

    /// A name addressed at the start of a sentence: "Max, we denken aan je." (a comma after
    /// the name and "je"/"jullie"/"you" in the same sentence).
    fn addressed(&self, i: usize) -> bool {
        let tok = self.tok(i);
        if !tok.sentence_start
            || i + 1 >= self.words.len()
            || !self.text.gap(tok, self.tok(i + 1)).starts_with(',')
        {
            return false;
        }
        self.text.tokens[i + 1..]
            .iter()
            .take_while(|t| t.sentence == tok.sentence)
            .any(|t| {
                matches!(
                    self.text.word(t),
                    "je" | "jij" | "jou" | "jouw" | "jullie" | "you" | "your"
                )
            })
    }

    /// In a reply to a pupil, the name addressed: "Nee Jesse, ...", "Thijs," as vocative.
    fn vocative(&self, i: usize) -> bool {
        if self.post.context.reply_to != Some(ReplyTo::Student) {
            return false;
        }
        let after = if i + 1 < self.words.len() {
            self.text.gap(self.tok(i), self.tok(i + 1))
        } else {
            &self.text.orig[self.tok(i).end..]
        };
        after.trim_start().starts_with([',', '!', '.', ':'])
    }

    /// "R. uit 4vwo" where a roster pupil of class 4vwo has a first name starting with R.
    fn initial_with_class(&self, i: usize) -> Option<Mention> {
        let t = self.tok(i);
        let w = self.w(i);
        if w.chars().count() != 1 || !t.capitalized || !self.text.orig[t.end..].starts_with('.') {
            return None;
        }
        if i + 2 >= self.words.len() || !matches!(self.w(i + 1), "uit" | "van" | "in" | "from") {
            return None;
        }
        let mut j = i + 2;
        if GROUP_WORDS.contains(&self.w(j)) {
            j += 1;
        }
        let class = self.w(j);
        let class = class.strip_prefix("groep").unwrap_or(class);
        if class.is_empty() {
            return None;
        }
        let pupil = self
            .policy
            .roster
            .pupils
            .iter()
            .position(|p| p.initial == w && !p.group.is_empty() && p.group == class)?;
        Some(Mention {
            kind: MentionKind::Initial,
            start: t.start,
            end: self.tok(j).end,
            pupil: Some(pupil),
            first_end: t.end + 1,
            explicit: true,
        })
    }
}
