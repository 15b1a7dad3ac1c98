//! The pupil-name finder: the places a post names a pupil, from the roster, by a pupil
//! context ("Kevin, die in groep 8 zit") or as an initial with a class ("R. uit 4vwo").
//! The contexts around a name are in [`super::context`].

use crate::compiled::Compiled;
use crate::lexicon::{bit, Lexicon};
use crate::model::Post;
use crate::rules::school_words::their_child;
use crate::text::{Text, Token};
use std::borrow::Cow;

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

/// Tussenvoegsels: lower-case words inside Dutch surnames.
pub(super) fn is_particle(w: &str) -> bool {
    crate::lexicon::get().classes.surname_particles.contains(w)
}

/// Finds the places a post names a pupil.
pub(crate) struct Mentions<'a> {
    pub(crate) text: &'a Text<'a>,
    pub(crate) words: &'a [&'a str],
    pub(crate) post: &'a Post,
    pub(crate) policy: &'a Compiled,
    pub(crate) lex: &'a Lexicon,
    pub(crate) school_context: bool,
    pub(crate) school_name_mask: &'a [bool],
    /// Roster lookup keys of the words.
    pub(crate) keys: &'a [Cow<'a, str>],
    pub(crate) masks: &'a [u32],
    /// First names of staff members whose full name appears in the post.
    pub(crate) staff_in_post: Vec<String>,
    /// Names that follow a title somewhere in the post ("meester Daniel ... Daniel!").
    pub(crate) adults: Vec<String>,
}

impl Mentions<'_> {
    pub(super) fn tok(&self, i: usize) -> &Token {
        &self.text.tokens[i]
    }

    pub(super) fn has(&self, i: usize, b: u32) -> bool {
        self.masks.get(i).is_some_and(|m| m & b != 0)
    }

    pub(super) fn w(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// Only spaces between tokens i and i+1 (no punctuation): they read as one name.
    pub(super) fn tight(&self, i: usize) -> bool {
        i + 1 < self.words.len()
            && self
                .text
                .gap(self.tok(i), self.tok(i + 1))
                .chars()
                .all(|c| c == ' ')
    }

    pub(crate) fn find(&self) -> Vec<Mention> {
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
                // "jobs", "lies": the plural of a word-name is a word; "Jobs werkstuk" is his.
                let word_plural = self.lex.name_words.contains(base)
                    && base.len() <= 4
                    && !self.tok(i).capitalized;
                if self.policy.roster.is_first_name(&base_key) && !word_plural {
                    w = base;
                    key = Cow::Owned(base_key.into_owned());
                    possessive = true;
                }
            }
            let tok = self.tok(i);
            // A short form ("Kev", "Max") is a name only with a capital.
            let short = self.policy.roster.is_short_form(&key);
            if short && !tok.capitalized {
                i += 1;
                continue;
            }
            let on_roster = self.policy.roster.is_first_name(&key);
            let known =
                on_roster || (self.has(i, bit::FIRST_NAME) && !possessive && tok.capitalized);
            if self.title_before(i) || self.staff_named(i) {
                i += 1;
                continue;
            }
            if !known {
                // A capitalised word that is not in the name list but stands in an explicit pupil
                // context ("Welkom aan Oleksandr, die instroomt in 2mavo") is a name too.
                // "English from group 1": a language, nationality or subject is no name, nor is
                // a country ("our student from Eritrea in ISK 2"). (Looked up only for a
                // capitalised word: most words are not.)
                let word_class = || {
                    [
                        "origin-adjectives",
                        "subjects",
                        "calendar-words",
                        "countries",
                    ]
                    .iter()
                    .any(|l| self.lex.list(l).is_some_and(|l| l.contains(w)))
                };
                let unknown_name = tok.capitalized
                    && !word_class()
                    && !tok.sentence_start
                    && !tok.all_caps
                    && w.chars().count() >= 3
                    && w.chars().all(char::is_alphabetic)
                    && !self.capitalized_before(i)
                    && self.context_after(i + 1);
                if let Some(m) = self.surname_alone(i) {
                    out.push(m);
                } else if unknown_name {
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
            // A first name and a surname initial: "Ahmad R.", "Noor V. uit 3b". On the roster, or
            // a known first name in a school post. Not a middle initial ("Peter R. de Vries").
            if let Some(m) = self.name_with_initial(i, on_roster, &key) {
                out.push(m);
                i += 2;
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
                // "our June intake": a month or day is a word even with its capital.
                let calendar = self
                    .lex
                    .list("calendar-words")
                    .is_some_and(|l| l.contains(w));
                let ambiguous_ok = tok.capitalized
                    && !calendar
                    && !tok.all_caps
                    && !quoted
                    && (!tok.sentence_start && !near_digit || self.addressed(i));
                // A writer who capitalises writes a name with a capital: a lower-case roster
                // name is then a word ("koeien in de wei", "I have faith") unless a pupil
                // context says otherwise.
                let lower_word = !tok.capitalized && self.writer_capitalises();
                // A photo with a roster first name: the pictured pupil's, unless a place ("in
                // Sydney", a holiday photo).
                let place = i > 0 && self.lex.classes.place_prepositions.contains(self.w(i - 1));
                let photo = !self.post.context.attachments.is_empty() && !ambiguous && !place;
                let needs = (ambiguous && !ambiguous_ok) || !self.school_context && !photo;
                // Lower case in such a post: only a pupil context right after it makes it a name.
                if !lower_word || !ambiguous && self.context_after(i + 1) {
                    pending.push((m, ctx && !lower_word || self.context_after(i + 1), needs));
                }
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

    /// Does every sentence of the post start with a capital (where it starts with a letter)?
    /// Not counted: a clause after a colon or semicolon, which Dutch and English start in
    /// lower case ("naar de kinderboerderij: kalfjes geaaid, koeien in de wei").
    fn writer_capitalises(&self) -> bool {
        let t = self.text;
        t.tokens
            .iter()
            .filter(|k| k.sentence_start && k.has_letter)
            .filter(|k| !t.orig[..k.start].trim_end().ends_with([':', ';']))
            .all(|k| k.capitalized)
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
    pub(super) fn title_before(&self, i: usize) -> bool {
        i > 0 && self.tight(i - 1) && self.has(i - 1, bit::TITLE) && !self.their_child(i)
            || self.adults.iter().any(|a| a == self.w(i)) && !self.context_after(i + 1)
    }

    pub(super) fn their_child(&self, i: usize) -> bool {
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
}
