//! The confidential phrasings of `lexicon/*/patterns.txt` ([health], [family], [discipline],
//! [grade], [level]): custody decisions, a refugee history, injuries after a fight, a mark
//! "voor" a subject, "will never manage havo". Reported when the sentence is about one
//! person (or the post replies to a parent or pupil), like the word lists of [`super::situations`].

use super::individual::{about_individual, reply_to_person};
use super::sentence_of;
use crate::catalog::{self, RuleDef};
use crate::lexicon;
use crate::rules::{Ctx, Hit};

/// Pattern sections and the rule each reports.
const SECTIONS: [(&str, &RuleDef); 5] = [
    ("health", &catalog::confidential::HEALTH),
    ("family", &catalog::confidential::FAMILY),
    ("discipline", &catalog::confidential::DISCIPLINE),
    ("grade", &catalog::confidential::GRADE),
    ("level", &catalog::confidential::DISCIPLINE),
];

pub(super) fn phrasings(ctx: &Ctx, out: &mut Vec<Hit>) {
    let t = ctx.text;
    let lex = lexicon::get();
    let words = ctx.words;
    let sets: Vec<_> = SECTIONS
        .iter()
        .filter_map(|(name, rule)| lex.patterns.get(name).map(|p| (p, *rule)))
        .collect();
    // Most words start no pattern (their lexicon mask says so): no set is looked at.
    let anywhere = sets.iter().any(|(p, _)| p.starts_anywhere());
    let mut i = 0;
    while i < words.len() {
        if ctx.masks[i] & lexicon::bit::PATTERN == 0 && !anywhere {
            i += 1;
            continue;
        }
        let found = sets
            .iter()
            .find_map(|(p, rule)| p.find(&words[i..]).map(|(a, b)| (*rule, a, b)));
        let Some((rule, a, b)) = found else {
            i += 1;
            continue;
        };
        let (s, e) = (t.tokens[i + a].start, t.tokens[i + b - 1].end);
        let taken = out
            .iter()
            .any(|h| h.rule.category == rule.category && h.start < e && h.end > s);
        let (ss, se) = sentence_of(t, s);
        if !taken && (about_individual(ctx, ss, se) || reply_to_person(ctx)) {
            out.push(Hit::new(rule, s, e).arg("match", &t.orig[s..e]));
        }
        i += b.max(1);
    }
}
