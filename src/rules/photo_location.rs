//! confidential.photo-location: an attached photo whose metadata (EXIF GPS, camera owner,
//! author) tells where it was taken or whose it is. What the file holds is found on the
//! device by the photo inspection (crates/postwacht-image) and sent in the post's
//! attachments (`gps`, `owner`); this rule only decides. A photo that was not inspected
//! gets nothing here. A photo it read but whose pixels it could not look at (over 40
//! megapixels, HEIC) gets the info `photo-consent.not-inspected`.

use super::{Ctx, Hit, Rule};
use crate::catalog;
use crate::model::AttachmentKind;

pub struct PhotoLocation;

/// The attachment's name for messages, or its place in the list when it has none.
pub fn photo_label(name: &str, index: usize) -> String {
    let name = name.trim();
    if name.is_empty() {
        format!("#{}", index + 1)
    } else {
        name.to_string()
    }
}

impl Rule for PhotoLocation {
    fn check(&self, ctx: &Ctx, out: &mut Vec<Hit>) {
        for (i, a) in ctx.post.context.attachments.iter().enumerate() {
            if a.kind != AttachmentKind::Image {
                continue;
            }
            if a.faces.is_none() && a.not_inspected {
                // The photo inspection read it but could not look at the pixels.
                out.push(
                    Hit::new(&catalog::photo_consent::NOT_INSPECTED, 0, 0)
                        .arg("photo", photo_label(&a.name, i)),
                );
            }
            let what = match (a.has_gps(), a.has_owner()) {
                (true, true) => "photo.gps-owner",
                (true, false) => "photo.gps",
                (false, true) => "photo.owner",
                (false, false) => continue,
            };
            // Not tied to the text: an empty span at its start, like the other
            // attachment findings without a signal.
            out.push(
                Hit::new(&catalog::confidential::PHOTO_LOCATION, 0, 0)
                    .arg("photo", photo_label(&a.name, i))
                    .arg("what", what),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Attachment, AttachmentKind, Gps, Owner, Post};
    use crate::testutil::*;

    fn with(att: Attachment) -> Vec<crate::Finding> {
        let mut post = post("Het nieuwe klimrek staat er!", "school");
        post.context.attachments.push(att);
        check_post(&policy(), &post)
    }

    fn photo() -> Attachment {
        Attachment::new(AttachmentKind::Image, "IMG_1.jpg")
    }

    #[test]
    fn gps_or_owner_in_the_file_is_a_confidential_finding() {
        let f = with(Attachment {
            gps: Some(Gps::At {
                lat: 52.09,
                lon: 5.12,
            }),
            ..photo()
        });
        let h = f
            .iter()
            .find(|f| f.rule == "confidential.photo-location")
            .expect("a finding");
        assert_eq!(h.category.as_str(), "confidential");
        assert_eq!(h.severity.as_str(), "warning");
        assert!(
            h.message.contains("IMG_1.jpg") && h.message.contains("GPS"),
            "{}",
            h.message
        );
        assert!(!h.message.contains("eigenaar"), "{}", h.message);
        assert!(!h.reference.is_empty());

        let f = with(Attachment {
            owner: Some(Owner::Name("Anja".into())),
            ..photo()
        });
        let h = f
            .iter()
            .find(|f| f.rule == "confidential.photo-location")
            .unwrap();
        assert!(
            h.message.contains("eigenaar") && !h.message.contains("GPS"),
            "{}",
            h.message
        );

        let both = Attachment {
            gps: Some(Gps::Present(true)),
            owner: Some(Owner::Present(true)),
            ..photo()
        };
        let h = with(both)
            .into_iter()
            .find(|f| f.rule == "confidential.photo-location")
            .unwrap();
        assert!(
            h.message.contains("GPS") && h.message.contains("eigenaar"),
            "{}",
            h.message
        );
    }

    #[test]
    fn nothing_for_clean_or_uninspected_photos_and_videos() {
        for att in [
            photo(),
            Attachment {
                gps: Some(Gps::Present(false)),
                owner: Some(Owner::Present(false)),
                ..photo()
            },
            Attachment {
                owner: Some(Owner::Name(" ".into())),
                faces: Some(0),
                ..photo()
            },
            Attachment {
                gps: Some(Gps::Present(true)),
                ..Attachment::new(AttachmentKind::Video, "a.mp4")
            },
        ] {
            assert_no_rule(
                &with(att.clone()),
                "confidential.photo-location",
                &format!("{att:?}"),
            );
        }
    }

    #[test]
    fn a_photo_read_but_not_looked_at_is_an_info() {
        let json = r#"{"text": "Het nieuwe klimrek!", "context": {"attachments": [
            {"kind": "image", "name": "groot.jpg", "not_inspected": "too-large"},
            {"kind": "image", "name": "foto.heic", "not_inspected": "no-decoder", "gps": true}]}}"#;
        let f = check_post(&policy(), &Post::from_json(json).unwrap());
        let infos: Vec<_> = f
            .iter()
            .filter(|f| f.rule == "photo-consent.not-inspected")
            .collect();
        assert_eq!(infos.len(), 2, "{f:?}");
        assert_eq!(infos[0].severity.as_str(), "info");
        assert!(
            infos[0].message.contains("(groot.jpg)") && infos[0].message.contains("40 megapixel")
        );
        assert!(
            infos[1].message.contains("(foto.heic)"),
            "{}",
            infos[1].message
        );
        assert_rule(&f, "confidential.photo-location");
        for no in ["false", "null"] {
            let json = format!(
                r#"{{"text": "x", "context": {{"attachments": [{{"kind": "image", "not_inspected": {no}}}]}}}}"#
            );
            let f = check_post(&policy(), &Post::from_json(&json).unwrap());
            assert_no_rule(&f, "photo-consent.not-inspected", no);
        }
    }

    #[test]
    fn english_message_and_json_forms() {
        let json = r#"{"text": "New climbing frame!", "locale": "en", "context": {"account": "school",
            "attachments": [{"kind": "image", "name": "a.jpg", "gps": [52.1, 5.1], "owner": "X"},
                            {"kind": "image", "name": "b.jpg", "gps": {"lat": -54.8, "lon": -68.3}},
                            {"kind": "image", "name": "c.jpg", "gps": false, "owner": null}]}}"#;
        let post = Post::from_json(json).unwrap();
        let f = check_post(&policy(), &post);
        let hits: Vec<_> = f
            .iter()
            .filter(|f| f.rule == "confidential.photo-location")
            .collect();
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert!(
            hits[0].message.contains("a.jpg") && hits[0].message.contains("where it was taken")
        );
        assert!(hits[1].message.contains("b.jpg"), "{}", hits[1].message);
        for bad in [
            r#""gps": "yes""#,
            r#""gps": [1]"#,
            r#""gps": {"lat": 100, "lon": 1}"#,
            r#""owner": 3"#,
        ] {
            let json = format!(
                r#"{{"text": "x", "context": {{"attachments": [{{"kind": "image", {bad}}}]}}}}"#
            );
            assert!(Post::from_json(&json).is_err(), "{bad}");
        }
    }
}
