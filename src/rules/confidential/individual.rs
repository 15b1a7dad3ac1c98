//! Is a sentence about one person? The test the situations, grades, addresses, bank accounts
//! and dates of birth share: the same words are confidential about one pupil and ordinary
//! about "kinderen" in general.

use crate::lexicon;
use crate::model::ReplyTo;
use crate::rules::school_words::is_class_code;
use crate::rules::Ctx;

/// Is the sentence (original bytes ss..se) about one person? A pupil named in it, a
/// singular personal pronoun, "mijn leerling", "uw zoon", "die man", a titled adult
/// ("meneer Aoulad"), or "je"/"jij" in a reply to a pupil. A conditional or general sentence
/// ("Heeft uw kind medicijnen nodig, dan ...", "kinderen met ADHD") is not. When the sentence
/// itself names nobody, the one before may ("Zijn vader ... . Hij ...").
pub(super) fn about_individual(ctx: &Ctx, ss: usize, se: usize) -> bool {
    if sentence_names_someone(ctx, ss, se) {
        return true;
    }
    let t = ctx.text;
    let (a, b) = (t.token_at_or_after(ss), t.token_at_or_after(se));
    let words = &ctx.words[a..b];
    let c = &lexicon::get().classes;
    let generic = words.iter().any(|w| c.generic_groups.contains(*w));
    if generic || conditional(words) && !reply_to_person(ctx) {
        return false;
    }
    let Some(k) = t.sentences.iter().position(|&(s, _)| s == ss) else {
        return false;
    };
    // The sentence before, and the one after a colon ("Geboren op ...: Sven uit 5V ...").
    let before = k > 0 && {
        let (ps, pe) = t.sentences[k - 1];
        sentence_names_someone(ctx, ps, pe)
    };
    let after_colon = t.orig[ss..se].trim_end().ends_with(':')
        && t.sentences
            .get(k + 1)
            .is_some_and(|&(ns, ne)| sentence_names_someone(ctx, ns, ne));
    // The sentence after refers back to one person with a pronoun ("Sky had een aanval.
    // Ze is opgehaald door haar vader."): the subject of this one is that person.
    let after_pronoun = t
        .sentences
        .get(k + 1)
        .is_some_and(|&(ns, ne)| has_singular_pronoun(ctx, ns, ne));
    before || after_colon || after_pronoun
}

/// A singular personal pronoun ("hij", "haar", "she", "ze heeft") in the sentence ss..se,
/// which is not itself general or conditional.
fn has_singular_pronoun(ctx: &Ctx, ss: usize, se: usize) -> bool {
    let t = ctx.text;
    let (a, b) = (t.token_at_or_after(ss), t.token_at_or_after(se));
    let words = &ctx.words[a..b];
    let c = &lexicon::get().classes;
    if conditional(words) || words.iter().any(|w| c.generic_groups.contains(*w)) {
        return false;
    }
    words.iter().enumerate().any(|(k, w)| {
        c.singular_pronouns.contains(*w)
            || *w == "ze" && words.get(k + 1).is_some_and(|n| c.she_verbs.contains(*n))
    })
}

pub(super) fn reply_to_person(ctx: &Ctx) -> bool {
    matches!(
        ctx.post.context.reply_to,
        Some(ReplyTo::Student | ReplyTo::Parent)
    )
}

/// "als", "indien", "if", or a sentence that opens with a verb before "uw kind" (Dutch
/// inversion for a condition): the sentence is about any child, not one.
fn conditional(words: &[&str]) -> bool {
    let c = &lexicon::get().classes;
    words.iter().any(|w| c.conditional_words.contains(*w))
        || words.len() > 2
            && c.conditional_verbs.contains(words[0])
            && c.conditional_addressees.contains(words[1])
}

fn sentence_names_someone(ctx: &Ctx, ss: usize, se: usize) -> bool {
    let t = ctx.text;
    if ctx
        .analysis
        .mentions
        .iter()
        .any(|m| m.start >= ss && m.start < se)
    {
        return true;
    }
    let (a, b) = (t.token_at_or_after(ss), t.token_at_or_after(se));
    let words = &ctx.words[a..b];
    let toks = &t.tokens[a..b];
    let to_pupil = ctx.post.context.reply_to == Some(ReplyTo::Student);
    // A condition is about any child, except in a reply ("als uw dochter ..." is hers).
    if conditional(words) && !reply_to_person(ctx) {
        return false;
    }
    let lex = lexicon::get();
    // A capitalised roster name (first name or surname, also one that is a word inside the
    // sentence: "Ouders van SO-C: Sky had een aanval") names a person.
    let roster = &ctx.policy.roster;
    let school_name = |s: usize| {
        ctx.analysis
            .school_name_tokens
            .iter()
            .any(|&(a, b)| a <= s && s < b)
    };
    let named = toks.iter().zip(words).any(|(tk, w)| {
        let key = roster.key(w);
        // "Wil iemand mee?": a word-name at the start of a sentence is the word.
        let word_name = lex.name_words.contains(*w) && tk.sentence_start;
        tk.capitalized
            && !tk.all_caps
            && !word_name
            && !school_name(tk.start)
            && !ctx.policy.staff_first.contains(*w)
            && (roster.is_first_name(&key) && !roster.is_short_form(&key)
                || !roster.by_surname(&key).is_empty() && w.len() >= 4)
    });
    if named {
        return true;
    }
    // "de familie Kuipers", "het gezin Sultani", "family Haidari": one named family.
    let family = toks.windows(2).zip(words.windows(2)).any(|(tk, w)| {
        lex.classes.family_nouns.contains(w[0]) && tk[1].capitalized && !tk[1].all_caps
    });
    if family {
        return true;
    }
    let c = &lex.classes;
    let person = |n: &str| c.person_nouns.contains(n);
    words.iter().enumerate().any(|(k, w)| {
        let w = *w;
        let next = words.get(k + 1).copied().unwrap_or("");
        let after_next = words.get(k + 2).copied().unwrap_or("");
        if c.singular_pronouns.contains(w) {
            true
        } else if w == "ze" {
            // "ze" is "she" before a singular verb ("ze heeft", "ze is"), else "they".
            c.she_verbs.contains(next)
        } else if to_pupil && c.second_person_singular.contains(w) {
            // In a reply to a pupil, "you" is that pupil.
            true
        } else if c.one_of.contains(w) && c.of_words.contains(next) {
            // "een van mijn leerlingen", "one of our pupils": one pupil of a group.
            words[k + 2..]
                .iter()
                .take(2)
                .any(|x| c.pupil_plurals.contains(*x))
        } else if c.indefinite_articles.contains(w) {
            // "een leerling" is one pupil; "een kind met ..." is any child.
            c.one_pupil_nouns.contains(next)
        } else if c.person_determiners.contains(w) {
            // "mijn leerling", "my 4vwo students", "uw zoon", "die nieuwe collega".
            let plural_ok = c.class_plural_determiners.contains(w);
            // "die nieuwe collega": one adjective may stand between.
            let adjective = |x: &str| x.ends_with('e') && !c.not_adjectives.contains(x);
            // "die (Poolse) ouders" is a group, "zijn ouders" one pupil's.
            // "uw kind" in a notice to all parents is every parent's child; in a reply, theirs.
            let any_child = c.addressee_possessives.contains(w)
                && !reply_to_person(ctx)
                && c.any_child_nouns.contains(next);
            let group = |n: &str| c.demonstratives.contains(w) && c.generic_groups.contains(n);
            let one = |n: &str| person(n) && !group(n) && !any_child;
            one(next)
                || adjective(next) && one(after_next)
                || plural_ok && is_class_code(next) && c.pupil_plurals.contains(after_next)
        } else if lex.titles.contains(w) {
            // "meneer Aoulad", "juf Emma": a named adult.
            toks.get(k + 1).is_some_and(|x| x.capitalized)
        } else {
            false
        }
    })
}
