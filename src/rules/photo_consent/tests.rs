//! Tests of the photo-consent rule from the post and its file names (no inspection).
use crate::model::{Attachment, AttachmentKind, Platform};
use crate::testutil::*;

fn with_image(text: &str, platform: Platform, account: &str) -> Vec<crate::Finding> {
    let mut post = post(text, account);
    post.context.platform = platform;
    post.context
        .attachments
        .push(Attachment::new(AttachmentKind::Image, "IMG_1.jpg"));
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

fn with_file(text: &str, file: &str) -> Vec<crate::Finding> {
    let mut post = post(text, "school");
    post.context.platform = Platform::Facebook;
    post.context
        .attachments
        .push(Attachment::new(AttachmentKind::Image, file));
    check_post(&policy(), &post)
}

/// Only a hint, and no warning: the photo-consent finding the post got is info.
fn only_the_hint(f: &[crate::Finding], why: &str) {
    let p: Vec<_> = f
        .iter()
        .filter(|f| f.category.as_str() == "photo-consent")
        .collect();
    assert!(
        p.len() == 1
            && p[0].rule == "photo-consent.no-pupils-said"
            && p[0].severity.as_str() == "info",
        "{why}: {p:?}"
    );
}

#[test]
fn a_photo_said_to_show_things_or_staff_gets_a_hint_not_a_warning() {
    let f = with_file(
        "De nieuwe gymzaal is klaar, met een houten vloer.",
        "IMG_1.jpg",
    );
    only_the_hint(&f, "a room");
    // The file name says what the text does not.
    let f = with_file("Vanaf maandag weer in gebruik!", "schoolbus_nieuw.jpg");
    only_the_hint(&f, "the file name");
    let f = with_file(
        "Een mooi teamuitje met alle collega's van de school.",
        "IMG_2.jpg",
    );
    only_the_hint(&f, "staff");
    let f = with_file("Our new science wing is finally open.", "IMG_3.jpg");
    only_the_hint(&f, "English, a building");
    let f = with_file(
        "Farewell to our head of music after twenty years at school.",
        "x.jpg",
    );
    only_the_hint(&f, "English, staff");
    let f = with_file(
        "De nieuwe kippen op het schoolerf scharrelen al rond.",
        "IMG_4.jpg",
    );
    only_the_hint(&f, "animals");
    // The file name describes the photo, the post the news about the pupils.
    let f = with_file(
        "Vanaf maandag bakken de leerlingen hier hun eigen brood.",
        "bakkerij_nieuwe_steenoven.jpg",
    );
    only_the_hint(&f, "a thing in the file name");
    let f = with_file("Klaar voor de leerlingen van groep 3!", "lokaal_leeg.jpg");
    only_the_hint(&f, "an empty room in the file name");
    // An empty room named for its class: empty settles it.
    let f = with_file(
        "Zo ziet het eruit voordat de kinderen komen.",
        "kleuterklas_lokaal_leeg.jpg",
    );
    only_the_hint(&f, "an empty class room");
    // A graphic announcing the event, whatever the event has in it.
    let f = with_file(
        "Zomerfeest met de kinderband van groep 7/8. Kom allemaal!",
        "poster_zomerfeest.png",
    );
    only_the_hint(&f, "a poster");
    let f = with_file(
        "Open day on Saturday! Meet our pupils.",
        "openday_flyer.jpg",
    );
    only_the_hint(&f, "English, a flyer");
    // A staff member of the policy, named in full in the file name: a portrait.
    let f = with_file(
        "Maak kennis met onze nieuwe collega, ze geeft les aan groep 5.",
        "emma_verbeek_portret_klas.jpg",
    );
    only_the_hint(&f, "a staff member in the file name");
}

#[test]
fn a_thing_pupils_made_or_a_first_name_in_the_file_name_keeps_the_warning() {
    // Pupils are photographed holding what they made: a craft in the file name settles
    // nothing; a staff member's first name alone may be a pupil's.
    for (text, file) in [
        (
            "Mijn klas heeft vogelhuisjes getimmerd!",
            "vogelhuisjes.jpg",
        ),
        ("Groep 4 in de les van juf Emma.", "emma_groep4.jpg"),
    ] {
        let f = with_file(text, file);
        assert_rule(&f, "photo-consent.unconfirmed");
    }
}

#[test]
fn pupils_a_class_or_an_activity_next_to_the_things_keep_the_warning() {
    for (text, file) in [
        (
            "De leerlingen van groep 5 in de nieuwe gymzaal.",
            "IMG_1.jpg",
        ),
        ("Sportdag op het schoolplein!", "IMG_1.jpg"),
        ("De nieuwe gymzaal is klaar.", "brugklassers_gymzaal.jpg"),
        (
            "Voorleesochtend in de bibliotheek van de school.",
            "kleuters_bieb.jpg",
        ),
        (
            "Het nieuwe lokaal van 2 vwo, vol blije gezichtjes.",
            "IMG_1.jpg",
        ),
        ("The Grade 7 class in our new science wing.", "IMG_3.jpg"),
        (
            "First day of school in the hall, so many little faces!",
            "IMG_3.jpg",
        ),
        ("Op de kinderboerderij de geitjes gevoerd!", "IMG_4.jpg"),
        ("De kippen van 3B zijn er weer.", "IMG_4.jpg"),
        // a room or an animal in the file name does not settle it
        ("Groep 6 heeft de aula versierd.", "aula_versierd.jpg"),
        ("Groep 1/2 voerde de kalfjes.", "kalfjes.jpg"),
    ] {
        let f = with_file(text, file);
        assert_rule(&f, "photo-consent.unconfirmed");
        assert_no_rule(&f, "photo-consent.no-pupils-said", text);
    }
}
