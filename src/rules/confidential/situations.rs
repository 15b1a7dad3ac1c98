//! Health, family situations, punishments, absence, learning problems and a school advice,
//! when they are about one pupil.

use super::individual::{about_individual, reply_to_person};
use super::sentence_of;
use crate::catalog::{self, RuleDef};
use crate::lexicon::{self, bit, Lexicon, PhraseSet};
use crate::model::Category;
use crate::rules::school_words::is_class_code;
use crate::rules::{Ctx, Hit};

/// Health, family situations, punishments, absence and learning problems of an individual.
pub(super) fn situations(ctx: &Ctx, out: &mut Vec<Hit>) {
    let t = ctx.text;
    let lex = lexicon::get();
    let words = ctx.words;
    let extra = ctx.policy.extra.get(&Category::Confidential);
    let lists: [(&PhraseSet<()>, &'static RuleDef); 3] = [
        (&lex.family, &catalog::confidential::FAMILY),
        (&lex.discipline, &catalog::confidential::DISCIPLINE),
        (&lex.learning, &catalog::confidential::DISCIPLINE),
    ];
    let mut i = 0;
    while i < words.len() {
        let mut hit: Option<(&'static RuleDef, usize)> =
            health(words, ctx.masks[i], i, lex).map(|n| (&catalog::confidential::HEALTH, n));
        if hit.is_none() && ctx.masks[i] & bit::SITUATION != 0 {
            hit = lists
                .iter()
                .find_map(|(l, r)| l.longest(&words[i..]).map(|(n, _)| (*r, n)));
        }
        // A school advice for a level: "het advies 3havo", "haar vmbo-basisadvies".
        if hit.is_none() && words[i].ends_with("advies") || words[i] == "advice" {
            let level = |w: &&str| is_class_code(w) || lex.classes.advice_levels.contains(*w);
            let before = i > 0 && level(&words[i - 1]);
            let after = words[i + 1..].iter().take(2).position(level);
            // Only an advice with its level says something about the pupil ("het schooladvies"
            // alone is the topic, not the content).
            if before || after.is_some() {
                let (s_tok, n) = if before {
                    (i - 1, 2)
                } else {
                    (i, after.map_or(1, |k| k + 2))
                };
                let (s, e) = (t.tokens[s_tok].start, t.tokens[s_tok + n - 1].end);
                let (ss, se) = sentence_of(t, s);
                // In a reply to a parent or pupil, an advice is theirs.
                if about_individual(ctx, ss, se) || reply_to_person(ctx) {
                    out.push(
                        Hit::new(&catalog::confidential::DISCIPLINE, s, e)
                            .arg("match", &t.orig[s..e]),
                    );
                }
                i += 1;
                continue;
            }
        }
        if hit.is_none() {
            hit = extra
                .and_then(|p| p.longest(&words[i..]))
                .map(|(n, _)| (&catalog::confidential::FAMILY, n));
        }
        if let Some((rule, n)) = hit {
            let (s, e) = (t.tokens[i].start, t.tokens[i + n - 1].end);
            let (ss, se) = sentence_of(t, s);
            // (health and family stay: "geeft hem geen medicatie" is a fact about him)
            let discipline = rule.id == catalog::confidential::DISCIPLINE.id;
            if !(discipline && denied_or_taught(words, i)) && about_individual(ctx, ss, se) {
                out.push(Hit::new(rule, s, e).arg("match", &t.orig[s..e]));
            }
            i += n;
        } else {
            i += 1;
        }
    }
}

/// The punishment or learning problem at token i is denied ("loopt geen achterstand op", "no detention") or is
/// what someone teaches ("docent NT2", "teacher of EAL"): nothing said about a pupil.
fn denied_or_taught(words: &[&str], i: usize) -> bool {
    let before = |k: usize| i.checked_sub(k).map(|j| words[j]);
    let teacher = |w: Option<&str>| {
        matches!(
            w,
            Some("docent" | "docenten" | "leerkracht" | "teacher" | "teachers")
        )
    };
    matches!(before(1), Some("geen" | "no" | "zonder" | "without"))
        || teacher(before(1))
        || before(1) == Some("of") && teacher(before(2))
}

/// A condition at token i: a listed phrase, or a compound built on a condition stem
/// ("notenallergie", "dyslexieverklaring"), but not a general word ("dyslexieprotocol").
fn health(words: &[&str], mask: u32, i: usize, lex: &Lexicon) -> Option<usize> {
    let w = words[i];
    if let Some((n, _)) = (mask & bit::CONDITION != 0)
        .then(|| lex.conditions.longest(&words[i..]))
        .flatten()
    {
        // "dyslexie-protocol" written with a hyphen is two tokens: check the second part.
        if n == 1
            && words
                .get(i + 1)
                .is_some_and(|x| lex.condition_general.contains(*x))
        {
            return None;
        }
        return Some(n);
    }
    if w.len() < 6 {
        return None;
    }
    for stem in &lex.condition_stems {
        let rest = if let Some(r) = w.strip_prefix(stem.as_str()) {
            r
        } else if let Some(r) = w.strip_suffix(stem.as_str()) {
            r
        } else {
            continue;
        };
        if rest.len() >= 3 && !lex.condition_general.contains(rest) {
            return Some(1);
        }
    }
    None
}
