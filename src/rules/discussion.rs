//! discussion: a public reply to a parent or pupil that argues or defends a school matter
//! instead of taking it to a private conversation.

use super::{Ctx, Hit, Rule};
use crate::catalog;
use crate::lexicon::regexes::Regexes;
use crate::model::{Category, ReplyTo};

pub struct Discussion;

/// The markers of `lexicon/{nl,en}/discussion.txt`: `strong` (arguing on its own: "wel
/// degelijk", "dat klopt niet", "with respect"), `weak` (arguing when two come together:
/// "maar", "gewoon", "because"), `offline` (taking it offline: "ik bel u", "call me").
fn markers() -> &'static Regexes {
    lexicon_regexes!("discussion", ["strong", "weak", "offline"])
}

impl Rule for Discussion {
    fn check(&self, ctx: &Ctx, out: &mut Vec<Hit>) {
        let group = match ctx.post.context.reply_to {
            Some(ReplyTo::Parent) => "group.parent",
            Some(ReplyTo::Student) => "group.student",
            _ => return,
        };
        let t = ctx.text;
        let m = markers();
        let strong = m.get("strong").find(&t.norm);
        let extra = ctx.policy.extra.get(&Category::Discussion).and_then(|p| {
            let words = ctx.words;
            (0..words.len()).find_map(|i| {
                p.longest(&words[i..])
                    .map(|(n, _)| (t.tokens[i].start, t.tokens[i + n - 1].end))
            })
        });
        let weak: Vec<_> = m.get("weak").find_iter(&t.norm).collect();
        let offline = m.get("offline").is_match(&t.norm);
        let span = match (strong, extra) {
            (Some(s), _) => Some(t.to_orig(s.start(), s.end())),
            (None, Some(e)) => Some(e),
            (None, None) if weak.len() >= 2 && !offline => {
                Some(t.to_orig(weak[0].start(), weak[0].end()))
            }
            _ => None,
        };
        let Some((s, e)) = span else { return };
        // Underline the sentence that argues.
        let (ss, se) = t
            .sentences
            .iter()
            .copied()
            .find(|&(a, b)| a <= s && s < b)
            .unwrap_or((s, e));
        let start = ss + (t.orig[ss..se].len() - t.orig[ss..se].trim_start().len());
        let end = ss + t.orig[ss..se].trim_end().len();
        let line = ctx
            .policy
            .policy
            .offline_contact
            .get(ctx.post.locale)
            .to_string();
        out.push(
            Hit::new(&catalog::discussion::PUBLIC_REPLY, start, end.max(start))
                .arg("group", group)
                .fix("fix.offline", line, 0, t.orig.len()),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::model::ReplyTo;
    use crate::testutil::*;

    fn reply(text: &str, to: ReplyTo) -> Vec<crate::Finding> {
        let mut p = post(text, "school");
        p.context.reply_to = Some(to);
        check_post(&policy(), &p)
    }

    #[test]
    fn arguing_with_a_parent_or_pupil_in_public() {
        for s in [
            "Nee mevrouw, dat klopt niet. Uw zoon is gewoon op tijd opgehaald.",
            "De ouderbijdrage is wel degelijk vrijwillig, dat hebben we al uitgelegd.",
            "With respect, the decision is final and will not be reversed.",
            "Het beleid is duidelijk: daar maken we geen uitzondering op.",
            // session 6: granting the opinion, insisting on the rule, showing the door
            "U mag vinden dat de toets te moeilijk was, maar de normering staat vast.",
            "Dat is onjuist: de mentor heeft twee keer gebeld.",
            "De regels over telefoons gelden ook voor uw zoon.",
            "Als dat u niet bevalt, kunt u een andere school kiezen.",
            "Wij staan volledig achter onze collega. Ik laat het hierbij.",
            "Nogmaals: de excursie is niet verplicht.",
            "You may feel the trip is too expensive, but the price was in the letter.",
            "I'm sorry you feel that way. We stand by the decision.",
            "That is the rule, as clearly stated in the school guide.",
            "Posting here won't change it.",
            // session 7: contradicting the account, sending to what was not read
            "Zo is het niet gegaan, de mentor was er zelf bij.",
            "Als u de brief van vorige week had gelezen, wist u dat de les vervalt.",
            "Misschien eerst navragen voordat u hier gaat klagen.",
            "That isn't what happened: the trip was announced in May.",
            "Some of you clearly haven't read the newsletter.",
        ] {
            assert_rule(&reply(s, ReplyTo::Parent), "discussion.public-reply");
        }
        assert_rule(
            &reply(
                "Nee, het schoolfeest wordt niet verplaatst.",
                ReplyTo::Student,
            ),
            "discussion.public-reply",
        );
    }

    #[test]
    fn taking_it_offline_or_other_threads_is_fine() {
        for s in [
            "Dank voor uw bericht. Ik bel u vanmiddag, dan bespreken we het rustig.",
            "Wat vervelend om te lezen. Wilt u ons een privébericht sturen?",
            "Thanks for your message, could you call us tomorrow morning?",
            // session 6: the same words in a friendly reply
            "U kunt ons altijd bellen, maar ook mailen mag.",
            "Nogmaals dank voor de hulp bij de kerstmarkt!",
            "U schrijft dat Sem ziek is: beterschap, ik bel u morgen even.",
            "So glad you enjoyed it! See you at the open day.",
            "Fijn dat u het heeft gelezen! De brief staat ook in de app.",
            "The lunch menu is the same for every group this week.",
        ] {
            assert_no_rule(&reply(s, ReplyTo::Parent), "discussion.public-reply", s);
        }
        assert_no_rule(
            &reply("Nee, dat klopt niet.", ReplyTo::Colleague),
            "discussion.public-reply",
            "colleague",
        );
    }

    fn answering(text: &str, answered: &str) -> Vec<crate::Finding> {
        let mut p = post(text, "personal");
        p.context.reply_to_text = Some(answered.to_string());
        check_post(&policy(), &p)
    }

    #[test]
    fn the_addressee_is_inferred_when_the_site_cannot_say() {
        // From the message answered (a parent about their child, a pupil about a grade).
        assert_rule(
            &answering(
                "Nee, dat klopt niet. Het beleid is duidelijk.",
                "Mijn dochter kreeg als enige geen uitnodiging voor het feest.",
            ),
            "discussion.public-reply",
        );
        assert_rule(
            &answering(
                "No, the decision is final.",
                "Why did I get a fail on my test? Everyone else passed.",
            ),
            "discussion.public-reply",
        );
        // From the reply itself, when the site does not show the message.
        assert_rule(
            &answering("Beste mevrouw, uw zoon is wel degelijk gewaarschuwd.", ""),
            "discussion.public-reply",
        );
        // A colleague's message: no discussion with a parent or pupil.
        assert_no_rule(
            &answering(
                "Nee, dat klopt niet, het was dinsdag.",
                "Hoi collega, was de teamvergadering nu maandag?",
            ),
            "discussion.public-reply",
            "colleague",
        );
    }

    #[test]
    fn an_explicit_addressee_wins_and_announcements_are_not_replies() {
        let mut p = post("Nee, dat klopt niet.", "personal");
        p.context.reply_to_text = Some("Mijn zoon was er niet bij.".into());
        p.context.reply_to = Some(ReplyTo::Colleague);
        assert_no_rule(
            &check_post(&policy(), &p),
            "discussion.public-reply",
            "given colleague",
        );
        let p = post(
            "Beste ouders, de schoolreis gaat helaas niet door omdat de bus niet kan.",
            "school",
        );
        assert_no_rule(
            &check_post(&policy(), &p),
            "discussion.public-reply",
            "a new post to the parents",
        );
    }

    #[test]
    fn fix_offers_the_policy_contact_line() {
        let f = reply("Nee, dat klopt niet.", ReplyTo::Parent);
        let d = f
            .iter()
            .find(|f| f.rule == "discussion.public-reply")
            .unwrap();
        assert!(d.fixes[0].replacement.contains("persoonlijk"));
        assert_eq!(
            d.fixes[0].span.end,
            "Nee, dat klopt niet.".encode_utf16().count()
        );
    }
}
