//! student-name: a pupil named in the post, from the roster or by a pupil context.

use super::{Ctx, Hit, Rule};
use crate::rules::analysis::MentionKind;

mod context;
pub mod finder;
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
                // Replace the name by its initial: "Fleur Vos" → "F.".
                let initial: String = name.chars().take(1).flat_map(char::to_uppercase).collect();
                hit = hit.arg("replacement", format!("{initial}.")).fix(
                    "fix.initial",
                    format!("{initial}."),
                    m.start,
                    m.end,
                );
            }
            out.push(hit);
        }
    }
}

fn group_label(g: &str) -> String {
    if g.chars().all(|c| c.is_ascii_digit()) {
        format!("groep {g}")
    } else {
        g.to_string()
    }
}
