//! Names written in part: a first name with a surname initial ("Ahmad R.", "Kasper de R."),
//! a roster surname alone ("gisteren was Gerritsen er niet"), an initial with a class ("J. uit
//! 3b"). Split from finder.rs, which holds the walk over the words.

use super::finder::{is_particle, Mention, Mentions};
use crate::lexicon::bit;
use crate::rules::analysis::MentionKind;
use crate::rules::school_words::is_group_word;

impl Mentions<'_> {
    /// "Ahmad R.": a first name, then one capital letter with a full stop.
    pub(super) fn name_with_initial(
        &self,
        i: usize,
        on_roster: bool,
        key: &str,
    ) -> Option<Mention> {
        let (t, n) = (self.tok(i), self.words.len());
        if i + 1 >= n || !self.tight(i) || !t.capitalized || t.all_caps {
            return None;
        }
        let ini = self.tok(i + 1);
        let is_initial = self.w(i + 1).chars().count() == 1
            && ini.capitalized
            && self.text.orig[ini.end..].starts_with('.');
        // "Peter R. de Vries", "Annie M.G. Schmidt": a middle initial before a surname.
        let more = self.words.get(i + 2).is_some_and(|_| {
            let nx = self.tok(i + 2);
            let gap = self.text.gap(ini, nx);
            (gap == ". " || gap == ".")
                && (nx.capitalized && !nx.sentence_start || is_particle(self.w(i + 2)))
        });
        if !is_initial
            || more
            || !(on_roster || self.school_context && self.has(i, bit::FIRST_NAME))
        {
            return None;
        }
        Some(Mention {
            kind: if on_roster {
                MentionKind::Roster
            } else {
                MentionKind::Context
            },
            start: t.start,
            end: ini.end + 1,
            pupil: on_roster
                .then(|| self.policy.roster.by_first(key).first().copied())
                .flatten(),
            first_end: t.end,
            explicit: true,
        })
    }

    /// A roster pupil's surname alone: "de familie Kuipers", "gisteren was Gerritsen er niet",
    /// "de Haverkamp-jongens", "de Nowakjes". Only a capitalised word that no list knows, not a
    /// staff member's surname, not after a title or another name; in a school post or after
    /// a family word.
    pub(super) fn surname_alone(&self, i: usize) -> Option<Mention> {
        let t = self.tok(i);
        let w = self.w(i);
        if !t.capitalized || t.all_caps || w.chars().count() < 4 || self.masks[i] != 0 {
            return None;
        }
        let roster = &self.policy.roster;
        let mut pupils = roster.by_surname(&self.keys[i]);
        if pupils.is_empty() {
            // The diminutive plural of a family: "de Jansjes", "de Nowakjes".
            for suf in ["tjes", "jes", "je"] {
                if let Some(base) = w.strip_suffix(suf).filter(|b| b.len() >= 3) {
                    pupils = roster.by_surname(&roster.key(base));
                    if !pupils.is_empty() {
                        break;
                    }
                }
            }
        }
        let staff = self
            .policy
            .staff_full
            .iter()
            .any(|f| f.last().is_some_and(|l| l == w));
        let family = i > 0
            && self
                .lex
                .list("family-words")
                .is_some_and(|l| l.contains(self.w(i - 1)));
        let after_name = i > 0 && self.tight(i - 1) && self.tok(i - 1).capitalized;
        if pupils.is_empty()
            || staff
            || after_name && !family
            || self.title_before(i)
            || !(self.school_context || family)
            // "Meer leerkrachten ...": at the start of a sentence a capital says nothing,
            // unless a pupil context follows ("Schouten uit klas 4 is ...").
            || t.sentence_start && !family && !self.context_after(i + 1)
        {
            return None;
        }
        Some(Mention {
            kind: MentionKind::Roster,
            start: t.start,
            end: t.end,
            pupil: pupils.first().copied(),
            first_end: t.end,
            explicit: family,
        })
    }

    /// "R. uit 4vwo" where a roster pupil of class 4vwo has a first name starting with R.
    pub(super) fn initial_with_class(&self, i: usize) -> Option<Mention> {
        let t = self.tok(i);
        let w = self.w(i);
        if w.chars().count() != 1 || !t.capitalized || !self.text.orig[t.end..].starts_with('.') {
            return None;
        }
        if i + 2 >= self.words.len()
            || !self
                .lex
                .classes
                .initial_prepositions
                .contains(self.w(i + 1))
        {
            return None;
        }
        let mut j = i + 2;
        if is_group_word(self.w(j)) {
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
