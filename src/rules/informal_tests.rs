//! Unit tests of the informal rule.

use super::*;
use crate::testutil::*;

#[test]
fn chat_speak_with_formal_fixes() {
    let f = check_school("Morgen ff de gymspullen meenemen, idd.");
    let ff = f.iter().find(|f| f.text == "ff").unwrap();
    assert_eq!(ff.fixes[0].replacement, "even");
    assert!(has_span(&f, "informal", "idd"));
    let f = check_school("Sports day tomorrow, don't forget your water bottles lol");
    assert!(has_span(&f, "informal", "lol"));
    assert_eq!(
        apply_fix("bottles lol", &check_school("bottles lol")[0].fixes[0]),
        "bottles"
    );
    assert!(has_span(
        &check_school("Tot morgen, laterzz"),
        "informal",
        "laterzz"
    ));
    assert!(has_span(
        &check_school("OMG wat een dag"),
        "informal",
        "OMG"
    ));
}

#[test]
fn kisses_stretched_punctuation_emoji_and_shouting() {
    assert!(has_span(
        &check_school("Dank jullie wel! xxx"),
        "informal",
        "xxx"
    ));
    assert!(has_span(&check_school("Tot morgen x"), "informal", "x"));
    assert!(has_span(
        &check_school("Het was superrrr leuk"),
        "informal",
        "superrrr"
    ));
    assert!(has_span(
        &check_school("Gymspullen mee!!!!"),
        "informal",
        "!!!!"
    ));
    assert!(has_span(
        &check_school("Wat een feest 🎉🎉🎉"),
        "informal",
        "🎉🎉🎉"
    ));
    assert!(has_span(
        &check_school("MORGEN IS HET ZOVER, de sportdag"),
        "informal",
        "MORGEN IS HET ZOVER"
    ));
    assert!(has_span(
        &check_school("Kapot leuk vandaag"),
        "informal",
        "Kapot leuk"
    ));
}

#[test]
fn a_zwj_sequence_is_one_emoji() {
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";
    let one = format!("Leuk gezin {family} op het plein");
    assert_no_category(&check_school(&one), "informal", &one);
    let two = format!("Wat gezellig {family}{family}");
    let f = check_school(&two);
    assert!(has_span(&f, "informal", &format!("{family}{family}")));
    let fix = &f.iter().find(|x| x.rule == "informal.emoji").unwrap().fixes[0];
    assert_eq!(apply_fix(&two, fix), format!("Wat gezellig {family}"));
    let flag = "Hup \u{1F1F3}\u{1F1F1}";
    assert_no_category(&check_school(flag), "informal", flag);
}

#[test]
fn ordinary_text_is_not_informal() {
    for s in [
        "De ouderavond is op 12 maart om 19.30 uur in de aula.",
        "Groep 3 x groep 4: de uitslag is 3 x 4 = 12.",
        "OBS De Linde en de BSO werken samen.",
        "Fijne vakantie allemaal! 🌷",
        "Koning Willem III opende de school in 1870.",
        "Kijk op www.school.nl voor meer informatie.",
        "Wist u dat? De bibliotheek is vernieuwd.",
        "Het lokaal is weer kapot: de verwarming doet het niet.",
        "Brugklaskamp: regen, modder en heel veel lol.",
    ] {
        assert_no_category(&check_school(s), "informal", s);
    }
}

#[test]
fn unstretch_keeps_long_vowels() {
    assert_eq!(unstretch("superrrr").as_deref(), Some("super"));
    assert_eq!(unstretch("sooo").as_deref(), Some("so"));
    assert_eq!(unstretch("mooooi").as_deref(), Some("mooi"));
    assert_eq!(unstretch("neeee").as_deref(), Some("nee"));
    assert_eq!(unstretch("vreselijk"), None);
    assert_eq!(unstretch("III"), None);
}
