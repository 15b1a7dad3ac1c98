//! Grades and results of one pupil: "haalde een 3 voor rekenen", "got a 4 on the test".

use super::individual::{about_individual, reply_to_person};
use super::sentence_of;
use crate::catalog;
use crate::rules::{Ctx, Hit};

/// "haalde een 3 voor rekenen", "die 5 gewoon verdiend", "got a 4 on the test" about one pupil.
pub(super) fn grades(ctx: &Ctx, out: &mut Vec<Hit>) {
    let t = ctx.text;
    let words = ctx.words;
    let c = &crate::lexicon::get().classes;
    let verb = |w: &str| c.grade_verbs.contains(w);
    for (i, w) in words.iter().enumerate() {
        let Ok(n) = w.parse::<u32>() else { continue };
        if !(1..=10).contains(&n) || i == 0 || !c.grade_articles.contains(words[i - 1]) {
            continue;
        }
        // "6,5" or "5.2": the decimal is the next token.
        let mut j = i;
        let decimal = words
            .get(i + 1)
            .is_some_and(|x| x.len() == 1 && x.chars().all(|c| c.is_ascii_digit()))
            && matches!(t.gap(&t.tokens[i], &t.tokens[i + 1]), "," | ".");
        if decimal {
            j = i + 1;
        }
        let unit = words.get(j + 1).is_some_and(|x| c.units.contains(*x));
        if unit {
            continue;
        }
        let gap_before = t.gap(&t.tokens[i - 1], &t.tokens[i]);
        if gap_before.trim() != "" {
            continue;
        }
        let after_for = words
            .get(j + 1)
            .is_some_and(|x| c.grade_prepositions.contains(*x))
            && words.get(j + 2).is_some_and(|x| {
                !c.definite_articles.contains(*x)
                    || words.get(j + 3).is_some_and(|y| c.tests.contains(*y))
            });
        let verb_before = (i.saturating_sub(4)..i - 1).any(|k| verb(words[k]));
        let verb_after = (j + 1..(j + 4).min(words.len())).any(|k| verb(words[k]));
        // A decimal mark between 1 and 10 after an article is a Dutch grade ("die 5,2").
        let decimal_grade = decimal && c.decimal_grade_articles.contains(words[i - 1]);
        if !(after_for && (verb_before || verb_after)
            || verb_after && words[i - 1] == "die"
            || decimal_grade)
        {
            continue;
        }
        let s_tok = (i.saturating_sub(4)..i - 1)
            .find(|&k| verb(words[k]))
            .unwrap_or(i - 1);
        let e_tok = if after_for {
            (j + 2).min(words.len() - 1)
        } else {
            j
        };
        let (s, e) = (t.tokens[s_tok].start, t.tokens[e_tok].end);
        let (ss, se) = sentence_of(t, s);
        // A grade in a reply to a parent or pupil is their child's or their own.
        if about_individual(ctx, ss, se) || reply_to_person(ctx) {
            out.push(Hit::new(&catalog::confidential::GRADE, s, e).arg("match", &t.orig[s..e]));
        }
    }
}
