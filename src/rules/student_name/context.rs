//! The contexts around a name that make it a pupil's: "uit groep 6", "de moeder van Sem",
//! "Max, we denken aan je", a vocative in a reply to a pupil.

use super::finder::Mentions;
use crate::model::ReplyTo;
use crate::rules::school_words::{is_class_code, is_small_number, GROUP_WORDS};

impl Mentions<'_> {
    /// A pupil context after the name: "uit groep 6", "(groep 6)", "uit mijn klas",
    /// ", die in groep 8 zit", "from year 3", "'s tekening ... groep".
    pub(super) fn context_after(&self, k: usize) -> bool {
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
    pub(super) fn context_before(&self, i: usize) -> bool {
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
    pub(super) fn addressed(&self, i: usize) -> bool {
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
    pub(super) fn vocative(&self, i: usize) -> bool {
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
}
