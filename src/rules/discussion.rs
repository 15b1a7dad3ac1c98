//! discussion: a public reply to a parent or pupil that argues or defends a school matter
//! instead of taking it to a private conversation.

use super::{Ctx, Hit, Rule};
use crate::catalog;
use crate::model::{Category, ReplyTo};
use crate::text::Regex;
use std::sync::OnceLock;

pub struct Discussion;

struct Markers {
    /// Arguing on its own: "wel degelijk", "dat klopt niet", "with respect", "no exceptions".
    strong: Regex,
    /// Arguing when two come together: "maar", "gewoon", "daarom", "but", "because".
    weak: Regex,
    /// Taking it offline: "ik bel u", "stuur ons een privébericht", "call me".
    offline: Regex,
}

fn markers() -> &'static Markers {
    static M: OnceLock<Markers> = OnceLock::new();
    M.get_or_init(|| Markers {
        strong: crate::text::regex(concat!(
            r"\bwel degelijk\b|(?:^|[.!?]\s+)nee\b|\b(dat )?klopt (gewoon |echt )?niet\b|\bmet (alle )?respect\b",
            r"|\b(ligt|lag) (echt |gewoon )?niet aan\b|\b(blijft|blijven) (gewoon )?staan\b|\bgeen uitzondering",
            r"|\bdaar blijven we bij\b|\bhoe vaak (je|u) (het )?ook\b|\b(al|ook|eerder|vaker) (drie keer |vaak |eerder )?uitgelegd\b",
            r"|\bbeleid is (duidelijk|helder)\b|\bregels zijn regels\b|\b(geldt|gelden) voor iedereen\b|\bklacht indienen\b",
            r"|\bniet mee eens\b|\bweet (u|je|jij) (ook|zelf|best|heel goed)\b|\bwat (u|je|jij) (hier )?schrijft\b",
            r"|\b(snap|begrijp) (uw|je|jouw) punt\b|\bzeuren\b|\bonzin\b|\bniet waar\b|\bongelijk\b|\b(uw|je|jouw) eigen schuld\b",
            r"|\bzelf (deed|gedaan|schuld)\b|\bniet (mijn|onze) schuld\b|\benige optie\b|\bwordt niet\b|\bgaat niet (door|naar)\b",
            r"|\bwith (all due )?respect\b|\bhonestly\b|\b(i|we) will not\b|\bwon'?t be\b|\bwill not be\b|\bwhatever\b",
            r"|\bthat'?s (not true|wrong|nonsense)\b|\byou(?:'re| are) wrong\b|\bdecision (is|was) (final|made)\b",
            r"|\bno exceptions?\b|\balready explained\b|\bnot (my|our) fault\b|\bthe rules are\b",
            r"|\b(niks|niets) (over te|aan te|aan) (discussieren|doen)\b|\bniet van afwijken\b|\bniet (in )?mee\b|\bniet mogelijk\b",
            r"|\bniet de schuld\b|\boneens\b|\bklaar\s*[.!]|\bhet is niet waar\b",
            r"|\b(weet|snap) (je|u|jij) (heel )?(goed|best|donders goed)\b|\byou know (perfectly )?well\b|\bunderstand your (frustration|concern|anger), but\b",
            r"|\b(weinig|niets|niks) (meer |verder )?over te (zeggen|discussieren)\b|\b(is|was) (echt |gewoon |heel )?(fair|eerlijk|terecht)\b",
            r"|\bup to you\b|\byour (own )?responsibility\b|\buw (eigen )?verantwoordelijkheid\b|\bwe do have\b|\bdecision stands\b",
            r"|\bis final\b|\b(no|geen) (real |echt )?(alternative|alternatief)\b|\bas (we've|we have) said\b|\bzoals (we )?(al )?(eerder )?(gezegd|aangegeven)\b",
            r"|\bdoesn'?t change (that|anything)\b|\bverandert daar niets aan\b|\bniet verder (over )?in discussie\b",
            r"|\boneerlijk\b|\bniet eerlijk\b|\bhelemaal niet\b|\b(geldt|gelden) voor alle\b|\b(iedereen|everyone) (kreeg|krijgt|got|gets) (dezelfde|hetzelfde|the same)\b",
            r"|\bif you think\b|\bals (u|je|jij) denkt\b|\bheel redelijk\b|\b(perfectly|entirely) (reasonable|fair)\b",
        )),
        weak: crate::text::regex(r"\bmaar\b|\bgewoon\b|\bdaarom\b|\bomdat\b|\becht\b|\bbut\b|\bjust\b|\bactually\b|\bbecause\b|\bsimply\b|\breally\b|\bcannot\b|\bcan't\b|\bniet\b|\bgeen\b|\bnooit\b|\bniks\b|\bniets\b|\bnot\b|\bnever\b|\bnothing\b|n't\b"),
        offline: crate::text::regex(
            r"\b(ik |we |wij )?(bel|bellen|belt) (u|je|jou|me|mij|ons)\b|\btelefonisch\b|\bprive ?bericht|\bpb\b|\bdm\b|\bbinnen ?lopen\b|\bkom (gerust |even )?langs\b|\bafspraak\b|\bpersoonlijk (contact|gesprek|bespreken)\b|\b(even |rustig )?bespreken\b|\bcall (me|us|you)\b|\bprivate message\b|\bin person\b|\boffline\b",
        ),
    })
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
        let strong = m.strong.find(&t.norm);
        let extra = ctx.policy.extra.get(&Category::Discussion).and_then(|p| {
            let words = ctx.words;
            (0..words.len()).find_map(|i| {
                p.longest(&words[i..])
                    .map(|(n, _)| (t.tokens[i].start, t.tokens[i + n - 1].end))
            })
        });
        let weak: Vec<_> = m.weak.find_iter(&t.norm).collect();
        let offline = m.offline.is_match(&t.norm);
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
