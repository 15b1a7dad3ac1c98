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
    let generic = words.iter().any(|w| {
        matches!(
            *w,
            "kinderen"
                | "leerlingen"
                | "ouders"
                | "children"
                | "pupils"
                | "students"
                | "parents"
                | "iedereen"
                | "everyone"
        )
    });
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
    before || after_colon
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
    words.iter().any(|w| {
        matches!(
            *w,
            "als" | "indien" | "wanneer" | "mocht" | "if" | "whenever"
        )
    }) || words.len() > 2
        && matches!(
            words[0],
            "heeft" | "is" | "krijgt" | "gebruikt" | "moet" | "has" | "does"
        )
        && matches!(words[1], "uw" | "je" | "your")
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
    let person = |n: &str| {
        matches!(
            n,
            "leerling"
                | "leerlinge"
                | "zoon"
                | "dochter"
                | "kind"
                | "student"
                | "pupil"
                | "son"
                | "daughter"
                | "child"
                | "vader"
                | "moeder"
                | "ouders"
                | "father"
                | "mother"
                | "parents"
                | "broer"
                | "zus"
                | "broertje"
                | "zusje"
                | "kleuter"
                | "collega"
                | "man"
                | "vrouw"
                | "jongen"
                | "meisje"
                | "jochie"
                | "knul"
                | "boy"
                | "girl"
                | "colleague"
                | "mum"
                | "mom"
                | "dad"
                | "papa"
                | "mama"
                | "opa"
                | "oma"
                | "grandmother"
                | "grandfather"
        )
    };
    let lex = lexicon::get();
    words.iter().enumerate().any(|(k, w)| {
        let next = words.get(k + 1).copied().unwrap_or("");
        let after_next = words.get(k + 2).copied().unwrap_or("");
        match *w {
            "hij" | "hem" | "zij" | "haar" | "he" | "him" | "she" | "her" | "his" => true,
            // "ze" is "she" before a singular verb ("ze heeft", "ze is"), else "they".
            "ze" => matches!(
                next,
                "heeft"
                    | "is"
                    | "was"
                    | "had"
                    | "kreeg"
                    | "krijgt"
                    | "zit"
                    | "zat"
                    | "gaat"
                    | "ging"
                    | "komt"
                    | "kwam"
                    | "moet"
                    | "moest"
                    | "mag"
                    | "kan"
                    | "kon"
                    | "wil"
                    | "wordt"
                    | "werd"
                    | "lijdt"
                    | "woont"
            ),
            // In a reply to a pupil, "you" is that pupil.
            "je" | "jij" | "jou" | "jouw" | "you" | "your" if to_pupil => true,
            // "mijn leerling", "my 4vwo students", "uw zoon", "die nieuwe collega".
            // "een leerling" is one pupil; "een kind met ..." is any child.
            "een" | "a" => matches!(
                next,
                "leerling" | "leerlinge" | "pupil" | "student" | "kleuter"
            ),
            "mijn" | "uw" | "onze" | "my" | "your" | "our" | "zijn" | "die" | "deze" | "that"
            | "this" => {
                let plural_ok = matches!(*w, "mijn" | "my" | "onze" | "our");
                // "die nieuwe collega": one adjective may stand between.
                let adjective = |x: &str| {
                    x.ends_with('e')
                        && !matches!(
                            x,
                            "de" | "je"
                                | "die"
                                | "deze"
                                | "onze"
                                | "we"
                                | "ze"
                                | "the"
                                | "me"
                                | "he"
                                | "she"
                                | "one"
                        )
                };
                person(next)
                    || adjective(next) && person(after_next)
                    || plural_ok
                        && is_class_code(next)
                        && matches!(after_next, "leerlingen" | "students" | "pupils" | "kids")
            }
            // "meneer Aoulad", "juf Emma": a named adult.
            w if lex.titles.contains(w) => toks.get(k + 1).is_some_and(|x| x.capitalized),
            _ => false,
        }
    })
}
