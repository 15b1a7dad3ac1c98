//! student-name: a pupil named in the post, from the roster or by a pupil context.

use super::{Ctx, Hit, Rule};
use crate::rules::analysis::MentionKind;

mod context;
pub mod finder;
mod partial;
#[cfg(test)]
mod tests;
use crate::catalog;

pub struct StudentName;

impl Rule for StudentName {
    fn check(&self, ctx: &Ctx, out: &mut Vec<Hit>) {
        let orig = ctx.text.orig;
        for m in &ctx.analysis.mentions {
            let name = &orig[m.start..m.end];
            let rule = match m.kind {
                MentionKind::Roster => &catalog::student_name::ROSTER,
                MentionKind::Context => &catalog::student_name::CONTEXT,
                MentionKind::Initial => &catalog::student_name::INITIAL,
            };
            let mut hit = Hit::new(rule, m.start, m.end).arg("name", name);
            if let Some(p) = m.pupil {
                let pupil = &ctx.policy.policy.roster[p];
                // A hashed roster has no name to show: the text names the pupil already.
                let shown = if pupil.name.is_empty() {
                    name
                } else {
                    &pupil.name
                };
                let label = if pupil.group.is_empty() {
                    shown.to_string()
                } else {
                    format!("{shown}, {}", group_label(&pupil.group))
                };
                hit = hit.arg("pupil", label);
            }
            if m.kind != MentionKind::Initial {
                // Replace the name by its initial: "Fleur Vos" → "F.". With the class after it
                // ("Fleur Vos uit groep 6") the class goes too: "F. uit groep 6" would still
                // identify her, and the fix must not create a new finding.
                let initial: String = name.chars().take(1).flat_map(char::to_uppercase).collect();
                let end = class_after(ctx, m.end).unwrap_or(m.end);
                hit = hit.arg("replacement", format!("{initial}.")).fix(
                    "fix.initial",
                    format!("{initial}."),
                    m.start,
                    end,
                );
            }
            out.push(hit);
        }
    }
}

/// The end of "uit groep 6", "from 4vwo", "(3b)" right after byte `end`, if it is there.
fn class_after(ctx: &Ctx, end: usize) -> Option<usize> {
    use crate::rules::school_words::{is_class_code, is_group_word, is_small_number};
    let t = ctx.text;
    let k = t.token_at_or_after(end);
    let w = |j: usize| ctx.words.get(j).copied().unwrap_or("");
    let c = &crate::lexicon::get().classes;
    let mut j = k;
    if c.group_prepositions.contains(w(j)) || c.initial_prepositions.contains(w(j)) {
        j += 1;
    }
    let code = |x: &str| is_class_code(x) || ctx.policy.roster.is_group(x);
    if is_group_word(w(j)) && (is_small_number(w(j + 1), 13) || code(w(j + 1))) {
        j += 1;
    } else if !(code(w(j)) || w(j).starts_with("groep") && is_small_number(&w(j)[5..], 8)) {
        return None;
    }
    let tok = t.tokens.get(j)?;
    // Only when nothing but spaces, a comma or an opening bracket stands between.
    let gap = &t.orig[end..t.tokens[k].start];
    gap.chars()
        .all(|c| matches!(c, ' ' | ',' | '('))
        .then(|| tok.end + usize::from(t.orig[tok.end..].starts_with(')')))
}

fn group_label(g: &str) -> String {
    if g.chars().all(|c| c.is_ascii_digit()) {
        format!("groep {g}")
    } else {
        g.to_string()
    }
}
