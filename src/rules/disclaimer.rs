//! disclaimer: a personal account writing about school must say in what capacity.

use super::{Ctx, Hit, Rule};
use crate::catalog;
use crate::model::Account;

pub struct Disclaimer;

impl Rule for Disclaimer {
    fn check(&self, ctx: &Ctx, out: &mut Vec<Hit>) {
        let a = ctx.analysis;
        if ctx.post.context.account == Account::School || !a.about_school || a.capacity.is_some() {
            return;
        }
        let (s, e) = a.topic_signal.unwrap_or((0, ctx.text.orig.len()));
        let statement = ctx
            .policy
            .policy
            .capacity_statement
            .get(ctx.post.locale)
            .trim()
            .to_string();
        let orig = ctx.text.orig;
        // Insert the statement before the post, separated by a space (or nothing if the post is empty).
        let sep = if orig.is_empty() { "" } else { " " };
        out.push(
            Hit::new(&catalog::disclaimer::MISSING, s, e)
                .arg("signal", &orig[s..e])
                .arg("statement", statement.clone())
                .fix("fix.disclaimer", format!("{statement}{sep}"), 0, 0),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::*;

    #[test]
    fn personal_post_about_school_needs_a_statement() {
        assert_rule(
            &check_personal("Morgen weer een studiedag, de school is dan dicht."),
            "disclaimer.missing",
        );
        assert_rule(
            &check_personal("Trots op mijn klas vandaag!"),
            "disclaimer.missing",
        );
        assert_rule(
            &check_personal("My pupils aced their assessment today."),
            "disclaimer.missing",
        );
        assert_rule(
            &check_personal("Wat een dag. #groep7"),
            "disclaimer.missing",
        );
    }

    #[test]
    fn a_capacity_statement_in_many_forms_satisfies_it() {
        for s in [
            "Op persoonlijke titel: de werkdruk in het onderwijs is te hoog.",
            "De werkdruk in het onderwijs is te hoog. Dit is mijn eigen mening.",
            "Mening = eigen. Leerkrachten verdienen meer.",
            "Leerkrachten verdienen meer. #persoonlijketitel",
            "Teachers deserve better pay. Views are my own.",
            "Opinions expressed are my own: our school needs funding.",
            "Namens de school: dank aan alle ouders voor de hulp bij de schoolreis.",
            "Ik schrijf dit als privépersoon: leerkrachten verdienen meer.",
        ] {
            assert_no_rule(&check_personal(s), "disclaimer.missing", s);
        }
    }

    #[test]
    fn school_account_and_private_topics_need_none() {
        assert_no_rule(
            &check_school("Morgen is er een studiedag."),
            "disclaimer.missing",
            "school account",
        );
        for s in [
            "Vanavond met een vriendin van de middelbare school uit eten.",
            "Storm op zee vandaag, windkracht 9.",
            "Lovely walk along the beach with the dog this morning.",
        ] {
            assert_no_rule(&check_personal(s), "disclaimer.missing", s);
        }
    }

    #[test]
    fn fix_inserts_the_policy_statement() {
        let f = check_personal("Trots op mijn leerlingen!");
        let d = f.iter().find(|f| f.rule == "disclaimer.missing").unwrap();
        assert_eq!(d.fixes[0].replacement, "Op persoonlijke titel: ");
        assert_eq!((d.fixes[0].span.start, d.fixes[0].span.end), (0, 0));
    }
}
