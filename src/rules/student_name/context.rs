//! The contexts around a name that make it a pupil's: "uit groep 6", "de moeder van Sem",
//! "Max, we denken aan je", a vocative in a reply to a pupil.

use super::finder::Mentions;
use crate::model::ReplyTo;
use crate::rules::school_words::{is_class_code, is_group_word, is_small_number};

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
        let c = &self.lex.classes;
        let group_at = |j: usize| -> bool {
            let g = self.w(j);
            if g.starts_with("groep") && is_small_number(&g[5..], 8)
                || is_class_code(g)
                || self.policy.roster.is_group(g)
                // a roster group in two words: "PrO 4a", "ISK 2"
                || j + 1 < self.words.len()
                    && self.policy.roster.is_group_pair(g, self.w(j + 1))
            {
                return true;
            }
            if is_group_word(g) || c.group_nouns.contains(g) {
                return true;
            }
            // "uit mijn klas", "from my 4vwo class", "from my maths class": one word may stand
            // between the determiner and the group noun.
            c.group_determiners.contains(g)
                && (c.group_nouns.contains(self.w(j + 1))
                    || is_class_code(self.w(j + 1))
                    || c.group_nouns.contains(self.w(j + 2)))
        };
        if gap.contains('(') && group_at(k) {
            return true;
        }
        if c.group_prepositions.contains(w)
            && !gap.contains(['.', '!', '?', ';'])
            && group_at(k + 1)
        {
            return true;
        }
        // Relative clause: "Kevin, die vanaf vandaag bij ons in groep 8 zit".
        if gap.contains(',') && c.relative_pronouns.contains(w) {
            let s = self.tok(k).sentence;
            let mut j = k + 1;
            while j < self.words.len() && j < k + 12 && self.tok(j).sentence == s {
                let g = self.w(j);
                if (is_group_word(g)
                    && self
                        .words
                        .get(j + 1)
                        .is_some_and(|n| is_small_number(n, 13)))
                    || c.pupil_in_clause.contains(g)
                    || is_class_code(g)
                        && (g.len() > 2 || c.class_prepositions.contains(self.w(j - 1)))
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
        let c = &self.lex.classes;
        c.pupil_titles.contains(p1) || c.of_words.contains(p1) && c.relatives_of.contains(p2)
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
                let w = self.text.word(t);
                let c = &self.lex.classes;
                c.second_person_singular.contains(w) || c.second_person_plural.contains(w)
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
