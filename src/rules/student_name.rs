//! student-name: a pupil named in the post, from the roster or by a pupil context.

use super::{Ctx, Hit, Rule};
use crate::analysis::MentionKind;
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

#[cfg(test)]
mod tests {
    use crate::testutil::*;

    #[test]
    fn roster_names_in_every_form() {
        let p = policy();
        for (s, name) in [
            (
                "Gefeliciteerd Fleur Vos met de tekenwedstrijd!",
                "Fleur Vos",
            ),
            ("fleur vos heeft de tekenwedstrijd gewonnen", "fleur vos"),
            ("Lotte's tekening hangt in de hal van school.", "Lotte"),
            ("Daan uit groep 6 heeft gewonnen.", "Daan"),
            ("Well done Daan, our spelling champion at school!", "Daan"),
            ("Roos uit groep 4 bracht bloemen mee.", "Roos"),
        ] {
            let f = check_with(&p, s, "personal");
            assert!(has_span(&f, "student-name", name), "{s}: {f:#?}");
        }
    }

    #[test]
    fn initial_with_class_that_matches_a_roster_pupil() {
        let f = check_with(&policy(), "D. uit groep 6 was vandaag jarig.", "school");
        assert_rule(&f, "student-name.initial");
        let f = check_with(&policy(), "K. uit groep 6 was vandaag jarig.", "school");
        assert_no_rule(&f, "student-name.initial", "no pupil with K in groep 6");
    }

    #[test]
    fn names_off_the_roster_need_a_pupil_context() {
        let f = check_with(
            &policy(),
            "Welkom Kevin, die vanaf vandaag in groep 8 zit!",
            "school",
        );
        assert!(has_span(&f, "student-name", "Kevin"), "{f:#?}");
        let f = check_with(&policy(), "Welcome to Kevin from year 5!", "school");
        assert!(has_span(&f, "student-name", "Kevin"), "{f:#?}");
        let f = check_with(
            &policy(),
            "Dank aan Kevin voor het rijden naar de kinderboerderij.",
            "school",
        );
        assert_no_rule(&f, "student-name.context", "no pupil context");
    }

    #[test]
    fn ordinary_words_staff_public_figures_and_places_are_not_pupils() {
        let p = policy();
        for (s, acct) in [
            ("De roos in de tuin bloeit weer.", "personal"),
            ("Storm op zee vandaag bij Scheveningen.", "personal"),
            (
                "Juf Emma Verbeek staat 25 jaar voor de klas. Gefeliciteerd, Emma!",
                "school",
            ),
            (
                "Vandaag een ontwerp van Daan Roosegaarde gezien met de klas.",
                "school",
            ),
            (
                "In de geschiedenisles ging het over Hugo de Groot.",
                "school",
            ),
            (
                "Mijn zoon Sem fietst sinds vandaag zonder zijwieltjes.",
                "personal",
            ),
            ("Met het gezin naar de Keukenhof in Lisse.", "personal"),
            (
                "'De avonturen van Huckleberry Finn' uitgelezen.",
                "personal",
            ),
        ] {
            let f = check_with(&p, s, acct);
            assert_no_category(&f, "student-name", s);
        }
    }

    #[test]
    fn fix_replaces_the_name_by_its_initial() {
        let f = check_with(&policy(), "Fleur Vos uit groep 6 won.", "school");
        let h = f
            .iter()
            .find(|f| f.category.as_str() == "student-name")
            .unwrap();
        assert_eq!(h.fixes[0].replacement, "F.");
        assert_eq!(
            apply_fix("Fleur Vos uit groep 6 won.", &h.fixes[0]),
            "F. uit groep 6 won."
        );
    }
}
