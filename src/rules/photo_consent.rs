//! photo-consent: an image or video of a school situation needs consent for this channel
//! from every pupil in it (portretrecht).

use super::{Ctx, Hit, Rule};
use crate::catalog;
use regex::Regex;
use std::sync::OnceLock;

pub struct PhotoConsent;

/// "zonder kinderen", "no pupils in the picture": the writer says no pupil is pictured.
fn nobody_pictured() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        crate::text::regex(
            r"\b(zonder|geen) (kinderen|leerlingen|kids|mensen|personen)\b|\b(no|without) (children|pupils|students|kids|people)\b|\bniemand (herkenbaar )?(op de foto|in beeld)\b|\bnobody (is )?(in|on) (the )?(picture|photo)\b|\bbefore (any|the) (pupils|children|students|kids)\b|\bvoor(dat)? (er )?(de )?(kinderen|leerlingen) (er )?(waren|kwamen|binnen)",
        )
    })
}

impl Rule for PhotoConsent {
    fn check(&self, ctx: &Ctx, out: &mut Vec<Hit>) {
        let a = ctx.analysis;
        let atts = &ctx.post.context.attachments;
        if atts.is_empty() || !a.school_context && a.mentions.is_empty() {
            return;
        }
        let channel = ctx
            .policy
            .policy
            .channel(ctx.post.context.platform)
            .to_string();
        let channel_arg = format!("channel.{channel}");
        let orig = ctx.text.orig;
        let mut any_named = false;
        let mut all_consent = true;
        for m in &a.mentions {
            any_named = true;
            let name = &orig[m.start..m.end];
            match m.pupil {
                Some(p) => {
                    let pupil = &ctx.policy.policy.roster[p];
                    if !pupil.consent.get(&channel).copied().unwrap_or(false) {
                        all_consent = false;
                        out.push(
                            Hit::new(&catalog::photo_consent::NO_CONSENT, m.start, m.end)
                                .arg(
                                    "pupil",
                                    if pupil.name.is_empty() {
                                        name
                                    } else {
                                        &pupil.name
                                    },
                                )
                                .arg("name", name)
                                .arg("channel", channel_arg.clone()),
                        );
                    }
                }
                None => {
                    all_consent = false;
                    out.push(
                        Hit::new(&catalog::photo_consent::UNKNOWN_PUPIL, m.start, m.end)
                            .arg("name", name)
                            .arg("channel", channel_arg.clone()),
                    );
                }
            }
        }
        if any_named {
            if all_consent {
                // A hint on the first name: every pupil named has consent for this channel.
                let first = &a.mentions[0];
                out.push(
                    Hit::new(&catalog::photo_consent::CONSENTED, first.start, first.end)
                        .arg("channel", channel_arg),
                );
            }
            return;
        }
        if nobody_pictured().is_match(&ctx.text.norm) {
            return;
        }
        let (s, e) = a.topic_signal.unwrap_or((0, 0));
        out.push(Hit::new(&catalog::photo_consent::UNCONFIRMED, s, e).arg("channel", channel_arg));
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Attachment, AttachmentKind, Platform};
    use crate::testutil::*;

    fn with_image(text: &str, platform: Platform, account: &str) -> Vec<crate::Finding> {
        let mut post = post(text, account);
        post.context.platform = platform;
        post.context.attachments.push(Attachment {
            kind: AttachmentKind::Image,
            name: "IMG_1.jpg".into(),
        });
        check_post(&policy(), &post)
    }

    #[test]
    fn named_pupil_without_consent_for_the_channel_is_an_error() {
        let f = with_image(
            "Daan uit groep 6 op de hoge duikplank!",
            Platform::Instagram,
            "school",
        );
        let h = f
            .iter()
            .find(|f| f.rule == "photo-consent.no-consent")
            .expect("a no-consent error");
        assert_eq!(h.severity.as_str(), "error");
        assert!(h.message.contains("Daan de Vries"), "{}", h.message);
    }

    #[test]
    fn consent_is_per_channel() {
        // Fleur has consent for the school app, not for social media.
        let f = with_image(
            "Fleur uit groep 6 won de tekenwedstrijd.",
            Platform::Schoolapp,
            "school",
        );
        assert_no_rule(&f, "photo-consent.no-consent", "schoolapp consent");
        assert!(f
            .iter()
            .any(|f| f.rule == "photo-consent.consented" && f.severity.as_str() == "info"));
        let f = with_image(
            "Fleur uit groep 6 won de tekenwedstrijd.",
            Platform::Facebook,
            "school",
        );
        assert_rule(&f, "photo-consent.no-consent");
    }

    #[test]
    fn pupils_likely_pictured_and_none_named_asks_to_confirm() {
        let f = with_image(
            "Groep 4 genoot vandaag van de excursie.",
            Platform::Facebook,
            "school",
        );
        assert_rule(&f, "photo-consent.unconfirmed");
        let f = with_image(
            "Year 3 had a great time at the science fair.",
            Platform::X,
            "school",
        );
        assert_rule(&f, "photo-consent.unconfirmed");
    }

    #[test]
    fn no_school_situation_or_nobody_pictured_needs_nothing() {
        let f = with_image(
            "Een koolmees in de voertuin vanochtend.",
            Platform::Instagram,
            "personal",
        );
        assert_no_category(&f, "photo-consent", "bird");
        let f = with_image(
            "Het nieuwe klimrek op het schoolplein staat er. Foto zonder kinderen.",
            Platform::Facebook,
            "school",
        );
        assert_no_category(&f, "photo-consent", "no children");
        let f = check_with(&policy(), "Groep 4 genoot van de excursie.", "school");
        assert_no_category(&f, "photo-consent", "no attachment");
    }
}
