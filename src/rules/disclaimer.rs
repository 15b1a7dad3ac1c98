//! disclaimer: a personal account writing about school must say in what capacity, and carry
//! whatever else this school's protocol demands (policy `statements`):
//! - `disclaimer.missing`: no capacity statement ("op persoonlijke titel", "namens de school").
//! - `disclaimer.leader`: a school leader (directie, MT, bestuur) speaks for the school even
//!   with a private opinion, so "op persoonlijke titel" is not enough: they say in which
//!   role they write (the representative statement).
//! - `disclaimer.employee`: the protocol wants "ik ben medewerker van ..." in such a post.
//! - `disclaimer.comments`: the protocol wants "niet verantwoordelijk voor reacties van anderen".
//! - `disclaimer.on-behalf`: only leaders may speak "namens de school" from a personal account.
//!
//! The phrasings that count are data (`lexicon/*/context.txt`) plus the policy's own.

use super::{Ctx, Hit, Rule};
use crate::catalog;
use crate::context::words;
use crate::lexicon::PhraseSet;
use crate::model::{Account, AuthorRole, Locale};
use crate::policy::{Localized, SpeakForSchool, Statement};

pub struct Disclaimer;

/// The first match in the post of a lexicon section or the policy's phrases: original bytes.
fn find(ctx: &Ctx, section: &str, extra: &[String]) -> Option<(usize, usize)> {
    let mut own = PhraseSet::default();
    for p in extra {
        own.insert(p, ());
    }
    let toks = &ctx.text.tokens;
    let span = |(i, n): (usize, usize)| (toks[i].start, toks[i + n - 1].end);
    let a = words::get().matches(section, ctx.words).first().copied();
    let b = words::matches(&own, ctx.words).first().copied();
    match (a, b) {
        (Some(x), Some(y)) => Some(span(if y.0 < x.0 { y } else { x })),
        (x, y) => x.or(y).map(span),
    }
}

/// "Ik ben docent bij De Linde", "I teach at De Linde": the first person, a word of
/// working and the school's name in one sentence.
fn works_at_school(ctx: &Ctx) -> bool {
    let lex = words::get();
    let work = lex.set("employee_work");
    let me = lex.set("first_person");
    let toks = &ctx.text.tokens;
    ctx.analysis.school_name_tokens.iter().any(|&(s, _)| {
        let Some(j) = toks.iter().position(|t| t.start == s) else {
            return false;
        };
        let sent = toks[j].sentence;
        let before = (0..j).filter(|&i| toks[i].sentence == sent);
        let mut first_person = false;
        let mut working = false;
        for i in before {
            let w = ctx.words[i];
            first_person |= me.contains_word(w);
            working |= work.longest(&ctx.words[i..]).is_some();
        }
        first_person && working
    })
}

/// A statement's text with the school's name filled in.
fn statement_text(ctx: &Ctx, text: &Localized) -> String {
    let locale = ctx.post.locale;
    let name = &ctx.policy.policy.school.name;
    let school = if !name.trim().is_empty() {
        name.trim()
    } else if locale == Locale::En {
        "this school"
    } else {
        "deze school"
    };
    text.get(locale).trim().replace("{school}", school)
}

/// A finding that a statement is missing, with a fix that adds it (at the start, or at the
/// end for `at_end`).
fn missing(
    ctx: &Ctx,
    rule: &'static catalog::RuleDef,
    st: &Statement,
    span: (usize, usize),
    signal: (usize, usize),
    at_end: bool,
) -> Hit {
    let orig = ctx.text.orig;
    let statement = statement_text(ctx, &st.text);
    let (s, e) = span;
    let hit = Hit::new(rule, s, e)
        .arg("signal", &orig[signal.0..signal.1])
        .arg("statement", statement.clone())
        .arg("message", st.message.get(ctx.post.locale).trim());
    if statement.is_empty() {
        return hit;
    }
    if at_end {
        let end = orig.trim_end().len();
        let sep = if end == 0 { "" } else { " " };
        hit.fix("fix.statement", format!("{sep}{statement}"), end, end)
    } else {
        let sep = if orig.is_empty() { "" } else { " " };
        hit.fix("fix.statement", format!("{statement}{sep}"), 0, 0)
    }
}

impl Rule for Disclaimer {
    fn check(&self, ctx: &Ctx, out: &mut Vec<Hit>) {
        let c = &ctx.post.context;
        // An empty draft (a reply box just opened) says nothing yet.
        if c.account == Account::School || ctx.words.is_empty() {
            return;
        }
        let proto = &ctx.policy.policy.protocol;
        let leader = c.author_role == Some(AuthorRole::Leader);
        let a = ctx.analysis;
        // "Namens de school" from someone who may not speak for it.
        if proto.speak_for_school == SpeakForSchool::Leaders && !leader {
            if let Some((s, e)) = find(ctx, "speak_for_school", &[]) {
                let mut hit = Hit::new(&catalog::disclaimer::ON_BEHALF, s, e).arg(
                    "message",
                    proto.speak_for_school_message.get(ctx.post.locale).trim(),
                );
                let capacity = ctx
                    .policy
                    .policy
                    .capacity_statement
                    .get(ctx.post.locale)
                    .trim()
                    .trim_end_matches([':', '.'])
                    .to_string();
                // "Namens de school: ..." reads the same in the first person; "wij als
                // school zijn ..." needs the writer's own words.
                let i = ctx.text.token_at_or_after(s);
                let first_person = words::get()
                    .set("speak_for_school.first_person")
                    .longest(ctx.words.get(i..).unwrap_or_default())
                    .is_some();
                if first_person && !capacity.is_empty() {
                    let starts_upper = ctx.text.orig[s..].starts_with(char::is_uppercase);
                    let mut r = capacity.clone();
                    if !starts_upper {
                        r = lower_first(&r);
                    }
                    hit = hit.fix("fix.first-person", r, s, e);
                }
                out.push(hit);
                return;
            }
        }
        if !a.about_school {
            return;
        }
        let signal = a.topic_signal.unwrap_or((0, ctx.text.orig.len()));
        let capacity = a
            .capacity
            .or_else(|| find(ctx, "capacity", &proto.capacity.phrases));
        if leader {
            // Naming the role ("als bestuurder ben ik blij ...") tells who writes, not in
            // which capacity: only a representative statement ("namens de school", "als
            // directeur van ...") says this is the school speaking. (The role named in the
            // text does make the writer a leader: `context::resolve`.)
            let stated = find(ctx, "representative", &proto.representative.phrases).is_some()
                || crate::rules::analysis::speaks_for_school(ctx.words, ctx.policy).is_some();
            if proto.representative.required && !stated {
                out.push(missing(
                    ctx,
                    &catalog::disclaimer::LEADER,
                    &proto.representative,
                    capacity.unwrap_or(signal),
                    signal,
                    false,
                ));
            }
        } else if proto.capacity.required && capacity.is_none() {
            let statement = Statement {
                text: ctx.policy.policy.capacity_statement.clone(),
                ..proto.capacity.clone()
            };
            out.push(missing(
                ctx,
                &catalog::disclaimer::MISSING,
                &statement,
                signal,
                signal,
                false,
            ));
        }
        if proto.employee.required
            && find(ctx, "employee", &proto.employee.phrases).is_none()
            && !works_at_school(ctx)
        {
            out.push(missing(
                ctx,
                &catalog::disclaimer::EMPLOYEE,
                &proto.employee,
                signal,
                signal,
                false,
            ));
        }
        if proto.comments.required && find(ctx, "comments", &proto.comments.phrases).is_none() {
            out.push(missing(
                ctx,
                &catalog::disclaimer::COMMENTS,
                &proto.comments,
                signal,
                signal,
                true,
            ));
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_lowercase().chain(cs).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
