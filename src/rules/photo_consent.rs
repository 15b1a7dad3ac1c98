//! photo-consent: an image or video of a school situation needs consent for this channel
//! from every pupil in it (portretrecht).

use super::photo_location::photo_label;
use super::{Ctx, Hit, Rule};
use crate::catalog;
use crate::model::AttachmentKind;
use crate::text::Regex;

pub struct PhotoConsent;

/// "zonder kinderen", "no pupils in the picture": the writer says no pupil is pictured
/// (`lexicon/{nl,en}/photo.txt`).
fn photo_words() -> &'static crate::lexicon::regexes::Regexes {
    lexicon_regexes!(
        "photo",
        [
            "nobody-pictured",
            "places-pictured",
            "things-pictured",
            "graphic-pictured",
            "staff-pictured",
            "empty-pictured",
            "pupils-pictured",
            "activity-pictured",
        ]
    )
}

fn nobody_pictured() -> &'static Regex {
    photo_words().get("nobody-pictured")
}

/// The attachments' file names as words: a school's camera names files `IMG_4411`, but a
/// communication officer often names them `gymzaal_vloer` or `kantine_leeg`. Normalised as
/// the post is, with the separators of file names as spaces.
fn file_words(ctx: &Ctx) -> String {
    let mut s = String::new();
    for att in &ctx.post.context.attachments {
        let stem = att
            .name
            .rsplit_once('.')
            .map_or(att.name.as_str(), |(stem, _)| stem);
        s.push('\n');
        s.push_str(&crate::text::normalize(&stem.replace(['_', '-', '.'], " ")));
    }
    s
}

/// A staff member of the policy named in full in the file names ("marjolein_brouwer_euritmie":
/// a portrait for the introduction of a colleague).
fn names_staff(ctx: &Ctx, files: &str) -> bool {
    let padded = format!(" {} ", files.replace('\n', " "));
    ctx.policy.policy.staff.iter().any(|name| {
        let n = crate::text::normalize(name);
        n.contains(' ') && padded.contains(&format!(" {n} "))
    })
}

/// Only things or staff are said to be pictured: a building, a room, an object, a team
/// outing, and no pupil, class or activity (which has people in it) named. The file name
/// describes the photo, the post the news: a file named for a thing or an empty room
/// ("steenoven", "lokaal_leeg") settles it whatever the post says of the pupils who will
/// use it; otherwise the post and the file name are read together.
fn only_things_or_staff(ctx: &Ctx) -> bool {
    let w = photo_words();
    let files = file_words(ctx);
    let says = |section: &str, s: &str| w.get(section).is_match(s);
    let says_people = |s: &str| says("pupils-pictured", s) || says("activity-pictured", s);
    // A room or an animal in the file name does not settle it (pupils are in rooms and feed
    // animals); a thing, a staff member, or a file named as empty or as a portrait does. A
    // graphic (a poster, a flyer) or an empty room or thing settles it even where the file
    // name also names the event or the class ("poster_zomerfeest", "kleuterklas_leeg").
    let empty = says("empty-pictured", &files)
        && (says("places-pictured", &files) || says("things-pictured", &files));
    if says("graphic-pictured", &files) || empty || names_staff(ctx, &files) {
        return true;
    }
    let file_settles = says("things-pictured", &files) || says("staff-pictured", &files);
    if file_settles && !says_people(&files) {
        return true;
    }
    // A class named ("SO-B", "groep 5", a roster group) puts its pupils in the picture.
    let words = ctx.words;
    let roster = &ctx.policy.roster;
    let class_named = words.iter().enumerate().any(|(i, w)| {
        crate::rules::school_words::is_class_code(w)
            || w.len() > 1 && roster.is_group(w)
            // "4 Plant", "ISK 2": a roster group in two words
            || words.get(i + 1).is_some_and(|n| roster.is_group_pair(w, n))
    });
    let s = format!("{}{files}", ctx.text.norm);
    (says("places-pictured", &s) || says("things-pictured", &s) || says("staff-pictured", &s))
        && !class_named
        && !says_people(&s)
}

impl Rule for PhotoConsent {
    fn check(&self, ctx: &Ctx, out: &mut Vec<Hit>) {
        let a = ctx.analysis;
        let atts = &ctx.post.context.attachments;
        if atts.is_empty() || !a.school_context && a.mentions.is_empty() {
            return;
        }
        // What the photo inspection counted; a photo it did not look at may show anyone.
        // Every attachment inspected and faceless: nobody is pictured, so no warning to
        // confirm; a pupil named without consent stays an error (the detector can miss a
        // face turned away). A video's count is of one sampled frame: faces there count,
        // none there says nothing about the rest of the video.
        let faces = |att: &crate::model::Attachment| match att.kind {
            AttachmentKind::Image => att.faces,
            AttachmentKind::Video => att.faces.filter(|&n| n > 0),
        };
        let faceless = atts.iter().all(|att| faces(att) == Some(0));
        if faceless && a.mentions.is_empty() {
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
        let mut consented: Vec<usize> = Vec::new();
        for m in &a.mentions {
            any_named = true;
            let name = &orig[m.start..m.end];
            match m.pupil {
                Some(p) => {
                    let pupil = &ctx.policy.policy.roster[p];
                    if pupil.consent.get(&channel).copied().unwrap_or(false) {
                        if !consented.contains(&p) {
                            consented.push(p);
                        }
                    } else {
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
        // Faces counted: more of them than named pupils with consent asks to confirm
        // consent for each one pictured (the named ones without it are errors above).
        let mut faces_warned = false;
        for (i, att) in atts.iter().enumerate() {
            let n = faces(att).unwrap_or(0);
            if n as usize <= consented.len() {
                continue;
            }
            let (s, e) = a.topic_signal.unwrap_or((0, 0));
            let count = match (att.kind, n) {
                (AttachmentKind::Video, 1) => "photo.video-faces-one",
                (AttachmentKind::Video, _) => "photo.video-faces-many",
                (_, 1) => "photo.faces-one",
                _ => "photo.faces-many",
            };
            out.push(
                Hit::new(&catalog::photo_consent::FACES, s, e)
                    .arg("count", count)
                    .arg("photo", photo_label(&att.name, i))
                    .arg("faces", n.to_string())
                    .arg("consented", consented.len().to_string())
                    .arg("channel", channel_arg.clone()),
            );
            faces_warned = true;
        }
        if any_named {
            if all_consent && !faces_warned {
                // A hint on the first name: every pupil named has consent for this channel.
                let first = &a.mentions[0];
                out.push(
                    Hit::new(&catalog::photo_consent::CONSENTED, first.start, first.end)
                        .arg("channel", channel_arg),
                );
            }
            return;
        }
        if faces_warned || nobody_pictured().is_match(&ctx.text.norm) {
            return;
        }
        let (s, e) = a.topic_signal.unwrap_or((0, 0));
        // Nothing the photo inspection counted, and the post speaks only of things or
        // staff: a hint, not a warning (the photo is not known to be empty).
        let rule = if only_things_or_staff(ctx) {
            &catalog::photo_consent::NO_PUPILS_SAID
        } else {
            &catalog::photo_consent::UNCONFIRMED
        };
        out.push(Hit::new(rule, s, e).arg("channel", channel_arg));
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod inspected {
    //! With what the photo inspection found (`faces`).
    use crate::model::{Attachment, AttachmentKind, Platform};
    use crate::testutil::*;

    fn with_faces(text: &str, faces: &[Option<u32>]) -> Vec<crate::Finding> {
        let mut post = post(text, "school");
        post.context.platform = Platform::Facebook;
        for (i, &n) in faces.iter().enumerate() {
            let mut att = Attachment::new(AttachmentKind::Image, format!("IMG_{i}.jpg"));
            att.faces = n;
            post.context.attachments.push(att);
        }
        check_post(&policy(), &post)
    }

    #[test]
    fn no_faces_no_warning_to_confirm() {
        let f = with_faces("Groep 4 genoot vandaag van de excursie.", &[Some(0)]);
        assert_no_category(&f, "photo-consent", "no faces");
        // A second photo not inspected (or a video) may still show pupils.
        let f = with_faces("Groep 4 genoot vandaag van de excursie.", &[Some(0), None]);
        assert_rule(&f, "photo-consent.unconfirmed");
        // A named pupil without consent stays an error: a face turned away is missed.
        let f = with_faces("Daan uit groep 6 op de hoge duikplank!", &[Some(0)]);
        assert_rule(&f, "photo-consent.no-consent");
    }

    #[test]
    fn faces_give_the_count_and_ask_consent_per_pupil() {
        let f = with_faces("Groep 4 genoot vandaag van de excursie.", &[Some(12)]);
        let h = f
            .iter()
            .find(|f| f.rule == "photo-consent.faces")
            .expect("faces warning");
        assert_eq!(h.severity.as_str(), "warning");
        assert!(
            h.message
                .starts_with("Op deze foto (IMG_0.jpg) staan 12 gezichten."),
            "{}",
            h.message
        );
        assert!(h.message.contains("elke leerling"), "{}", h.message);
        assert_no_rule(&f, "photo-consent.unconfirmed", "the count replaces it");
        let f = with_faces("Groep 4 genoot vandaag van de excursie.", &[Some(1)]);
        let h = f.iter().find(|f| f.rule == "photo-consent.faces").unwrap();
        assert!(h.message.contains("staat 1 gezicht."), "{}", h.message);
    }

    #[test]
    fn a_video_frame_with_faces_counts_an_empty_frame_says_nothing() {
        let mut post = post("Groep 4 genoot vandaag van de excursie.", "school");
        let mut clip = Attachment::new(AttachmentKind::Video, "clip.webm");
        clip.faces = Some(2);
        post.context.attachments.push(clip);
        let f = check_post(&policy(), &post);
        let h = f
            .iter()
            .find(|f| f.rule == "photo-consent.faces")
            .expect("faces warning");
        assert!(
            h.message
                .starts_with("In een beeld uit deze video (clip.webm) staan 2 gezichten."),
            "{}",
            h.message
        );
        assert_no_rule(&f, "photo-consent.unconfirmed", "the count replaces it");
        // No face in the sampled frame: the rest of the video may show anyone.
        post.context.attachments[0].faces = Some(0);
        let f = check_post(&policy(), &post);
        assert_rule(&f, "photo-consent.unconfirmed");
        assert_no_rule(&f, "photo-consent.faces", "no face in the frame");
    }

    #[test]
    fn more_faces_than_consented_pupils_is_a_warning() {
        // Fleur has consent for the school app only: there she counts, on Facebook she is
        // an error.
        let mut post = post("Fleur uit groep 6 won de tekenwedstrijd.", "school");
        post.context.platform = Platform::Schoolapp;
        let mut att = Attachment::new(AttachmentKind::Image, "prijs.jpg");
        att.faces = Some(1);
        post.context.attachments.push(att.clone());
        let f = check_post(&policy(), &post);
        assert_no_rule(&f, "photo-consent.faces", "one face, one consented pupil");
        assert_rule(&f, "photo-consent.consented");
        post.context.attachments[0].faces = Some(3);
        let f = check_post(&policy(), &post);
        let h = f
            .iter()
            .find(|f| f.rule == "photo-consent.faces")
            .expect("3 faces > 1 consent");
        assert!(
            h.message.contains("3 gezichten") && h.message.contains("er 1."),
            "{}",
            h.message
        );
        assert_no_rule(&f, "photo-consent.consented", "not everyone is covered");
        // Without consent for the channel: the error, as before, and the count.
        post.context.platform = Platform::Facebook;
        let f = check_post(&policy(), &post);
        assert_rule(&f, "photo-consent.no-consent");
        assert_rule(&f, "photo-consent.faces");
    }

    #[test]
    fn a_file_name_that_looks_like_a_message_key_is_kept() {
        let mut post = post("Groep 4 genoot vandaag van de excursie.", "school");
        let mut att = Attachment::new(AttachmentKind::Image, "group.jpg");
        att.faces = Some(3);
        post.context.attachments.push(att);
        let f = check_post(&policy(), &post);
        let h = f.iter().find(|f| f.rule == "photo-consent.faces").unwrap();
        assert!(
            h.message.starts_with("Op deze foto (group.jpg) staan 3"),
            "{}",
            h.message
        );
    }

    #[test]
    fn english_count() {
        let mut post = post("Year 3 had a great time at the science fair.", "school");
        post.locale = crate::model::Locale::En;
        let mut att = Attachment::new(AttachmentKind::Image, "");
        att.faces = Some(2);
        post.context.attachments.push(att);
        let f = check_post(&policy(), &post);
        let h = f.iter().find(|f| f.rule == "photo-consent.faces").unwrap();
        assert!(
            h.message.starts_with("This photo (#1) shows 2 faces."),
            "{}",
            h.message
        );
    }
}
